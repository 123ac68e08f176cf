-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "opening" TEXT,
ADD COLUMN     "rosterChanges" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Recusal" ADD COLUMN     "voter" BOOLEAN NOT NULL DEFAULT true;

