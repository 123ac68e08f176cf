-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "chairRemindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "reason" TEXT;

