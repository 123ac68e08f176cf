// A page of partnerships' season states for the review sweep, which runs every hour over every
// partnership: seven plain SELECTs for the whole page, only the columns used, no interests.
//
// Prepared statements on the persistence layer's fast path (fast-sql.ts), not Prisma: on 130,000
// people Prisma's handling of every raw row (and the compiling of each query anew) cost more than
// reading them, and loading is the floor under every sweep (docs/benchmarks.md, section 4). The
// page's ids travel as one JSON parameter, so each statement's text is fixed and prepared once.
import type { SeasonState } from '../../src/domain/review/plan.ts';
import type { SendRecord, SendStatus } from '../../src/domain/review/types.ts';
import type { Relationship, RelationshipKind } from '../../src/domain/roster.ts';
import type { PartnershipSettings } from '../../src/domain/settings.ts';
import type { PartnershipRef, PartnershipScope } from '../../src/services/ports/index.ts';
import type { FastSql, Row } from './fast-sql.ts';
import { REVIEW_SEND_KINDS, toRecord, yearStart } from './review-records.ts';
import { inJson, toBool, toDate, toInt, utc, type Dialect } from './review-sql.ts';
import { toPartnershipRef, toPerson } from './person-rows.ts';
import { LIVE_PLATFORMS } from './scope.ts';

/** The playground's sandbox (scope.ts says why both conditions), in SQL. */
const SANDBOX = `("sandbox" = true AND NOT EXISTS (SELECT 1 FROM "ChannelBinding" AS b
  WHERE b."partnershipId" = "Partnership"."id" AND b."platform" IN (${LIVE_PLATFORMS.map((p) => `'${p}'`).join(', ')})))`;
const IN_SCOPE: Record<PartnershipScope, string> = { all: 'true', sandbox: SANDBOX, live: `NOT ${SANDBOX}` };
const pageOf = (scope: PartnershipScope, after: boolean) =>
  `SELECT "id", "slug", "name", "settings" FROM "Partnership" WHERE ${after ? '"id" > $2 AND ' : ''}${IN_SCOPE[scope]}
   ORDER BY "id" LIMIT $1`;

/**
 * Partnerships in id order, a page at a time after `after`: every sweep reads them all (in
 * Prisma, compiling this query cost 6 ms a page). A page's partnerships mostly share their
 * settings' text: it is parsed once per text, and the calendar's cache, kept per settings object,
 * then serves them all.
 */
export async function listPartnershipPage(
  sql: FastSql,
  after: string | null,
  limit: number,
  scope: PartnershipScope,
): Promise<PartnershipRef[]> {
  const rows = await sql.all<{ id: string; slug: string; name: string; settings: string }>(
    pageOf(scope, after !== null),
    after === null ? [limit] : [limit, after],
  );
  const parsed = new Map<string, PartnershipSettings>();
  return rows.map((row) => {
    const settings = parsed.get(row.settings);
    if (settings) return { id: row.id, slug: row.slug, name: row.name, settings };
    const ref = toPartnershipRef(row);
    parsed.set(row.settings, ref.settings);
    return ref;
  });
}

const KINDS = REVIEW_SEND_KINDS.map((k) => `'${k}'`).join(', ');

/** The page's statements, written once per dialect: $1 is the page's ids (JSON), $2 the year (the sends: the year's start); SQLite wants every $n up to the last used. */
function statements(d: Dialect) {
  const page = (column: string) => inJson(d, column, 1);
  return {
    people: `SELECT "id", "partnershipId", "name", "kind", "resident", "voting", "roles", "ltoRepresentative", "councillor", "email"
      FROM "Person" WHERE ${page('"partnershipId"')} AND "endedAt" IS NULL ORDER BY "createdAt"`,
    relationships: `SELECT "partnershipId", "fromId", "toId", "kind" FROM "Relationship" WHERE ${page('"partnershipId"')} ORDER BY "createdAt"`,
    answers: `SELECT "partnershipId", "question", "answer", "answeredById", ${utc(d, '"updatedAt"', 'updatedAt')} FROM "ReviewAnswer"
      WHERE ${page('"partnershipId"')} AND "year" = $2`,
    submissions: `SELECT "partnershipId", "year", "snapshot", "submittedById", ${utc(d, '"submittedAt"', 'submittedAt')} FROM "ReviewSubmission"
      WHERE ${page('"partnershipId"')} AND ("year" = $2 OR "year" = $2 - 1)`,
    sends: `SELECT "partnershipId", "key", "kind", "recipientId", "status", "attempts", ${utc(d, '"createdAt"', 'createdAt')},
      ${utc(d, '"sentAt"', 'sentAt')}, ${utc(d, '"nextAttemptAt"', 'nextAttemptAt')}, ${utc(d, '"claimedUntil"', 'claimedUntil')}
      FROM "ScheduledSend" WHERE ${page('"partnershipId"')} AND "kind" IN (${KINDS}) AND "createdAt" >= $2`,
    // By partnership (a short list), not by person: a page's people are thousands.
    confirmations: `SELECT c."personId", c."year", c."resident", c."member", ${utc(d, 'c."confirmedAt"', 'confirmedAt')}
      FROM "MembershipConfirmation" c JOIN "Person" p ON p."id" = c."personId" WHERE c."year" = $2 AND ${page('p."partnershipId"')}`,
    identities: `SELECT i."personId" FROM "PlatformIdentity" i JOIN "Person" p ON p."id" = i."personId" WHERE ${page('p."partnershipId"')}`,
  };
}

const cached = new Map<Dialect, ReturnType<typeof statements>>();
const statementsFor = (d: Dialect) => {
  let s = cached.get(d);
  if (!s) cached.set(d, (s = statements(d)));
  return s;
};

/** Rows of a partnership, by its id, in the order read. */
class ByPartnership<T> {
  private readonly map = new Map<string, T[]>();
  add(partnershipId: string, item: T): void {
    const list = this.map.get(partnershipId);
    if (list) list.push(item);
    else this.map.set(partnershipId, [item]);
  }
  of(partnershipId: string): T[] {
    return this.map.get(partnershipId) ?? [];
  }
}

const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));

/** Everything the planner needs for a page of partnerships, in seven queries. */
export async function loadSeasonPage(
  sql: FastSql,
  dialect: Dialect,
  partnerships: readonly PartnershipRef[],
  year: number,
): Promise<SeasonState[]> {
  if (!partnerships.length) return [];
  const q = statementsFor(dialect);
  const ids = JSON.stringify(partnerships.map((p) => p.id));
  const [people, relationships, answers, submissions, sends, confirmations, identities] = await Promise.all([
    sql.all(q.people, [ids]),
    sql.all(q.relationships, [ids]),
    sql.all(q.answers, [ids, year]),
    sql.all(q.submissions, [ids, year]),
    sql.all(q.sends, [ids, yearStart(year)]),
    sql.all(q.confirmations, [ids, year]),
    sql.all(q.identities, [ids]),
  ]);
  // Current people only (endedAt null): relationships, confirmations and linked accounts of people who left are dropped.
  const partnershipOf = new Map<string, string>();
  const by = {
    people: new ByPartnership<ReturnType<typeof toPerson>>(),
    relationships: new ByPartnership<Relationship>(),
    confirmations: new ByPartnership<Parameters<typeof toRecord>[1]['confirmations'][number]>(),
    answers: new ByPartnership<Parameters<typeof toRecord>[1]['answers'][number]>(),
    submissions: new ByPartnership<Parameters<typeof toRecord>[1]['submissions'][number]>(),
    linked: new ByPartnership<string>(),
    sends: new ByPartnership<SendRecord>(),
  };
  for (const r of people as Row[]) {
    partnershipOf.set(str(r.id), str(r.partnershipId));
    by.people.add(
      str(r.partnershipId),
      toPerson({
        id: str(r.id),
        name: str(r.name),
        kind: str(r.kind),
        resident: toBool(r.resident),
        voting: toBool(r.voting),
        roles: str(r.roles),
        ltoRepresentative: toBool(r.ltoRepresentative),
        councillor: toBool(r.councillor),
        email: strOrNull(r.email),
        interests: [],
      }),
    );
  }
  for (const r of relationships) {
    const fromId = str(r.fromId);
    const toId = str(r.toId);
    if (partnershipOf.has(fromId) && partnershipOf.has(toId))
      by.relationships.add(str(r.partnershipId), { fromId, toId, kind: r.kind as RelationshipKind });
  }
  for (const r of confirmations) {
    const owner = partnershipOf.get(str(r.personId));
    if (owner)
      by.confirmations.add(owner, {
        personId: str(r.personId),
        year: toInt(r.year),
        resident: toBool(r.resident),
        member: toBool(r.member),
        confirmedAt: toDate(r.confirmedAt)!,
      });
  }
  for (const r of identities) {
    const owner = partnershipOf.get(str(r.personId));
    if (owner) by.linked.add(owner, str(r.personId));
  }
  for (const r of answers)
    by.answers.add(str(r.partnershipId), {
      question: str(r.question),
      answer: str(r.answer),
      answeredById: str(r.answeredById),
      updatedAt: toDate(r.updatedAt)!,
    });
  for (const r of submissions)
    by.submissions.add(str(r.partnershipId), {
      year: toInt(r.year),
      snapshot: str(r.snapshot),
      submittedById: strOrNull(r.submittedById),
      submittedAt: toDate(r.submittedAt)!,
    });
  for (const r of sends)
    by.sends.add(str(r.partnershipId), {
      key: str(r.key),
      kind: str(r.kind),
      recipientId: strOrNull(r.recipientId),
      status: r.status as SendStatus,
      attempts: toInt(r.attempts),
      createdAt: toDate(r.createdAt)!,
      sentAt: toDate(r.sentAt),
      nextAttemptAt: toDate(r.nextAttemptAt),
      claimedUntil: toDate(r.claimedUntil),
    });
  return partnerships.map((p): SeasonState => {
    const sent = by.sends.of(p.id);
    return {
      roster: {
        partnership: { id: p.id, slug: p.slug, name: p.name, settings: p.settings },
        people: by.people.of(p.id),
        relationships: by.relationships.of(p.id),
      },
      record: toRecord(year, {
        confirmations: by.confirmations.of(p.id),
        answers: by.answers.of(p.id),
        submissions: by.submissions.of(p.id),
        linked: by.linked.of(p.id),
        sends: sent,
      }),
      sends: sent,
    };
  });
}
