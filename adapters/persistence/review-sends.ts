// The ScheduledSend rows of the review sweep, written set-based: one statement records a page's
// keys, one claims a batch, one marks what the platform accepted as sent. At the season opening a sweep of 10,000
// partnerships records 130,000 keys: per-row statements and Prisma's generated ones took most of
// its 100 s (docs/benchmarks.md, section 4).
//
// `INSERT ... ON CONFLICT DO NOTHING RETURNING` and `UPDATE ... WHERE <expected state> RETURNING`
// say exactly which rows this statement wrote: a row another process recorded or claimed first
// (even at the same `now`) is never reported as ours (docs/review.md, "Exactly once").
//
// The keys and rows travel as ONE JSON parameter, unpacked by the database: as `in` lists and
// `VALUES` the season opening at 10,000 partnerships had 1.5 million parameters (2.5 s of its
// 10 s, measured). The statements run on the fast path (fast-sql.ts): their text is fixed, so
// each is prepared once per connection, and no query is compiled by Prisma per batch.
//
// A row is found by its partnership and key, the unique index's order: a page of partnerships'
// keys are neighbours in it. Keyed by the key alone (random: it holds a person's id), each page's
// insert rewrote most of the index, half the season opening's database time (docs/benchmarks.md).
import { randomUUID } from 'node:crypto';
import type {
  FinishedSends,
  SendClaim,
  SendOutcome,
  SendRef,
  SendReservation,
} from '../../src/services/ports/index.ts';
import type { FastSql, SqlRunner } from './fast-sql.ts';
import type { Dialect } from './review-sql.ts';

/** The fast path and which database it speaks to (the JSON unpacking differs). */
export interface SendsDb {
  sql: FastSql;
  dialect: Dialect;
}

/** Rows per insert and keys per update: a page's worth, well inside any statement size limit. */
const CHUNK = 10_000;

/** Rows given as one JSON array of arrays ($1): a row source whose `value ->> i` is the i-th column. */
const jsonRows = (dialect: Dialect): string =>
  dialect === 'sqlite' ? `json_each($1)` : `json_array_elements(CAST($1 AS json)) AS j(value)`;

/**
 * The rows named by $1, a JSON array of [partnershipId, key] pairs. PostgreSQL looks each pair up
 * in the unique index and matches the ids found (`= ANY(ARRAY(...))`): a join or `IN (SELECT ...)`
 * could be planned, once for a prepared statement, as a scan of the whole table when it was new
 * and small (see review-sql.ts).
 */
const sendIn = (dialect: Dialect): string =>
  dialect === 'sqlite'
    ? `("partnershipId", "key") IN (SELECT value ->> 0, value ->> 1 FROM json_each($1))`
    : `"id" = ANY(ARRAY(SELECT (SELECT s."id" FROM "ScheduledSend" AS s WHERE s."partnershipId" = j.value ->> 0 AND s."key" = j.value ->> 1)
         FROM json_array_elements(CAST($1 AS json)) AS j(value)))`;

const INSERT = (d: Dialect) => `
  INSERT INTO "ScheduledSend" ("id", "partnershipId", "key", "kind", "recipientId", "status", "attempts", "createdAt")
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, 0, ${d === 'sqlite' ? '$2' : 'CAST($2 AS timestamp(3))'}
  FROM ${jsonRows(d)} WHERE true
  ON CONFLICT ("partnershipId", "key") DO NOTHING
  RETURNING "key"`;

// $1 [partnershipId, key] pairs, $2 attempts after this one, $3 now, $4 until, $5 the status seen, $6 the attempts seen
const CLAIM = (d: Dialect, status: SendClaim['status']) => `
  UPDATE "ScheduledSend"
  SET "status" = 'pending', "attempts" = $2, "lastAttemptAt" = $3, "nextAttemptAt" = NULL, "claimedUntil" = $4
  WHERE ${sendIn(d)} AND "status" = $5 AND "attempts" = $6 AND ${
    status === 'pending' ? `("claimedUntil" IS NULL OR "claimedUntil" <= $3)` : `"nextAttemptAt" <= $3`
  }
  RETURNING "key"`;

// $1 [partnershipId, key] pairs, $2 when sent / when to try again
const MARK = (d: Dialect, status: SendOutcome['status']) =>
  status === 'sent'
    ? `UPDATE "ScheduledSend" SET "status" = 'sent', "sentAt" = $2, "nextAttemptAt" = NULL, "claimedUntil" = NULL
       WHERE ${sendIn(d)} AND "status" = 'pending'`
    : `UPDATE "ScheduledSend" SET "status" = 'failed', "nextAttemptAt" = $2, "claimedUntil" = NULL
       WHERE ${sendIn(d)} AND "status" = 'pending'`;

// $1 [partnershipId, key] pairs, $2 the claim's end
const RELEASE = (d: Dialect) => `
  UPDATE "ScheduledSend" SET "attempts" = "attempts" - 1, "claimedUntil" = NULL
  WHERE ${sendIn(d)} AND "status" = 'pending' AND "claimedUntil" = $2`;

/**
 * UUIDs (version 7) that start with the current time: rows inserted together share the end of
 * the primary key's index, where random ids (Prisma's default for new rows) would spread each
 * insert over the whole index. Measured on 130,000 rows in SQLite: half the time. The time part
 * is worked out once per statement; the 74 random bits keep the ids unique.
 */
function timeOrderedIds(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
  return () => prefix + randomUUID().slice(15);
}

type Keyed = { key: string };

const pairs = (sends: readonly SendRef[]): string => JSON.stringify(sends.map((s) => [s.partnershipId, s.key]));

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Inserts the rows whose key is free; returns the keys inserted (the others were recorded before). */
export async function insertSends(
  { sql, dialect }: SendsDb,
  sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[],
  now: Date,
): Promise<Set<string>> {
  const mine = new Set<string>();
  for (const chunk of chunks(sends)) {
    const id = timeOrderedIds();
    const rows = JSON.stringify(chunk.map((s) => [id(), s.partnershipId, s.key, s.kind, s.recipientId, s.status]));
    for (const r of await sql.all<Keyed>(INSERT(dialect), [rows, now])) mine.add(r.key);
  }
  return mine;
}

/**
 * Claims recorded sends for one attempt, each on the state the caller saw (status and attempts),
 * until `until`: a pending row only if nobody holds it (never claimed, handed back, or its claim
 * expired by `now`), a failed one only once its next attempt is due. One statement per state seen
 * (a handful: attempts are at most MAX_ATTEMPTS). Returns the keys claimed: of several processes
 * claiming one row, exactly one is told it has it. The previous batch's outcomes (`finished`) are
 * marked first, in the same transaction: one commit, and one disk sync (SQLite's `synchronous =
 * FULL`), a batch instead of two.
 */
export function claimSends(
  { sql, dialect }: SendsDb,
  claims: readonly SendClaim[],
  now: Date,
  until: Date,
  finished: readonly FinishedSends[] = [],
): Promise<string[]> {
  return sql.transaction(async (tx) => {
    for (const { sends, outcome } of finished) await mark(tx, dialect, sends, outcome);
    return claim(tx, dialect, claims, now, until);
  });
}

async function claim(
  sql: SqlRunner,
  dialect: Dialect,
  claims: readonly SendClaim[],
  now: Date,
  until: Date,
): Promise<string[]> {
  const byState = new Map<string, { status: SendClaim['status']; attempts: number; sends: SendClaim[] }>();
  for (const c of claims) {
    const id = `${c.status}:${c.attempts}`;
    const group = byState.get(id);
    if (group) group.sends.push(c);
    else byState.set(id, { status: c.status, attempts: c.attempts, sends: [c] });
  }
  const claimed: string[] = [];
  for (const { status, attempts, sends } of byState.values()) {
    for (const chunk of chunks(sends)) {
      const rows = await sql.all<Keyed>(CLAIM(dialect, status), [
        pairs(chunk),
        attempts + 1,
        now,
        until,
        status,
        attempts,
      ]);
      for (const r of rows) claimed.push(r.key);
    }
  }
  return claimed;
}

/** Claimed sends (still pending) marked sent, or failed with when to try again; the claim is done with. */
export function markSends({ sql, dialect }: SendsDb, sends: readonly SendRef[], outcome: SendOutcome): Promise<void> {
  return mark(sql, dialect, sends, outcome);
}

async function mark(sql: SqlRunner, dialect: Dialect, sends: readonly SendRef[], outcome: SendOutcome): Promise<void> {
  const at = outcome.status === 'sent' ? outcome.at : outcome.nextAttemptAt;
  for (const chunk of chunks(sends)) await sql.run(MARK(dialect, outcome.status), [pairs(chunk), at]);
}

/**
 * Claims handed back unsent (a sweep told to stop): free for the next sweep at once, the attempt
 * not counted. Only rows still held by the claim that ends at `until` (this sweep's batch).
 */
export async function releaseSends({ sql, dialect }: SendsDb, sends: readonly SendRef[], until: Date): Promise<number> {
  let released = 0;
  for (const chunk of chunks(sends)) released += await sql.run(RELEASE(dialect), [pairs(chunk), until]);
  return released;
}
