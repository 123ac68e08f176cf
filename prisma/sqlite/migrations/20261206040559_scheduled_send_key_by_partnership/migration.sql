-- DropIndex
DROP INDEX "ScheduledSend_key_key";

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledSend_partnershipId_key_key" ON "ScheduledSend"("partnershipId", "key");

