// A page of partnerships' season states for the review sweep, which runs every hour over every
// partnership: seven plain SELECTs for the whole page, only the columns used, no interests.
//
// Plain SQL (SQLite and PostgreSQL alike, through Prisma's `sql` template) rather than findMany:
// on 130,000 people Prisma's mapping of rows into objects took twice as long as reading them,
// and loading is the floor under every sweep (docs/benchmarks.md, section 4). Booleans, dates and
// integers come back typed from both databases (Prisma converts raw results by column type).
import { join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { SeasonState } from '../../src/domain/review/plan.ts';
import type { Relationship, RelationshipKind } from '../../src/domain/roster.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import { groupBy, REVIEW_SEND_KINDS, toRecord, toSendRecord, yearStart } from './review-records.ts';
import { toPerson } from './roster-store.ts';

type PersonRow = {
  id: string;
  partnershipId: string;
  name: string;
  kind: string;
  resident: boolean;
  voting: boolean;
  roles: string;
  ltoRepresentative: boolean;
  councillor: boolean;
  email: string | null;
};
type RelationshipRow = { partnershipId: string; fromId: string; toId: string; kind: string };
type AnswerRow = { partnershipId: string; question: string; answer: string; answeredById: string; updatedAt: Date };
type SubmissionRow = {
  partnershipId: string;
  year: number;
  snapshot: string;
  submittedById: string | null;
  submittedAt: Date;
};
type SendRow = {
  partnershipId: string;
  key: string;
  kind: string;
  recipientId: string | null;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  claimedUntil: Date | null;
};
type ConfirmationRow = { personId: string; year: number; resident: boolean; member: boolean; confirmedAt: Date };

async function readPage(db: Db, ids: readonly string[], year: number) {
  const page: Sql = join(ids as string[]);
  const [people, relationships, answers, submissions, sends, confirmations, identities] = await Promise.all([
    db.$queryRaw<PersonRow[]>(sql`
      SELECT "id", "partnershipId", "name", "kind", "resident", "voting", "roles", "ltoRepresentative", "councillor", "email"
      FROM "Person" WHERE "partnershipId" IN (${page}) AND "endedAt" IS NULL ORDER BY "createdAt"`),
    db.$queryRaw<RelationshipRow[]>(sql`
      SELECT "partnershipId", "fromId", "toId", "kind" FROM "Relationship" WHERE "partnershipId" IN (${page}) ORDER BY "createdAt"`),
    db.$queryRaw<AnswerRow[]>(sql`
      SELECT "partnershipId", "question", "answer", "answeredById", "updatedAt" FROM "ReviewAnswer"
      WHERE "partnershipId" IN (${page}) AND "year" = ${year}`),
    db.$queryRaw<SubmissionRow[]>(sql`
      SELECT "partnershipId", "year", "snapshot", "submittedById", "submittedAt" FROM "ReviewSubmission"
      WHERE "partnershipId" IN (${page}) AND "year" IN (${year}, ${year - 1})`),
    db.$queryRaw<SendRow[]>(sql`
      SELECT "partnershipId", "key", "kind", "recipientId", "status", "attempts", "createdAt", "sentAt", "nextAttemptAt", "claimedUntil" FROM "ScheduledSend"
      WHERE "partnershipId" IN (${page}) AND "kind" IN (${join(REVIEW_SEND_KINDS)}) AND "createdAt" >= ${yearStart(year)}`),
    // By partnership (a short list), not by person: person ids would pass the database's limit on parameters.
    db.$queryRaw<ConfirmationRow[]>(sql`
      SELECT c."personId", c."year", c."resident", c."member", c."confirmedAt"
      FROM "MembershipConfirmation" c JOIN "Person" p ON p."id" = c."personId"
      WHERE c."year" = ${year} AND p."partnershipId" IN (${page})`),
    db.$queryRaw<{ personId: string }[]>(sql`
      SELECT i."personId" FROM "PlatformIdentity" i JOIN "Person" p ON p."id" = i."personId" WHERE p."partnershipId" IN (${page})`),
  ]);
  return { people, relationships, answers, submissions, sends, confirmations, identities };
}

/** Everything the planner needs for a page of partnerships, in seven queries. */
export async function loadSeasonPage(
  db: Db,
  partnerships: readonly PartnershipRef[],
  year: number,
): Promise<SeasonState[]> {
  if (!partnerships.length) return [];
  const rows = await readPage(
    db,
    partnerships.map((p) => p.id),
    year,
  );
  // Current people only (endedAt null): relationships, confirmations and linked accounts of people who left are dropped.
  const partnershipOf = new Map(rows.people.map((p) => [p.id, p.partnershipId]));
  const current = (id: string) => partnershipOf.has(id);
  const by = {
    people: groupBy(rows.people, (p) => p.partnershipId),
    relationships: groupBy(
      rows.relationships.filter((r) => current(r.fromId) && current(r.toId)),
      (r) => r.partnershipId,
    ),
    confirmations: groupBy(
      rows.confirmations.filter((c) => current(c.personId)),
      (c) => partnershipOf.get(c.personId)!,
    ),
    answers: groupBy(rows.answers, (a) => a.partnershipId),
    submissions: groupBy(rows.submissions, (s) => s.partnershipId),
    identities: groupBy(
      rows.identities.filter((i) => current(i.personId)),
      (i) => partnershipOf.get(i.personId)!,
    ),
    sends: groupBy(rows.sends, (s) => s.partnershipId),
  };
  return partnerships.map((p): SeasonState => {
    const sends = (by.sends.get(p.id) ?? []).map(toSendRecord);
    return {
      roster: {
        partnership: { id: p.id, slug: p.slug, name: p.name, settings: p.settings },
        people: (by.people.get(p.id) ?? []).map((row) => toPerson({ ...row, interests: [] })),
        relationships: (by.relationships.get(p.id) ?? []).map((r): Relationship => ({
          fromId: r.fromId,
          toId: r.toId,
          kind: r.kind as RelationshipKind,
        })),
      },
      record: toRecord(year, {
        confirmations: by.confirmations.get(p.id) ?? [],
        answers: by.answers.get(p.id) ?? [],
        submissions: by.submissions.get(p.id) ?? [],
        linked: (by.identities.get(p.id) ?? []).map((i) => i.personId),
        sends,
      }),
      sends,
    };
  });
}
