-- A secret ballot forgets (docs/privacy.md, "Secret ballots"): once it closes, a Vote row keeps
-- who took part but not the choice.
-- AlterTable
ALTER TABLE "Vote" ALTER COLUMN "option" DROP NOT NULL;

-- Secret ballots closed before this migration (their tally is in Decision.outcome) lose the link
-- between person and choice now.
UPDATE "Vote" SET "option" = NULL, "changes" = 0
WHERE "decisionId" IN (SELECT "id" FROM "Decision" WHERE "ballot" = 'secret' AND "status" = 'closed' AND "outcome" IS NOT NULL);

-- Live results on a secret ballot are no longer allowed (a count that drops when someone is
-- recused tells who voted how): open ones show their results after close instead.
UPDATE "Decision" SET "visibility" = 'after-close' WHERE "ballot" = 'secret' AND "visibility" = 'live' AND "status" = 'open';
