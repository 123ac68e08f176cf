-- Everyone on the roster is checked on every decision, and joins and departures during an open
-- decision are recorded (docs/decisions.md). Columns are added in place rather than by copying
-- the tables, so the triggers that bump "Decision"."version" (cache_versions) stay.

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "opening" TEXT;
ALTER TABLE "Decision" ADD COLUMN "rosterChanges" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Recusal" ADD COLUMN "voter" BOOLEAN NOT NULL DEFAULT true;
