-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "chairRemindedAt" DATETIME;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN "reason" TEXT;

