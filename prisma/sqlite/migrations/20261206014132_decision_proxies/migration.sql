-- CreateTable
CREATE TABLE "Proxy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "appointerId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Proxy_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: a column added in place keeps the Vote table's cache-version triggers (cache_versions)
ALTER TABLE "Vote" ADD COLUMN "byProxy" BOOLEAN NOT NULL DEFAULT false;


-- CreateIndex
CREATE UNIQUE INDEX "Proxy_decisionId_appointerId_key" ON "Proxy"("decisionId", "appointerId");

-- CreateIndex
CREATE UNIQUE INDEX "Proxy_decisionId_holderId_key" ON "Proxy"("decisionId", "holderId");


-- An appointment changes what the decision's cached state holds: bump its version, as for votes.
CREATE TRIGGER "Proxy_decision_version_insert" AFTER INSERT ON "Proxy" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"; END;
CREATE TRIGGER "Proxy_decision_version_update" AFTER UPDATE ON "Proxy" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" IN (OLD."decisionId", NEW."decisionId"); END;
CREATE TRIGGER "Proxy_decision_version_delete" AFTER DELETE ON "Proxy" BEGIN
  UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"; END;
