-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "rosterVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;


-- Cache versions (docs/database.md, "Caches"). Any change to what a roster or a decision's state
-- is made of bumps a number, and a process trusts its cached copy only while the number is unchanged.
-- Triggers, not application code, so every writer counts: the server, the CLI, other processes.
-- Prisma's PostgreSQL adapter runs a migration split at every semicolon, so the function bodies
-- are E'' strings with each semicolon written as \x3B (and no comment here may contain one).
CREATE FUNCTION "bump_roster_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."partnershipId"\x3B END IF\x3B
  IF TG_OP <> ''DELETE'' THEN UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."partnershipId"\x3B END IF\x3B
  RETURN NULL\x3B
END ';
CREATE FUNCTION "bump_roster_version_by_person"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = (SELECT "partnershipId" FROM "Person" WHERE "id" = OLD."personId")\x3B END IF\x3B
  IF TG_OP <> ''DELETE'' THEN UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = (SELECT "partnershipId" FROM "Person" WHERE "id" = NEW."personId")\x3B END IF\x3B
  RETURN NULL\x3B
END ';
CREATE FUNCTION "bump_own_roster_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."rosterVersion" = OLD."rosterVersion" THEN NEW."rosterVersion" := OLD."rosterVersion" + 1\x3B END IF\x3B
  RETURN NEW\x3B
END ';
CREATE FUNCTION "bump_decision_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = OLD."decisionId"\x3B END IF\x3B
  IF TG_OP <> ''DELETE'' THEN UPDATE "Decision" SET "version" = "version" + 1 WHERE "id" = NEW."decisionId"\x3B END IF\x3B
  RETURN NULL\x3B
END ';
CREATE FUNCTION "bump_own_decision_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."version" = OLD."version" THEN NEW."version" := OLD."version" + 1\x3B END IF\x3B
  RETURN NEW\x3B
END ';
CREATE TRIGGER "Person_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Person" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
CREATE TRIGGER "Relationship_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Relationship" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
CREATE TRIGGER "Organisation_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Organisation" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
CREATE TRIGGER "Interest_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Interest" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version_by_person"();
CREATE TRIGGER "Partnership_roster_version" BEFORE UPDATE ON "Partnership" FOR EACH ROW EXECUTE FUNCTION "bump_own_roster_version"();
CREATE TRIGGER "Decision_version" BEFORE UPDATE ON "Decision" FOR EACH ROW EXECUTE FUNCTION "bump_own_decision_version"();
CREATE TRIGGER "Declaration_decision_version" AFTER INSERT OR UPDATE OR DELETE ON "Declaration" FOR EACH ROW EXECUTE FUNCTION "bump_decision_version"();
CREATE TRIGGER "Recusal_decision_version" AFTER INSERT OR UPDATE OR DELETE ON "Recusal" FOR EACH ROW EXECUTE FUNCTION "bump_decision_version"();
CREATE TRIGGER "Vote_decision_version" AFTER INSERT OR UPDATE OR DELETE ON "Vote" FOR EACH ROW EXECUTE FUNCTION "bump_decision_version"();
