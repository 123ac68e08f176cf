-- Who was on the roster when a decision opened moves to a table of its own (prisma/models.prisma,
-- DecisionOpening): as a column of Decision it made SQLite rewrite 37 kB of overflow pages
-- whenever the decision's version moved, on every click. Written by hand rather than as Prisma's
-- table redefinition, which would drop the cache-version triggers on "Decision".

-- CreateTable
CREATE TABLE "DecisionOpening" (
    "decisionId" TEXT NOT NULL PRIMARY KEY,
    "roster" TEXT NOT NULL,
    CONSTRAINT "DecisionOpening_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "DecisionOpening" ("decisionId", "roster") SELECT "id", "opening" FROM "Decision" WHERE "opening" IS NOT NULL;

ALTER TABLE "Decision" DROP COLUMN "opening";

-- A change to it is a change to the decision's state (docs/database.md, "Caches").
CREATE TRIGGER "DecisionOpening_decision_version_insert" AFTER INSERT ON "DecisionOpening" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "DecisionOpening_decision_version_update" AFTER UPDATE ON "DecisionOpening" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "DecisionOpening_decision_version_delete" AFTER DELETE ON "DecisionOpening" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;
