-- A secret ballot forgets (docs/privacy.md, "Secret ballots"): once it closes, a Vote row keeps
-- who took part but not the choice. Freed pages are overwritten with zeros, so the copy of the
-- old table dropped below does not linger in the file.
PRAGMA secure_delete = ON;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "option" TEXT,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vote_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Secret ballots closed before this migration (their tally is in Decision.outcome) lose the link
-- between person and choice now.
INSERT INTO "new_Vote" ("changes", "createdAt", "decisionId", "id", "option", "personId", "updatedAt")
SELECT
    CASE WHEN "decisionId" IN (SELECT "id" FROM "Decision" WHERE "ballot" = 'secret' AND "status" = 'closed' AND "outcome" IS NOT NULL) THEN 0 ELSE "changes" END,
    "createdAt", "decisionId", "id",
    CASE WHEN "decisionId" IN (SELECT "id" FROM "Decision" WHERE "ballot" = 'secret' AND "status" = 'closed' AND "outcome" IS NOT NULL) THEN NULL ELSE "option" END,
    "personId", "updatedAt"
FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE UNIQUE INDEX "Vote_decisionId_personId_key" ON "Vote"("decisionId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Dropping the old table dropped its cache-version triggers (migration cache_versions): again.
CREATE TRIGGER "Vote_decision_version_insert" AFTER INSERT ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Vote_decision_version_update" AFTER UPDATE ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "Vote_decision_version_delete" AFTER DELETE ON "Vote" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;

-- Live results on a secret ballot are no longer allowed (a count that drops when someone is
-- recused tells who voted how): open ones show their results after close instead.
UPDATE "Decision" SET "visibility" = 'after-close' WHERE "ballot" = 'secret' AND "visibility" = 'live' AND "status" = 'open';
