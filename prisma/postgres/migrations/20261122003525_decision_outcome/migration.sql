-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "outcome" TEXT;

-- AlterTable
ALTER TABLE "Declaration" ADD COLUMN     "organisation" TEXT;

