-- A plain ADD COLUMN rather than Prisma's table redefinition, which would drop the
-- "Partnership_roster_version_update" trigger (migration cache_versions) with the old table.
ALTER TABLE "Partnership" ADD COLUMN "sandbox" BOOLEAN NOT NULL DEFAULT false;

-- A demo partnership seeded before this migration is the playground's, unless a Slack or Teams
-- channel is bound to it (then people use it for real, and the playground leaves it alone).
UPDATE "Partnership" SET "sandbox" = true
WHERE "slug" = 'northfield' AND "name" = 'Northfield Big Local'
  AND NOT EXISTS (SELECT 1 FROM "ChannelBinding" b WHERE b."partnershipId" = "Partnership"."id" AND b."platform" IN ('slack', 'teams'));
