-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "meeting" TEXT;

