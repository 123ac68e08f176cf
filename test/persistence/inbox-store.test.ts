// The inbox's inserts (adapters/persistence/inbox-store.ts): inserts made at once share a
// transaction, yet each key is new exactly once: within a burst, across bursts, across two
// connections. Items due again are claimed by one holder only, and done items lose their body.
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { inboxStore } from '../../adapters/persistence/inbox-store.ts';
import { TEST_PROVIDER, createTestDatabase, type TestDatabase } from '../support/db.ts';

/** Accepts one delivery as a server process would; true when it is new. */
const claimDelivery = (database: Database, key: string): Promise<boolean> =>
  inboxStore(database).accept(
    { key, platform: 'slack', body: '{}' },
    'test',
    new Date(Date.now() + 60_000),
    new Date(),
  );

let db: TestDatabase;
let second: Database | null = null;
afterEach(async () => {
  await second?.close();
  second = null;
  await db.close();
});

it('a burst of claims, with repeats, wins each key once, in few transactions; a later claim of the same key loses', async () => {
  db = await createTestDatabase();
  let transactions = 0;
  second = await openDatabase(db.url, { onQuery: (sql) => void (/^BEGIN/.test(sql) && transactions++) });
  const keys = Array.from({ length: 60 }, (_, i) => `slack:burst:${i % 40}`); // 20 keys twice
  const won = await Promise.all(keys.map((k) => claimDelivery(second!, k)));
  expect(won.filter(Boolean)).toHaveLength(40);
  expect(new Set(keys.filter((_, i) => won[i]))).toEqual(new Set(keys));
  expect(keys.slice(40).every((_, i) => won[40 + i] === false)).toBe(true); // the repeats come second
  expect(transactions).toBeLessThan(keys.length / 2);
  expect(await claimDelivery(db.database, 'slack:burst:7')).toBe(false);
  expect(await db.database.db.inboxItem.count()).toBe(40);
});

it('two bursts claiming the same keys at once, in different orders, split them without a deadlock', async () => {
  db = await createTestDatabase();
  // PostgreSQL: two connections, as two server processes have. SQLite: one connection per process
  // (a second one in the same process would wait on the first with the event loop blocked), so
  // both bursts share it; other processes are covered by test/postgres/two-processes.test.ts.
  second = TEST_PROVIDER === 'postgres' ? await openDatabase(db.url) : null;
  const other = second ?? db.database;
  const keys = Array.from({ length: 50 }, (_, i) => `teams:race:${i}`);
  const [a, b] = await Promise.all([
    Promise.all(keys.map((k) => claimDelivery(db.database, k))),
    Promise.all([...keys].reverse().map((k) => claimDelivery(other, k))),
  ]);
  const bInOrder = [...b].reverse();
  expect(keys.every((_, i) => a[i] !== bInOrder[i])).toBe(true);
});

it('hands an item whose claim expired to one holder, counts its attempts, and erases its body once done', async () => {
  db = await createTestDatabase();
  const store = inboxStore(db.database);
  const t0 = new Date('2026-12-05T10:00:00Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);
  expect(await store.accept({ key: 'slack:a', platform: 'slack', body: '{"x":1}' }, 'first', at(30), t0)).toBe(true);
  expect(await store.accept({ key: 'slack:b', platform: 'slack', body: '{"x":2}' }, 'first', at(30), t0)).toBe(true);
  expect(await store.claimDue('second', at(10), at(40), 10)).toEqual([]); // still held by "first"
  expect(await store.renew('first', at(20), at(50))).toBe(2); // "first" is alive
  expect(await store.claimDue('second', at(40), at(70), 10)).toEqual([]);
  const due = await store.claimDue('second', at(60), at(90), 10); // "first" died
  expect(due.map((d) => [d.key, d.body, d.attempts])).toEqual([
    ['slack:a', '{"x":1}', 2],
    ['slack:b', '{"x":2}', 2],
  ]);
  expect(await store.claimDue('third', at(61), at(91), 10)).toEqual([]); // one holder at a time
  expect(await store.finish('slack:a', 'done')).toBe(true);
  expect(await store.finish('slack:a', 'done')).toBe(false); // done once
  await store.release('slack:b', at(100)); // failed; due again at 100 s
  expect(await store.claimDue('third', at(95), at(125), 10)).toEqual([]);
  expect((await store.claimDue('third', at(101), at(131), 10)).map((d) => [d.key, d.attempts])).toEqual([
    ['slack:b', 3],
  ]);
  expect(await store.finish('slack:b', 'failed')).toBe(true);
  const rows = await db.database.db.inboxItem.findMany({ orderBy: { key: 'asc' } });
  expect(rows.map((r) => [r.key, r.status, r.body, r.claimedBy])).toEqual([
    ['slack:a', 'done', null, null],
    ['slack:b', 'failed', null, null],
  ]);
  expect(await store.claimDue('fourth', at(1000), at(1030), 10)).toEqual([]); // settled items are never taken again
});
