-- The durable inbox (docs/inbox.md) replaces the de-duplication keys of ProcessedDelivery.
-- CreateTable
CREATE TABLE "InboxItem" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxItem_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "InboxItem_status_claimedUntil_idx" ON "InboxItem"("status", "claimedUntil");

-- CreateIndex
CREATE INDEX "InboxItem_createdAt_idx" ON "InboxItem"("createdAt");

-- The keys already seen stay recognised as re-deliveries (handled, so "done", with no body).
INSERT INTO "InboxItem" ("key", "platform", "status", "createdAt")
SELECT "key", COALESCE(NULLIF(split_part("key", ':', 1), ''), 'unknown'), 'done', "createdAt" FROM "ProcessedDelivery";

-- DropTable
DROP TABLE "ProcessedDelivery";

