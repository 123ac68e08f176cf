// Exactly once (adapters/persistence/inbox-marking.ts): the first transaction that writes while an
// inbox item is processed marks the item done as it commits; if the item is no longer pending
// (another process did it), that transaction is rolled back and the work stops. Real database.
import { afterEach, expect, it } from 'vitest';
import { inboxStore } from '../../adapters/persistence/inbox-store.ts';
import { InboxItemAlreadyDone, runInInboxScope } from '../../adapters/persistence/inbox-scope.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
afterEach(() => db.close());

const accept = (key: string) =>
  inboxStore(db.database).accept(
    { key, platform: 'slack', body: '{"secret":"x"}' },
    'me',
    new Date(Date.now() + 60_000),
    new Date(),
  );
const item = (key: string) => db.database.db.inboxItem.findUniqueOrThrow({ where: { key } });
const writeLease = (name: string) =>
  db.database.db.$transaction(async (tx) => {
    await tx.lease.create({ data: { name, holder: 'h', expiresAt: new Date() } });
  });

it('marks the item done with its first write, erasing its body; later writes of the same work go through', async () => {
  db = await createTestDatabase();
  await accept('k1');
  const work = { key: 'k1', marked: false };
  await runInInboxScope(work, async () => {
    await db.database.db.$transaction(async (tx) => tx.lease.findMany()); // a read marks nothing
    expect((await item('k1')).status).toBe('pending');
    await writeLease('first');
    await writeLease('second');
  });
  expect(work.marked).toBe(true);
  expect(await item('k1')).toMatchObject({ status: 'done', body: null });
  expect(await db.database.db.lease.count()).toBe(2);
});

it('rolls back the write of work whose item another process has done, and the database stays usable', async () => {
  db = await createTestDatabase();
  await accept('k2');
  await inboxStore(db.database).finish('k2', 'done'); // the other process got there first
  const work = { key: 'k2', marked: false };
  await expect(runInInboxScope(work, () => writeLease('late'))).rejects.toBeInstanceOf(InboxItemAlreadyDone);
  expect(work.marked).toBe(false);
  expect(await db.database.db.lease.count()).toBe(0);
  await writeLease('after'); // the connection (SQLite: its lock) was released
  expect(await db.database.db.lease.count()).toBe(1);
});

it('writes outside any item mark nothing', async () => {
  db = await createTestDatabase();
  await accept('k3');
  await writeLease('plain');
  expect((await item('k3')).status).toBe('pending');
});
