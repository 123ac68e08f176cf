// Delivery claims (adapters/persistence/deliveries.ts): claims made at once share a transaction,
// yet each key is won exactly once: within a burst, across bursts, across two connections.
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { claimDelivery } from '../../adapters/persistence/deliveries.ts';
import { TEST_PROVIDER, createTestDatabase, type TestDatabase } from '../support/db.ts';

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
  expect(await db.database.db.processedDelivery.count()).toBe(40);
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
