// The database driver stays quiet: Prisma sends the queries of one transaction as they come (a
// Promise.all inside $transaction, or an include of several relations, which Prisma fetches side by side), and node-postgres warns that handing a connection a query
// while another runs is deprecated (removed in pg 9). The transactions' statements are queued
// one at a time (adapters/persistence/inbox-marking.ts), so no warning is printed. Node prints a
// deprecation once per process, so this file checks it in its own process, before anything else.
import { afterEach, expect, it } from 'vitest';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

it('runs side-by-side queries inside one transaction without a driver deprecation warning', async () => {
  const warnings: string[] = [];
  const listen = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', listen);
  try {
    db = await createDemoDatabase();
    const loaded = await db.database.db.$transaction(async (tx) => {
      const partnerships = await tx.partnership.findMany({
        include: { people: true, relationships: true, audit: true, organisations: true },
      });
      const counts = await Promise.all([tx.person.count(), tx.auditEvent.count(), tx.relationship.count()]);
      return { partnerships, counts };
    });
    expect(loaded.partnerships).toHaveLength(1);
    expect(loaded.partnerships[0]!.people.length).toBe(loaded.counts[0]);
    // the warning is emitted on the next tick
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
  }
  expect(warnings.filter((w) => /DeprecationWarning/.test(w))).toEqual([]);
});
