-- The durable inbox (docs/inbox.md) replaces the de-duplication keys of ProcessedDelivery.
-- CreateTable
CREATE TABLE "InboxItem" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "InboxItem_status_claimedUntil_idx" ON "InboxItem"("status", "claimedUntil");

-- CreateIndex
CREATE INDEX "InboxItem_createdAt_idx" ON "InboxItem"("createdAt");

-- The keys already seen stay recognised as re-deliveries (handled, so "done", with no body).
INSERT INTO "InboxItem" ("key", "platform", "status", "createdAt")
SELECT "key", CASE WHEN instr("key", ':') > 0 THEN substr("key", 1, instr("key", ':') - 1) ELSE 'unknown' END, 'done', "createdAt" FROM "ProcessedDelivery";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedDelivery";
PRAGMA foreign_keys=on;

