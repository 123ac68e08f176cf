// The ScheduledSend rows of the review sweep, written set-based: one statement records a few
// hundred keys, one claims a group, one marks a group sent. At the season opening a sweep of
// 10,000 partnerships records 130,000 keys: per-row statements, or Prisma's generated ones
// (about 2 ms of query compilation each, more with long `in` lists), took most of its 100 s.
//
// Plain SQL that SQLite (3.35+) and PostgreSQL both run, through Prisma's `sql` template, which
// writes each provider's placeholders and converts dates as Prisma's own queries store them.
// `INSERT ... ON CONFLICT DO NOTHING RETURNING` and `UPDATE ... WHERE <expected state> RETURNING`
// say exactly which rows this statement wrote: a row another process recorded or claimed first
// (even at the same `now`) is never reported as ours (docs/review.md, "Exactly once").
import { randomUUID } from 'node:crypto';
import { join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { SendClaim, SendOutcome, SendReservation } from '../../src/ports/index.ts';
import type { Db } from './database.ts';

/**
 * Rows per insert (8 parameters each) and keys per `in` list: below both databases' limits on a
 * statement's parameters (32,766 and 65,535). Few, large inserts: each one rewrites the index
 * pages it touches, and the `key` index is touched at random (keys hold person ids).
 */
const INSERT_CHUNK = 2_000;
const KEY_CHUNK = 1_000;

/**
 * A UUID (version 7) that starts with the current time: rows inserted together share the end of
 * the primary key's index, where random ids (Prisma's default for new rows) would spread each
 * insert over the whole index. Measured on 130,000 rows in SQLite: half the time.
 */
export function timeOrderedId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}

type Keyed = { key: string }[];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const keysOf = (rows: Keyed): string[] => rows.map((r) => r.key);
const inList = (keys: readonly string[]): Sql => join(keys as string[]);

/** Inserts the rows whose key is free; returns the keys inserted (the others were recorded before). */
export async function insertSends(db: Db, sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[], now: Date): Promise<Set<string>> {
  const mine = new Set<string>();
  for (const chunk of chunks(sends, INSERT_CHUNK)) {
    const values = chunk.map((s) => sql`(${timeOrderedId()}, ${s.partnershipId}, ${s.key}, ${s.kind}, ${s.recipientId}, ${s.status}, 0, ${now})`);
    const rows = await db.$queryRaw<Keyed>(sql`
      INSERT INTO "ScheduledSend" ("id", "partnershipId", "key", "kind", "recipientId", "status", "attempts", "createdAt")
      VALUES ${join(values)}
      ON CONFLICT ("key") DO NOTHING
      RETURNING "key"`);
    for (const key of keysOf(rows)) mine.add(key);
  }
  return mine;
}

/** First attempt of sends this process recorded: pending, attempts 0 -> 1. Returns the keys claimed. */
export async function claimRecorded(db: Db, keys: readonly string[], now: Date): Promise<string[]> {
  const claimed: string[] = [];
  for (const chunk of chunks(keys, KEY_CHUNK)) {
    const rows = await db.$queryRaw<Keyed>(sql`
      UPDATE "ScheduledSend" SET "attempts" = 1, "lastAttemptAt" = ${now}
      WHERE "key" IN (${inList(chunk)}) AND "status" = 'pending' AND "attempts" = 0
      RETURNING "key"`);
    claimed.push(...keysOf(rows));
  }
  return claimed;
}

/**
 * One more attempt of recorded sends, each on the state the caller saw (status and attempts): a
 * pending row only once created at or before `staleBefore`, a failed one only once its next attempt
 * is due. One statement per state seen (a handful: attempts are at most MAX_ATTEMPTS).
 */
export async function claimAgain(db: Db, claims: readonly SendClaim[], now: Date, staleBefore: Date): Promise<string[]> {
  const byState = new Map<string, { status: SendClaim['status']; attempts: number; keys: string[] }>();
  for (const c of claims) {
    const id = `${c.status}:${c.attempts}`;
    const group = byState.get(id);
    if (group) group.keys.push(c.key);
    else byState.set(id, { status: c.status, attempts: c.attempts, keys: [c.key] });
  }
  const claimed: string[] = [];
  for (const { status, attempts, keys } of byState.values()) {
    const due = status === 'pending' ? sql`"createdAt" <= ${staleBefore}` : sql`"nextAttemptAt" <= ${now}`;
    for (const chunk of chunks(keys, KEY_CHUNK)) {
      const rows = await db.$queryRaw<Keyed>(sql`
        UPDATE "ScheduledSend" SET "status" = 'pending', "attempts" = ${attempts + 1}, "lastAttemptAt" = ${now}, "nextAttemptAt" = NULL
        WHERE "key" IN (${inList(chunk)}) AND "status" = ${status} AND "attempts" = ${attempts} AND ${due}
        RETURNING "key"`);
      claimed.push(...keysOf(rows));
    }
  }
  return claimed;
}

/** Attempted sends (still pending) marked sent, or failed with when to try again. */
export async function markSends(db: Db, keys: readonly string[], outcome: SendOutcome): Promise<void> {
  const set = outcome.status === 'sent'
    ? sql`"status" = 'sent', "sentAt" = ${outcome.at}, "nextAttemptAt" = NULL`
    : sql`"status" = 'failed', "nextAttemptAt" = ${outcome.nextAttemptAt}`;
  for (const chunk of chunks(keys, KEY_CHUNK)) {
    await db.$executeRaw(sql`UPDATE "ScheduledSend" SET ${set} WHERE "key" IN (${inList(chunk)}) AND "status" = 'pending'`);
  }
}
