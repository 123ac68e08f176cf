// Register edits share transactions (batched-writer.ts through register-store.ts): edits that
// arrive while one is being written are committed together, each with its audit row; one that
// fails fails alone; two processes on PostgreSQL neither lose nor double an edit. Batches are
// counted by the writer's hooks, never by timing.
import { afterEach, describe, expect, it } from 'vitest';
import { AlreadyDone, type BatchHooks, type BatchSeam } from '../../adapters/persistence/batched-writer.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { PrismaRegisterStore } from '../../adapters/persistence/register-store.ts';
import type { Change } from '../../src/services/ports/index.ts';
import { createDemoDatabase, TEST_PROVIDER } from '../support/db.ts';

let db: Awaited<ReturnType<typeof createDemoDatabase>>;
const opened: Database[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  await db.close();
});

/** The register store of another process on the same database. */
async function storeOf(options: { hooks?: BatchHooks; seam?: BatchSeam } = {}): Promise<PrismaRegisterStore> {
  const database = await openDatabase(db.url);
  opened.push(database);
  return new PrismaRegisterStore(database.db, { provider: database.provider, ...options });
}

/** Holds the first batch until `count` edits are queued behind it; records every transaction's size and attempt. */
function holdFirstBatch(count: number) {
  const transactions: [jobs: number, attempt: number][] = [];
  let everyoneQueued!: () => void;
  const queued = new Promise<void>((resolve) => (everyoneQueued = resolve));
  const hooks: BatchHooks = {
    queued: (_, waiting) => void (waiting === count && everyoneQueued()),
    beforeTransaction: async (_, jobs, attempt) => {
      transactions.push([jobs, attempt]);
      if (transactions.length === 1) await queued;
    },
  };
  return { transactions, hooks };
}

async function setUp() {
  db = await createDemoDatabase();
  const change: Change = { partnershipId: db.partnership.id, actorId: null, at: new Date('2026-05-01T09:00:00Z') };
  const people = (await db.stores.rosters.loadRoster(db.partnership.id)).people;
  return { change, people };
}

const entry = (i: number) => ({ organisation: `Allotment Society ${i}`, kind: 'member' as const });

describe('a burst of register edits', () => {
  it('is committed in fewer transactions than edits, every entry with its audit row', async () => {
    const { change, people } = await setUp();
    const { transactions, hooks } = holdFirstBatch(people.length - 1);
    const store = await storeOf({ hooks });
    const added = await Promise.all(people.map((p, i) => store.addInterest(change, p.id, entry(i))));
    expect(transactions).toEqual([
      [1, 0],
      [people.length - 1, 0],
    ]);
    expect(added.map((a) => a.personId)).toEqual(people.map((p) => p.id));
    const stored = await db.database.db.interest.findMany({ where: { organisation: { startsWith: 'Allotment' } } });
    expect(stored.map((s) => s.personId).sort()).toEqual(people.map((p) => p.id).sort());
    const audit = await db.database.db.auditEvent.findMany({ where: { action: 'interest.add' } });
    expect(audit.map((a) => a.subjectId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(audit.map((a) => JSON.parse(a.after!).interestId).sort()).toEqual(added.map((a) => a.id).sort());
  });

  it('an edit that fails in a batch fails alone: the batch is written again one edit at a time', async () => {
    const { change, people } = await setUp();
    const [first, ...rest] = people.slice(0, 4);
    const { transactions, hooks } = holdFirstBatch(4);
    const store = await storeOf({ hooks });
    const results = await Promise.allSettled([
      store.addInterest(change, first!.id, entry(0)),
      ...rest.map((p, i) => store.addInterest(change, p.id, entry(i + 1))),
      store.addInterest(change, 'no-such-person', entry(9)), // the foreign key refuses it
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    // the first alone; four together, rolled back; then each of the four in its own
    expect(transactions).toEqual([
      [1, 0],
      [4, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(await db.database.db.interest.count({ where: { organisation: { startsWith: 'Allotment' } } })).toBe(4);
    expect(await db.database.db.auditEvent.count({ where: { action: 'interest.add' } })).toBe(4);
  });

  it('the seam runs in each edit’s transaction; an edit already done is skipped and its caller told', async () => {
    const { change, people } = await setUp();
    const [rosa, aisha] = people;
    const committed: unknown[] = [];
    const seam: BatchSeam = {
      context: () => 'request',
      committed: (job) => void committed.push(job.context),
      beforeWrite: async (tx, job) => {
        expect(job.context).toBe('request');
        return (
          (await tx.all('SELECT "id" FROM "Interest" WHERE "organisation" = $1', ['Allotment Society 1'])).length === 0
        );
      },
    };
    const store = await storeOf({ seam });
    await store.addInterest(change, rosa!.id, entry(1));
    await expect(store.addInterest(change, aisha!.id, entry(1))).rejects.toBeInstanceOf(AlreadyDone);
    expect(committed).toEqual(['request']);
    expect(await db.database.db.interest.count({ where: { organisation: 'Allotment Society 1' } })).toBe(1);
    expect(await db.database.db.auditEvent.count({ where: { action: 'interest.add' } })).toBe(1);
  });
});

// PostgreSQL only: the two handles share this test's one thread, and on SQLite a connection
// waiting for the file's write lock blocks that thread (better-sqlite3 is synchronous).
describe('two processes on one database', () => {
  it.runIf(TEST_PROVIDER === 'postgres')(
    'edits through both are all stored once; a removal sent to both removes once',
    async () => {
      const { change, people } = await setUp();
      const a = await storeOf();
      const b = await storeOf();
      const added = await Promise.all(
        people.flatMap((p, i) => [a.addInterest(change, p.id, entry(i)), b.addInterest(change, p.id, entry(i + 100))]),
      );
      expect(await db.database.db.interest.count({ where: { organisation: { startsWith: 'Allotment' } } })).toBe(
        2 * people.length,
      );
      expect(await db.database.db.auditEvent.count({ where: { action: 'interest.add' } })).toBe(2 * people.length);
      const removals = await Promise.all(
        added.flatMap((x) => [a.removeInterest(change, x.id), b.removeInterest(change, x.id)]),
      );
      expect(removals.filter((r) => r.status === 'saved')).toHaveLength(added.length);
      expect(removals.filter((r) => r.status === 'not-found')).toHaveLength(added.length);
      expect(await db.database.db.interest.count({ where: { organisation: { startsWith: 'Allotment' } } })).toBe(0);
      expect(await db.database.db.auditEvent.count({ where: { action: 'interest.remove' } })).toBe(added.length);
    },
  );
});
