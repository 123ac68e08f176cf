// The ScheduledSend rows of the review sweep, written set-based: one statement records a page's
// keys, one claims a batch, one marks what the platform accepted as sent. At the season opening a sweep of 10,000
// partnerships records 130,000 keys: per-row statements and Prisma's generated ones took most of
// its 100 s (docs/benchmarks.md, section 4).
//
// `INSERT ... ON CONFLICT DO NOTHING RETURNING` and `UPDATE ... WHERE <expected state> RETURNING`
// say exactly which rows this statement wrote: a row another process recorded or claimed first
// (even at the same `now`) is never reported as ours (docs/review.md, "Exactly once").
//
// The keys and rows travel as ONE JSON parameter, unpacked by the database: Prisma handles every
// parameter of a raw query several times over, and as `in` lists and `VALUES` the season opening
// at 10,000 partnerships had 1.5 million of them (2.5 s of its 10 s, measured). Unpacking JSON
// is the one thing SQLite and PostgreSQL spell differently here.
import { randomUUID } from 'node:crypto';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { SendClaim, SendOutcome, SendReservation } from '../../src/services/ports/index.ts';
import type { Database } from './database.ts';

/** The client and which database it speaks to (the JSON unpacking differs). */
export type SendsDb = Pick<Database, 'db' | 'provider'>;

/** Rows per insert and keys per update: a page's worth, well inside any statement size limit. */
const CHUNK = 10_000;

type Dialect = 'sqlite' | 'postgresql';

const dialectOf = (database: SendsDb): Dialect => (database.provider === 'postgres' ? 'postgresql' : 'sqlite');

/** Rows given as one JSON array of arrays: a row source whose `value ->> i` is the i-th column. */
const jsonRows = (dialect: Dialect, rows: unknown[][]): Sql =>
  dialect === 'sqlite'
    ? sql`json_each(${JSON.stringify(rows)})`
    : sql`json_array_elements(CAST(${JSON.stringify(rows)} AS json)) AS j(value)`;

/**
 * `"key" IN (...)` with the keys as one JSON array. PostgreSQL gets `= ANY(ARRAY(...))`, which is
 * always looked up in the key index: as `IN (SELECT ...)` on a table without statistics yet (a new
 * database's first season) it planned a nested scan of the whole table per key, 20 s for 12,000 keys.
 */
const keyIn = (dialect: Dialect, keys: readonly string[]): Sql =>
  dialect === 'sqlite'
    ? sql`"key" IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`
    : sql`"key" = ANY(ARRAY(SELECT json_array_elements_text(CAST(${JSON.stringify(keys)} AS json))))`;

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

type Keyed = { key: string }[];

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Inserts the rows whose key is free; returns the keys inserted (the others were recorded before). */
export async function insertSends(
  database: SendsDb,
  sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[],
  now: Date,
): Promise<Set<string>> {
  const { db } = database;
  const dialect = dialectOf(database);
  const createdAt = dialect === 'sqlite' ? sql`${now}` : sql`CAST(${now} AS timestamp(3))`;
  const mine = new Set<string>();
  for (const chunk of chunks(sends)) {
    const id = timeOrderedIds();
    const rows = jsonRows(
      dialect,
      chunk.map((s) => [id(), s.partnershipId, s.key, s.kind, s.recipientId, s.status]),
    );
    const inserted = await db.$queryRaw<Keyed>(sql`
      INSERT INTO "ScheduledSend" ("id", "partnershipId", "key", "kind", "recipientId", "status", "attempts", "createdAt")
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, 0, ${createdAt} FROM ${rows} WHERE true
      ON CONFLICT ("key") DO NOTHING
      RETURNING "key"`);
    for (const r of inserted) mine.add(r.key);
  }
  return mine;
}

/**
 * Claims recorded sends for one attempt, each on the state the caller saw (status and attempts),
 * until `until`: a pending row only if nobody holds it (never claimed, handed back, or its claim
 * expired by `now`), a failed one only once its next attempt is due. One statement per state seen
 * (a handful: attempts are at most MAX_ATTEMPTS). Returns the keys claimed: of several processes
 * claiming one row, exactly one is told it has it.
 */
export async function claimSends(
  database: SendsDb,
  claims: readonly SendClaim[],
  now: Date,
  until: Date,
): Promise<string[]> {
  const { db } = database;
  const dialect = dialectOf(database);
  const byState = new Map<string, { status: SendClaim['status']; attempts: number; keys: string[] }>();
  for (const c of claims) {
    const id = `${c.status}:${c.attempts}`;
    const group = byState.get(id);
    if (group) group.keys.push(c.key);
    else byState.set(id, { status: c.status, attempts: c.attempts, keys: [c.key] });
  }
  const claimed: string[] = [];
  for (const { status, attempts, keys } of byState.values()) {
    const free =
      status === 'pending' ? sql`("claimedUntil" IS NULL OR "claimedUntil" <= ${now})` : sql`"nextAttemptAt" <= ${now}`;
    for (const chunk of chunks(keys)) {
      const rows = await db.$queryRaw<Keyed>(sql`
        UPDATE "ScheduledSend"
        SET "status" = 'pending', "attempts" = ${attempts + 1}, "lastAttemptAt" = ${now}, "nextAttemptAt" = NULL, "claimedUntil" = ${until}
        WHERE ${keyIn(dialect, chunk)} AND "status" = ${status} AND "attempts" = ${attempts} AND ${free}
        RETURNING "key"`);
      for (const r of rows) claimed.push(r.key);
    }
  }
  return claimed;
}

/** Claimed sends (still pending) marked sent, or failed with when to try again; the claim is done with. */
export async function markSends(database: SendsDb, keys: readonly string[], outcome: SendOutcome): Promise<void> {
  const { db } = database;
  const dialect = dialectOf(database);
  const set =
    outcome.status === 'sent'
      ? sql`"status" = 'sent', "sentAt" = ${outcome.at}, "nextAttemptAt" = NULL, "claimedUntil" = NULL`
      : sql`"status" = 'failed', "nextAttemptAt" = ${outcome.nextAttemptAt}, "claimedUntil" = NULL`;
  for (const chunk of chunks(keys)) {
    await db.$executeRaw(
      sql`UPDATE "ScheduledSend" SET ${set} WHERE ${keyIn(dialect, chunk)} AND "status" = 'pending'`,
    );
  }
}

/**
 * Claims handed back unsent (a sweep told to stop): free for the next sweep at once, the attempt
 * not counted. Only rows still held by the claim that ends at `until` (this sweep's batch).
 */
export async function releaseSends(database: SendsDb, keys: readonly string[], until: Date): Promise<number> {
  const { db } = database;
  const dialect = dialectOf(database);
  let released = 0;
  for (const chunk of chunks(keys)) {
    released += await db.$executeRaw(sql`
      UPDATE "ScheduledSend" SET "attempts" = "attempts" - 1, "claimedUntil" = NULL
      WHERE ${keyIn(dialect, chunk)} AND "status" = 'pending' AND "claimedUntil" = ${until}`);
  }
  return released;
}
