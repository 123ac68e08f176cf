-- Who was on the roster when a decision opened moves to a table of its own (prisma/models.prisma,
-- DecisionOpening). The SQLite migration of the same name says why.

-- CreateTable
CREATE TABLE "DecisionOpening" (
    "decisionId" TEXT NOT NULL,
    "roster" TEXT NOT NULL,

    CONSTRAINT "DecisionOpening_pkey" PRIMARY KEY ("decisionId")
);

-- AddForeignKey
ALTER TABLE "DecisionOpening" ADD CONSTRAINT "DecisionOpening_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "DecisionOpening" ("decisionId", "roster") SELECT "id", "opening" FROM "Decision" WHERE "opening" IS NOT NULL;

-- AlterTable
ALTER TABLE "Decision" DROP COLUMN "opening";

-- A change to it is a change to the decision's state (docs/database.md, "Caches").
CREATE TRIGGER "DecisionOpening_decision_version" AFTER INSERT OR UPDATE OR DELETE ON "DecisionOpening" FOR EACH ROW EXECUTE FUNCTION "bump_decision_version"();
