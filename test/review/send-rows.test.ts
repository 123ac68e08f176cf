// The ScheduledSend statements the sweep relies on for "exactly once" (docs/review.md), on the
// store directly: each says which rows it wrote, a row in another state (or held by another claim)
// is left alone, times are stored to the millisecond, and pages larger than one statement's chunk go through whole.
// Run on SQLite and, with TEST_DATABASE=postgres, on PostgreSQL (their SQL differs).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const at = (iso: string) => new Date(iso);
const T0 = at('2026-09-01T08:05:00.123Z');
const HOUR = 60 * 60_000;
const CLAIM = 10 * 60_000;
/** A recorded send nobody has claimed yet, as the sweep sees it. */
const fresh = (key: string, partnershipId: string) => ({ partnershipId, key, status: 'pending' as const, attempts: 0 });
/** Sends of one partnership, by key. */
const refs = (partnershipId: string, ...keys: string[]) => keys.map((key) => ({ partnershipId, key }));

async function partnership(t: TestDatabase, slug = 'sends'): Promise<string> {
  const p = await t.database.db.partnership.create({ data: { slug, name: slug, settings: '{}' } });
  return p.id;
}

const row = (key: string, partnershipId: string, status: 'pending' | 'skipped' = 'pending') => ({
  key,
  partnershipId,
  kind: 'review-confirm',
  recipientId: `person-${key}`,
  status,
});

async function rowOf(t: TestDatabase, key: string) {
  return t.database.db.scheduledSend.findFirst({ where: { key } });
}

describe('review send rows', () => {
  it('records only free keys, and says which; a second process recording the same keys gets none', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    await db.database.db.scheduledSend.create({
      data: {
        key: 'taken',
        partnershipId: p,
        kind: 'review-open',
        status: 'sent',
        attempts: 1,
        createdAt: at('2026-09-01T07:00:00Z'),
      },
    });
    const mine = await db.stores.reviews.reserveSends([row('a', p), row('taken', p), row('slot', p, 'skipped')], T0);
    expect([...mine].sort()).toEqual(['a', 'slot']);
    expect(await rowOf(db, 'a')).toMatchObject({
      status: 'pending',
      attempts: 0,
      createdAt: T0,
      recipientId: 'person-a',
      kind: 'review-confirm',
      partnershipId: p,
      lastAttemptAt: null,
    });
    expect(await rowOf(db, 'slot')).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(await rowOf(db, 'taken')).toMatchObject({ kind: 'review-open', status: 'sent' });
    expect(await db.stores.reviews.reserveSends([row('a', p)], T0)).toEqual(new Set());
  });

  it('claims a recorded send once, until a given time, and marks it sent or failed only while it is being sent', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    await db.stores.reviews.reserveSends([row('a', p), row('b', p), row('c', p)], T0);
    const until = new Date(T0.getTime() + CLAIM);
    expect(await rowOf(db, 'a')).toMatchObject({ claimedUntil: null });
    expect((await db.stores.reviews.claimSends([fresh('a', p), fresh('b', p)], T0, until)).sort()).toEqual(['a', 'b']);
    // a second claim at the same moment (another process that saw the same state) wins nothing
    expect(await db.stores.reviews.claimSends([fresh('a', p), fresh('b', p)], T0, until)).toEqual([]);
    expect(await rowOf(db, 'a')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastAttemptAt: T0,
      claimedUntil: until,
    });

    const later = new Date(T0.getTime() + 1_000);
    await db.stores.reviews.finishSends(refs(p, 'a', 'c'), { status: 'sent', at: later });
    expect(await rowOf(db, 'a')).toMatchObject({
      status: 'sent',
      sentAt: later,
      nextAttemptAt: null,
      claimedUntil: null,
    });
    expect(await rowOf(db, 'c')).toMatchObject({ status: 'sent', sentAt: later }); // pending, so it can be marked
    const retry = new Date(T0.getTime() + HOUR);
    await db.stores.reviews.finishSends(refs(p, 'a', 'b'), { status: 'failed', at: later, nextAttemptAt: retry });
    expect(await rowOf(db, 'a')).toMatchObject({ status: 'sent' }); // no longer pending: left alone
    expect(await rowOf(db, 'b')).toMatchObject({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: retry,
      claimedUntil: null,
    });
  });

  it('names a send by its partnership and key: the same key in another partnership is another row, left alone', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    const q = await partnership(db, 'other');
    expect(await db.stores.reviews.reserveSends([row('a', p), row('a', q)], T0)).toEqual(new Set(['a']));
    expect(await db.database.db.scheduledSend.count({ where: { key: 'a' } })).toBe(2);
    const until = new Date(T0.getTime() + CLAIM);
    expect(await db.stores.reviews.claimSends([fresh('a', p)], T0, until)).toEqual(['a']);
    await db.stores.reviews.finishSends(refs(p, 'a'), { status: 'sent', at: T0 });
    const other = () =>
      db!.database.db.scheduledSend.findUnique({ where: { partnershipId_key: { partnershipId: q, key: 'a' } } });
    expect(await other()).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null, sentAt: null });
    expect(await db.stores.reviews.claimSends([fresh('a', q)], T0, until)).toEqual(['a']);
    expect(await db.stores.reviews.releaseSends(refs(p, 'a'), until)).toBe(0);
    expect(await other()).toMatchObject({ status: 'pending', attempts: 1, claimedUntil: until });
  });

  it("records the previous batch's outcomes with the next claim", async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    await db.stores.reviews.reserveSends([row('a', p), row('b', p), row('c', p)], T0);
    const until = new Date(T0.getTime() + CLAIM);
    await db.stores.reviews.claimSends([fresh('a', p), fresh('b', p)], T0, until);
    const retry = new Date(T0.getTime() + HOUR);
    const finished = [
      { sends: refs(p, 'a'), outcome: { status: 'sent' as const, at: T0 } },
      { sends: refs(p, 'b'), outcome: { status: 'failed' as const, at: T0, nextAttemptAt: retry } },
    ];
    expect(await db.stores.reviews.claimSends([fresh('c', p)], T0, until, finished)).toEqual(['c']);
    expect(await rowOf(db, 'a')).toMatchObject({ status: 'sent', sentAt: T0, claimedUntil: null });
    expect(await rowOf(db, 'b')).toMatchObject({ status: 'failed', nextAttemptAt: retry, claimedUntil: null });
    expect(await rowOf(db, 'c')).toMatchObject({ status: 'pending', attempts: 1, claimedUntil: until });
  });

  it('takes a failed send again once its retry is due, and a claimed one once its claim has expired, on the state seen', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    const retry = new Date(T0.getTime() + HOUR);
    const expires = new Date(T0.getTime() + 2 * HOUR);
    await db.stores.reviews.reserveSends([row('failed', p), row('held', p), row('free', p)], T0);
    await db.stores.reviews.claimSends([fresh('failed', p)], T0, new Date(T0.getTime() + CLAIM));
    await db.stores.reviews.finishSends(refs(p, 'failed'), { status: 'failed', at: T0, nextAttemptAt: retry });
    await db.stores.reviews.claimSends([fresh('held', p)], T0, expires); // a sweep that died while holding it
    const claims = [
      { partnershipId: p, key: 'failed', status: 'failed' as const, attempts: 1 },
      { partnershipId: p, key: 'held', status: 'pending' as const, attempts: 1 },
      fresh('free', p),
    ];
    const until = (from: Date) => new Date(from.getTime() + CLAIM);

    // Before the retry is due and while the claim holds: only the row nobody holds.
    const early = new Date(retry.getTime() - 1);
    expect(await db.stores.reviews.claimSends(claims, early, until(early))).toEqual(['free']);
    // At the retry time: the failed one; the held one still waits.
    expect(await db.stores.reviews.claimSends(claims, retry, until(retry))).toEqual(['failed']);
    expect(await rowOf(db, 'failed')).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastAttemptAt: retry,
      nextAttemptAt: null,
      claimedUntil: until(retry),
    });
    // The moment its claim expires: the held one, for one more attempt.
    expect(await db.stores.reviews.claimSends(claims, expires, until(expires))).toEqual(['held']);
    expect(await rowOf(db, 'held')).toMatchObject({ status: 'pending', attempts: 2, claimedUntil: until(expires) });
    // The same claims again (another process that saw the same state): the rows moved on, nothing is won.
    const last = new Date(expires.getTime() + 2 * CLAIM);
    expect(await db.stores.reviews.claimSends(claims, last, until(last))).toEqual([]);
  });

  it('hands back the unsent sends of its own claim: free at once, the attempt not counted', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    await db.stores.reviews.reserveSends([row('a', p), row('b', p), row('c', p)], T0);
    const until = new Date(T0.getTime() + CLAIM);
    await db.stores.reviews.claimSends([fresh('a', p), fresh('b', p), fresh('c', p)], T0, until);
    await db.stores.reviews.finishSends(refs(p, 'c'), { status: 'sent', at: T0 });
    // Another claim's time (a later batch, or another process) hands back nothing.
    expect(await db.stores.reviews.releaseSends(refs(p, 'a', 'b'), new Date(until.getTime() + 1))).toBe(0);
    // A sent row is not pending: only a and b come back.
    expect(await db.stores.reviews.releaseSends(refs(p, 'a', 'b', 'c'), until)).toBe(2);
    expect(await rowOf(db, 'a')).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null });
    expect(await rowOf(db, 'c')).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await db.stores.reviews.claimSends([fresh('a', p), fresh('b', p)], T0, until)).sort()).toEqual(['a', 'b']);
  });

  it('records, claims and marks more rows than one statement takes', async () => {
    db = await createTestDatabase();
    const p = await partnership(db);
    const keys = Array.from({ length: 12_345 }, (_, i) => `confirm:2026:person-${i}:0`);
    const mine = await db.stores.reviews.reserveSends(
      keys.map((k) => row(k, p)),
      T0,
    );
    expect(mine.size).toBe(keys.length);
    expect(
      (
        await db.stores.reviews.claimSends(
          keys.map((k) => fresh(k, p)),
          T0,
          new Date(T0.getTime() + CLAIM),
        )
      ).length,
    ).toBe(keys.length);
    await db.stores.reviews.finishSends(refs(p, ...keys), { status: 'sent', at: T0 });
    expect(await db.database.db.scheduledSend.count({ where: { status: 'sent', attempts: 1, sentAt: T0 } })).toBe(
      keys.length,
    );
    expect(new Set((await db.database.db.scheduledSend.findMany({ select: { id: true } })).map((r) => r.id)).size).toBe(
      keys.length,
    );
  });
});
