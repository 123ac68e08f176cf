-- A pending row a sweep is sending is claimed until this time. Still pending after it (the sender
-- stopped before confirming it), it is tried again. Rows left pending by an older version have no
-- claim time: they count as expired and are tried again (docs/review.md, "Exactly once").
-- AlterTable
ALTER TABLE "ScheduledSend" ADD COLUMN     "claimedUntil" TIMESTAMP(3);

