// Declarations on the fast path (docs/database.md, "Caches"): written on the cached copy with
// the recusals and the close they bring, batched with the votes of the same decision (one commit
// for a burst), each with its audit row; a stale copy falls back to the locked transaction; two
// processes on one database neither lose nor double a declaration. The batches are counted by the
// path's hooks, never by timing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/log.ts';
import { AlreadyDone, type BatchSeam } from '../../adapters/persistence/batched-writer.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import type { FastPathHooks } from '../../adapters/persistence/decision-fast.ts';
import { loadState } from '../../adapters/persistence/decision-rows.ts';
import { PrismaDecisionStore } from '../../adapters/persistence/decision-store.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { planDeclare } from '../../src/domain/decisions/respond.ts';
import type { Stores } from '../../src/services/ports/index.ts';
import { CHANNEL, createWorld, userIdOf, type World } from '../decisions/world.ts';
import { TEST_PROVIDER } from '../support/db.ts';

/** a decision no one has a conflict in: every voting member may declare "no interest" */
const FUN_DAY = { title: 'Fun day budget', closes: 'Friday 5pm' };
const CAFE = {
  title: 'Community café catering contract',
  kind: 'procurement',
  organisations: 'Northfield Community Café Ltd',
};

let world: World;
const opened: Database[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  await world.close();
});

/** Another process on the same database, its decision store built with `hooks` and `seam`. */
async function process2(hooks?: FastPathHooks, seam?: BatchSeam): Promise<{ database: Database; stores: Stores }> {
  const database = await openDatabase(world.db.url);
  opened.push(database);
  const stores = {
    ...createStores(database),
    decisions: new PrismaDecisionStore(database.db, database.sql, database.provider, hooks, seam),
  };
  return { database, stores };
}

const declareNone = (stores: Stores, name: string, id: string) =>
  createBot({ stores, clock: world.clock, logger: silentLogger }).handle({
    conversation: CHANNEL,
    speaker: { userId: userIdOf(name), workspaceId: 'local' },
    inbound: { type: 'action', actionId: 'decision.declare.none', value: id },
  });

const votersOf = async () =>
  (await world.db.stores.rosters.loadRoster(world.partnership.id)).people
    .filter((p) => p.kind === 'member' && p.voting)
    .map((p) => p.name);

const audits = (id: string, action: string) =>
  world.db.database.db.auditEvent.count({ where: { subjectId: id, action } });

/** Holds the first batch until `count` requests are queued behind it, and records each batch's size. */
function holdFirstBatch(count: number) {
  const batches: number[] = [];
  let everyoneQueued!: () => void;
  const queued = new Promise<void>((resolve) => (everyoneQueued = resolve));
  const hooks: FastPathHooks = {
    queued: (_, waiting) => void (waiting === count && everyoneQueued()),
    beforeTransaction: async (_, jobs, attempt) => {
      if (attempt > 0) return; // a copy made stale by a card refresh: the same batch again
      batches.push(jobs);
      if (batches.length === 1) await queued;
    },
  };
  return { batches, hooks };
}

describe('a burst of declarations on one decision', () => {
  it('is committed in fewer transactions than clicks, every declaration with its audit row, and the copy is what a fresh read gives', async () => {
    world = await createWorld();
    const id = await world.start(FUN_DAY);
    const voters = await votersOf();
    const { batches, hooks } = holdFirstBatch(voters.length - 1);
    const b = await process2(hooks);
    const replies = await Promise.all(voters.map((name) => declareNone(b.stores, name, id)));
    expect(replies.flat().map(replyText).join('\n')).not.toMatch(/Sorry/);
    // one declaration, then all the others in one transaction
    expect(batches).toEqual([1, voters.length - 1]);
    expect(await world.db.database.db.declaration.count({ where: { decisionId: id } })).toBe(voters.length);
    expect(await audits(id, 'decision.declare')).toBe(voters.length);
    const reloads = b.stores.decisions instanceof PrismaDecisionStore ? b.stores.decisions.fast.reloads : -1;
    const cached = await b.stores.decisions.find({ id });
    expect(cached).toEqual(await loadState(world.db.database.db, id));
    expect((b.stores.decisions as PrismaDecisionStore).fast.reloads).toBe(reloads); // the copy, not a read
  });

  it('a declared interest and the recusal it brings are written together on the fast path', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const b = await process2();
    const store = b.stores.decisions as PrismaDecisionStore;
    await declareNone(b.stores, 'Rosa Novak', id); // this process now holds a copy
    const reloads = store.fast.reloads;
    const bot = createBot({ stores: b.stores, clock: world.clock, logger: silentLogger });
    const replies = await bot.handle({
      conversation: { ...CHANNEL, channelId: `D-${userIdOf('Gareth Jones')}`, kind: 'direct' },
      speaker: { userId: userIdOf('Gareth Jones'), workspaceId: 'local' },
      inbound: {
        type: 'form',
        formId: 'decision.declare',
        context: id,
        values: { kind: 'direct-financial', detail: 'I supply the café’s bread', organisation: CAFE.organisations },
      },
    });
    expect(replies.map(replyText).join('\n')).toMatch(/You must not take part in Decision 1/);
    const cached = (await store.find({ id }))!;
    expect(store.fast.reloads).toBe(reloads); // written on the copy: the locked path would have dropped it
    expect(cached).toEqual(await loadState(world.db.database.db, id));
    expect(cached.recusals.map((r) => r.personId)).toContain(world.id('Gareth Jones'));
    expect(cached.people[world.id('Gareth Jones')]?.name).toBe('Gareth Jones');
    expect(await audits(id, 'decision.declare')).toBe(2);
    expect(await audits(id, 'decision.recuse')).toBe(cached.recusals.length);
  });

  it('a declaration whose copy another process keeps making stale is recorded once, by the locked transaction', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const attempts: number[] = [];
    const hooks: FastPathHooks = {
      beforeTransaction: async (_, __, attempt) => {
        attempts.push(attempt);
        await world.db.stores.decisions.setCard(id, {
          conversation: CHANNEL,
          message: { ...CHANNEL, messageId: `m-${attempt}` },
        });
      },
    };
    const b = await process2(hooks);
    const replies = await declareNone(b.stores, 'Rosa Novak', id);
    expect(replies.map(replyText).join('\n')).not.toMatch(/Sorry/);
    expect(attempts).toEqual([0, 1, 2]);
    const fresh = (await loadState(world.db.database.db, id))!;
    expect(fresh.declarations.map((d) => [d.personId, d.outcome])).toEqual([[world.id('Rosa Novak'), 'none']]);
    expect(fresh.decision.card?.message?.messageId).toBe('m-2');
    expect(await b.stores.decisions.find({ id })).toEqual(fresh);
    expect(await audits(id, 'decision.declare')).toBe(1);
  });
});

// PostgreSQL only: the two handles share this test's one thread, and on SQLite a connection
// waiting for the file's write lock blocks that thread (better-sqlite3 is synchronous), so the
// handle holding the lock could not finish until the busy timeout gives up.
describe('two processes on one database', () => {
  it.runIf(TEST_PROVIDER === 'postgres')(
    'every member clicking "no interest" on both: each declaration stored once, with one audit row',
    async () => {
      world = await createWorld();
      const id = await world.start(FUN_DAY);
      const voters = await votersOf();
      const a = await process2();
      const b = await process2();
      const replies = await Promise.all(
        voters.flatMap((name) => [declareNone(a.stores, name, id), declareNone(b.stores, name, id)]),
      );
      expect(replies.flat().map(replyText).join('\n')).not.toMatch(/Sorry/);
      const rows = await world.db.database.db.declaration.findMany({ where: { decisionId: id } });
      expect(rows.map((r) => r.personId).sort()).toEqual(voters.map((n) => world.id(n)).sort());
      expect(await audits(id, 'decision.declare')).toBe(voters.length);
      const fresh = await loadState(world.db.database.db, id);
      expect(await a.stores.decisions.find({ id })).toEqual(fresh);
      expect(await b.stores.decisions.find({ id })).toEqual(fresh);
    },
  );
});

describe('the seam for a durable inbox', () => {
  /** Declares "no interest" for `name` in `request`'s context; queued at once, in call order. */
  const declaring = async (b: { stores: Stores }, request: AsyncLocalStorage<string>, id: string) => {
    const roster = await b.stores.rosters.loadRoster(world.partnership.id);
    return (name: string) => {
      const person = roster.people.find((p) => p.name === name)!;
      return request.run(name, () =>
        b.stores.decisions.apply(id, (state) =>
          planDeclare(state, roster, person, { outcome: 'none' }, world.clock.now()),
        ),
      );
    };
  };

  it('hands each job the context captured when it was queued, outside every request’s context; runs inside its transaction; skips a job already done', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const request = new AsyncLocalStorage<string>();
    const seen: [job: unknown, current: unknown][] = [];
    const committed: unknown[] = [];
    const seam: BatchSeam = {
      context: () => request.getStore(),
      beforeWrite: async (tx, job) => {
        seen.push([job.context, request.getStore()]);
        // a row written in the job's transaction: it commits with the declaration, or not at all
        await tx.run(
          'INSERT INTO "AuditEvent" ("id", "partnershipId", "action", "subjectType", "subjectId", "at") VALUES ($1, $2, $3, $4, $5, $6)',
          [`seam-${String(job.context)}`, world.partnership.id, 'test.inbox-done', 'decision', id, new Date()],
        );
        return job.context !== 'Aisha Rahman'; // "already done by another process"
      },
      committed: (job) => void committed.push(job.context),
    };
    const { hooks, batches } = holdFirstBatch(2);
    const b = await process2(hooks, seam);
    const declare = await declaring(b, request, id);
    const results = await Promise.allSettled(['Rosa Novak', 'Aisha Rahman', 'Gareth Jones'].map(declare));
    expect(batches).toEqual([1, 2]);
    // each job's own context; the shared transaction itself runs in no request's context
    expect(seen).toEqual([
      ['Rosa Novak', undefined],
      ['Aisha Rahman', undefined],
      ['Gareth Jones', undefined],
    ]);
    expect(committed).toEqual(['Rosa Novak', 'Gareth Jones']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(AlreadyDone);
    const declared = await world.db.database.db.declaration.findMany({ where: { decisionId: id } });
    expect(declared.map((d) => d.personId).sort()).toEqual([world.id('Rosa Novak'), world.id('Gareth Jones')].sort());
    expect(await audits(id, 'decision.declare')).toBe(2);
    expect(await audits(id, 'test.inbox-done')).toBe(3);
    expect(await b.stores.decisions.find({ id })).toEqual(await loadState(world.db.database.db, id));
  });

  it('a batch that fails is rolled back and each of its requests done again alone, in its own context: nothing lost, nothing doubled', async () => {
    world = await createWorld();
    const id = await world.start(FUN_DAY);
    const request = new AsyncLocalStorage<string>();
    const seen: unknown[] = [];
    const committed: unknown[] = [];
    const seam: BatchSeam = {
      context: () => request.getStore(),
      beforeWrite: async (_, job) => {
        seen.push(job.context);
        if (job.context === 'Aisha Rahman') throw new Error('the batch fails here');
        return true;
      },
      committed: (job) => void committed.push(job.context),
    };
    const { hooks, batches } = holdFirstBatch(3);
    const b = await process2(hooks, seam);
    const names = ['Rosa Novak', 'Aisha Rahman', 'Gareth Jones', 'Kwame Mensah'];
    const results = await Promise.all(names.map(await declaring(b, request, id)));
    expect(batches).toEqual([1, 3]);
    expect(results.map((r) => r?.outcome.kind)).toEqual(names.map(() => 'declared'));
    // the locked transaction runs in the request's own context and leaves the seam alone
    expect(seen).toEqual(['Rosa Novak', 'Aisha Rahman']);
    expect(committed).toEqual(['Rosa Novak']);
    const declared = await world.db.database.db.declaration.findMany({ where: { decisionId: id } });
    expect(declared.map((d) => d.personId).sort()).toEqual(names.map((n) => world.id(n)).sort());
    expect(await audits(id, 'decision.declare')).toBe(4);
  });
});
