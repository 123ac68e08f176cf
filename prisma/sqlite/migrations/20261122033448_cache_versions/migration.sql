-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partnership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "rosterVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Partnership" ("createdAt", "id", "name", "settings", "slug", "updatedAt") SELECT "createdAt", "id", "name", "settings", "slug", "updatedAt" FROM "Partnership";
DROP TABLE "Partnership";
ALTER TABLE "new_Partnership" RENAME TO "Partnership";
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");
CREATE TABLE "new_Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "organisations" TEXT NOT NULL DEFAULT '[]',
    "options" TEXT NOT NULL,
    "ballot" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "closeReason" TEXT,
    "createdById" TEXT NOT NULL,
    "cardRef" TEXT,
    "remindersSentAt" DATETIME,
    "outcome" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Decision_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Decision" ("ballot", "cardRef", "closeReason", "closedAt", "closesAt", "createdAt", "createdById", "description", "id", "kind", "number", "options", "organisations", "outcome", "partnershipId", "remindersSentAt", "rules", "status", "title", "updatedAt", "visibility") SELECT "ballot", "cardRef", "closeReason", "closedAt", "closesAt", "createdAt", "createdById", "description", "id", "kind", "number", "options", "organisations", "outcome", "partnershipId", "remindersSentAt", "rules", "status", "title", "updatedAt", "visibility" FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
CREATE INDEX "Decision_status_closesAt_idx" ON "Decision"("status", "closesAt");
CREATE UNIQUE INDEX "Decision_partnershipId_number_key" ON "Decision"("partnershipId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Cache versions (docs/database.md, "Caches"). Any change to what a roster or a decision's state
-- is made of bumps a number; a process trusts its cached copy only while the number is unchanged.
-- Triggers, not application code, so every writer counts: the server, the CLI, other processes.
CREATE TRIGGER "Person_roster_version_insert" AFTER INSERT ON "Person" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."partnershipId"; END;
CREATE TRIGGER "Person_roster_version_update" AFTER UPDATE ON "Person" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."partnershipId", NEW."partnershipId"); END;
CREATE TRIGGER "Person_roster_version_delete" AFTER DELETE ON "Person" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."partnershipId"; END;
CREATE TRIGGER "Relationship_roster_version_insert" AFTER INSERT ON "Relationship" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."partnershipId"; END;
CREATE TRIGGER "Relationship_roster_version_update" AFTER UPDATE ON "Relationship" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."partnershipId", NEW."partnershipId"); END;
CREATE TRIGGER "Relationship_roster_version_delete" AFTER DELETE ON "Relationship" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."partnershipId"; END;
CREATE TRIGGER "Organisation_roster_version_insert" AFTER INSERT ON "Organisation" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."partnershipId"; END;
CREATE TRIGGER "Organisation_roster_version_update" AFTER UPDATE ON "Organisation" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."partnershipId", NEW."partnershipId"); END;
CREATE TRIGGER "Organisation_roster_version_delete" AFTER DELETE ON "Organisation" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."partnershipId"; END;
CREATE TRIGGER "Interest_roster_version_insert" AFTER INSERT ON "Interest" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = (SELECT "partnershipId" FROM "Person" WHERE "id" = NEW."personId"); END;
CREATE TRIGGER "Interest_roster_version_update" AFTER UPDATE ON "Interest" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (SELECT "partnershipId" FROM "Person" WHERE "id" IN (OLD."personId", NEW."personId")); END;
CREATE TRIGGER "Interest_roster_version_delete" AFTER DELETE ON "Interest" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = (SELECT "partnershipId" FROM "Person" WHERE "id" = OLD."personId"); END;
CREATE TRIGGER "Partnership_roster_version_update" AFTER UPDATE ON "Partnership" WHEN NEW."rosterVersion" = OLD."rosterVersion" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = OLD."rosterVersion" + 1 WHERE "id" = NEW."id"; END;

CREATE TRIGGER "Decision_version_update" AFTER UPDATE ON "Decision" WHEN NEW."version" = OLD."version" BEGIN
  UPDATE "Decision" SET "version" = OLD."version" + 1 WHERE "id" = NEW."id"; END;
CREATE TRIGGER "Declaration_decision_version_insert" AFTER INSERT ON "Declaration" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Declaration_decision_version_update" AFTER UPDATE ON "Declaration" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "Declaration_decision_version_delete" AFTER DELETE ON "Declaration" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;
CREATE TRIGGER "Recusal_decision_version_insert" AFTER INSERT ON "Recusal" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Recusal_decision_version_update" AFTER UPDATE ON "Recusal" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "Recusal_decision_version_delete" AFTER DELETE ON "Recusal" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;
CREATE TRIGGER "Vote_decision_version_insert" AFTER INSERT ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Vote_decision_version_update" AFTER UPDATE ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "Vote_decision_version_delete" AFTER DELETE ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;
