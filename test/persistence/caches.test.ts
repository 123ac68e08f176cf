// The roster and decision caches (docs/database.md, "Caches") are only ever stale in speed: every
// change, by this process or another, by any code path, is seen by the next read. "Another
// process" here is a second connection to the same database with its own stores and bot.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { loadState } from '../../adapters/persistence/decision-rows.ts';
import type { FastPathHooks } from '../../adapters/persistence/decision-fast.ts';
import { PrismaDecisionStore } from '../../adapters/persistence/decision-store.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { Stores } from '../../src/services/ports/index.ts';
import type { DecisionState } from '../../src/domain/decisions/types.ts';
import { CHANNEL, createWorld, userIdOf, type World } from '../decisions/world.ts';

const CAFE = {
  title: 'Community café catering contract',
  kind: 'procurement',
  organisations: 'Northfield Community Café Ltd',
};
const VOTERS = ['Rosa Novak', 'Aisha Rahman', 'Gareth Jones', 'Kwame Mensah', 'Helen Brooks', 'David Hughes'];

let world: World;
let other: { database: Database; stores: Stores } | null = null;
afterEach(async () => {
  await other?.database.close();
  other = null;
  await world.close();
});

/** A second process on the same database. */
async function anotherProcess(): Promise<{ database: Database; stores: Stores }> {
  const database = await openDatabase(world.db.url);
  other = { database, stores: createStores(database) };
  return other;
}

/** Rows written in the same millisecond have no order in the database: compare them by person. */
const byPerson = (state: DecisionState | null) =>
  state && {
    ...state,
    votes: [...state.votes].sort((a, b) => a.personId.localeCompare(b.personId)),
    declarations: [...state.declarations].sort((a, b) => a.personId.localeCompare(b.personId)),
  };

const fastOf = (stores: Stores) => (stores.decisions as PrismaDecisionStore).fast;

describe('the decision cache', () => {
  it('after votes, vote changes and repeats, the cached state is what a fresh read gives, and the audit log has every vote', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    for (const name of VOTERS) await world.click(name, 'decision.declare.none', id);
    for (const [i, name] of VOTERS.entries()) await world.click(name, 'decision.vote', `${id}:${i % 3}`);
    await world.click('Rosa Novak', 'decision.vote', `${id}:1`); // a change
    await world.click('Aisha Rahman', 'decision.vote', `${id}:1`); // the same again: nothing changes
    const cached = await world.db.stores.decisions.find({ id });
    const fresh = await loadState(world.db.database.db, id);
    expect(byPerson(cached)).toEqual(byPerson(fresh));
    expect(byPerson(cached)!.votes.map((v) => [v.personId, v.option, v.changes])).toEqual(
      VOTERS.map((name, i) => [
        world.id(name),
        name === 'Rosa Novak' ? 'Against' : ['For', 'Against', 'Abstain'][i % 3],
        name === 'Rosa Novak' ? 1 : 0,
      ]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const audit = await world.db.database.db.auditEvent.findMany({
      where: { subjectId: id, action: { startsWith: 'decision.vote' } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [...VOTERS.map(() => 'decision.vote'), 'decision.vote.change'].sort(),
    );
    expect(JSON.parse(audit.find((a) => a.action === 'decision.vote.change')!.before!)).toEqual({ option: 'For' });
  });

  it('a vote made by another process is counted, and this process decides the next vote on fresh data', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    for (const name of VOTERS) await world.click(name, 'decision.declare.none', id);
    await world.click('Rosa Novak', 'decision.vote', `${id}:0`); // this process now holds a copy
    const b = await anotherProcess();
    const botB = createBot({ stores: b.stores, clock: world.clock, logger: silentLogger });
    const byB = await botB.handle({
      conversation: CHANNEL,
      speaker: { userId: userIdOf('Aisha Rahman'), workspaceId: 'local' },
      inbound: { type: 'action', actionId: 'decision.vote', value: `${id}:1` },
    });
    expect(byB.map(replyText).join()).toMatch(/recorded: Against/);
    const reloads = fastOf(world.db.stores).reloads;
    expect(replyText((await world.click('Gareth Jones', 'decision.vote', `${id}:0`))[0]!)).toMatch(/recorded: For/);
    expect(fastOf(world.db.stores).reloads).toBeGreaterThan(reloads);
    const state = (await world.db.stores.decisions.find({ id }))!;
    expect(state.votes.map((v) => v.option).sort()).toEqual(['Against', 'For', 'For']);
    expect(byPerson(state)).toEqual(byPerson(await loadState(world.db.database.db, id)));
  });

  it('a vote whose copy another process keeps making stale is still recorded, once, by the locked transaction', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    for (const name of VOTERS) await world.click(name, 'decision.declare.none', id);
    const b = await anotherProcess();
    // Before every attempt of this process, the other one changes the decision (its card).
    const attempts: number[] = [];
    const hooks: FastPathHooks = {
      beforeTransaction: async (_, __, attempt) => {
        attempts.push(attempt);
        await b.stores.decisions.setCard(id, {
          conversation: CHANNEL,
          message: { ...CHANNEL, messageId: `m-${attempt}` },
        });
      },
    };
    const mine = {
      ...world.db.stores,
      decisions: new PrismaDecisionStore(
        world.db.database.db,
        world.db.database.sql,
        world.db.database.provider,
        hooks,
      ),
    };
    const bot = createBot({ stores: mine, clock: world.clock, logger: silentLogger });
    const replies = await bot.handle({
      conversation: CHANNEL,
      speaker: { userId: userIdOf('Rosa Novak'), workspaceId: 'local' },
      inbound: { type: 'action', actionId: 'decision.vote', value: `${id}:0` },
    });
    expect(replies.map(replyText).join()).toMatch(/recorded: For/);
    expect(attempts).toEqual([0, 1, 2]); // bounded: then the row's lock and a fresh read
    const fresh = await loadState(world.db.database.db, id);
    expect(fresh!.votes.map((v) => [v.personId, v.option, v.changes])).toEqual([[world.id('Rosa Novak'), 'For', 0]]);
    expect(fresh!.decision.card?.message?.messageId).toBe('m-2');
    expect(byPerson(await mine.decisions.find({ id }))).toEqual(byPerson(fresh));
    expect(
      (
        await world.db.database.db.auditEvent.findMany({
          where: { subjectId: id, action: { startsWith: 'decision.vote' } },
        })
      ).map((a) => [a.action, a.actorId, JSON.parse(a.after!)]),
    ).toEqual([['decision.vote', world.id('Rosa Novak'), { personId: world.id('Rosa Novak'), option: 'For' }]]);
  });

  it('a change to the decision itself (its card, its closing time) is seen at once', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    const before = (await world.db.stores.decisions.find({ id }))!;
    const b = await anotherProcess();
    const card = { conversation: CHANNEL, message: { ...CHANNEL, messageId: 'm-elsewhere' } } as const;
    await b.stores.decisions.setCard(id, card);
    expect((await world.db.stores.decisions.find({ id }))!.decision.card).toEqual(card);
    await b.database.db.decision.update({
      where: { id },
      data: { closesAt: new Date(before.decision.closesAt.getTime() + 3_600_000) },
    });
    expect((await world.db.stores.decisions.find({ id }))!.decision.closesAt.getTime()).toBe(
      before.decision.closesAt.getTime() + 3_600_000,
    );
  });

  it('a declaration withdrawn elsewhere (a row deleted) is seen at once', async () => {
    world = await createWorld();
    const id = await world.start(CAFE);
    await world.click('Rosa Novak', 'decision.declare.none', id);
    expect((await world.db.stores.decisions.find({ id }))!.declarations).toHaveLength(1);
    const b = await anotherProcess();
    await b.database.db.declaration.deleteMany({ where: { decisionId: id } });
    expect((await world.db.stores.decisions.find({ id }))!.declarations).toHaveLength(0);
    expect(replyText((await world.click('Rosa Novak', 'decision.vote', `${id}:0`))[0]!)).toMatch(
      /Please declare first/,
    );
  });
});

describe('a burst of votes on one decision', () => {
  it('votes that arrive while a transaction is running are committed together in the next one; every vote counts once, and the vote that completes it closes it', async () => {
    world = await createWorld();
    const id = await world.start({ title: 'Fun day budget', closes: 'Friday 5pm' });
    const voters = (await world.db.stores.rosters.loadRoster(world.partnership.id)).people
      .filter((p) => p.kind === 'member' && p.voting)
      .map((p) => p.name);
    for (const name of voters) await world.click(name, 'decision.declare.none', id);
    // The first vote's batch is held before its transaction until every other vote is queued
    // behind it: group commit is then certain, not a matter of how the scheduler runs them.
    const batches: number[] = [];
    let everyoneQueued!: () => void;
    const queued = new Promise<void>((resolve) => (everyoneQueued = resolve));
    const hooks: FastPathHooks = {
      queued: (_, waiting) => void (waiting === voters.length - 1 && everyoneQueued()),
      beforeTransaction: async (_, jobs, attempt) => {
        if (attempt > 0) return; // a copy made stale by the cards' refreshes: the same batch again
        batches.push(jobs);
        if (batches.length === 1) await queued;
      },
    };
    const database = await openDatabase(world.db.url);
    const stores = {
      ...createStores(database),
      decisions: new PrismaDecisionStore(database.db, database.sql, database.provider, hooks),
    };
    other = { database, stores };
    const bot = createBot({ stores, clock: world.clock, logger: silentLogger });
    const replies = await Promise.all(
      voters.map((name, i) =>
        bot.handle({
          conversation: CHANNEL,
          speaker: { userId: userIdOf(name), workspaceId: 'local' },
          inbound: { type: 'action', actionId: 'decision.vote', value: `${id}:${i % 2}` },
        }),
      ),
    );
    expect(
      replies
        .flat()
        .map(replyText)
        .filter((t) => /Your vote on Decision 1 is recorded/.test(t)),
    ).toHaveLength(voters.length);
    // one vote, then all the others in one transaction (the last of them closes the decision in it)
    expect(batches).toEqual([1, voters.length - 1]);
    const state = (await other.stores.decisions.find({ id }))!;
    expect(state.votes).toHaveLength(voters.length);
    expect(state.decision.status).toBe('closed');
    expect(state.decision.closeReason).toBe('all-voted');
    expect(state.decision.outcome!.tally).toEqual([
      { option: 'For', count: Math.ceil(voters.length / 2) },
      { option: 'Against', count: Math.floor(voters.length / 2) },
      { option: 'Abstain', count: 0 },
    ]);
    expect(await world.db.database.db.auditEvent.count({ where: { subjectId: id, action: 'decision.vote' } })).toBe(
      voters.length,
    );
  });
});

describe('the roster cache', () => {
  it('returns the same frozen copy while nothing changed; a use case cannot alter it', async () => {
    world = await createWorld();
    const first = await world.db.stores.rosters.loadRoster(world.partnership.id);
    expect(await world.db.stores.rosters.loadRoster(world.partnership.id)).toBe(first);
    expect(() => (first.people as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(first.people[0]!, { voting: false })).toThrow(TypeError);
  });

  it('every kind of change made by another process is in the next roster this process loads', async () => {
    world = await createWorld();
    const pid = world.partnership.id;
    const mine = world.db.stores.rosters;
    const b = await anotherProcess();
    const db = b.database.db;
    const expectSame = async () => expect(await mine.loadRoster(pid)).toEqual(await b.stores.rosters.loadRoster(pid));
    await mine.loadRoster(pid);
    const rosa = world.id('Rosa Novak');
    const changes: (() => Promise<unknown>)[] = [
      () => db.person.update({ where: { id: rosa }, data: { resident: false } }),
      () =>
        db.interest.create({
          data: {
            personId: rosa,
            organisation: 'Northfield Allotments',
            organisationKey: 'northfield allotments',
            kind: 'trustee',
          },
        }),
      () =>
        db.interest.updateMany({
          where: { personId: rosa, organisation: 'Northfield Allotments' },
          data: { kind: 'member' },
        }),
      () => db.interest.deleteMany({ where: { personId: rosa, organisation: 'Northfield Allotments' } }),
      () =>
        db.relationship.create({
          data: { partnershipId: pid, fromId: rosa, toId: world.id('Aisha Rahman'), kind: 'close-friend' },
        }),
      () => db.relationship.deleteMany({ where: { fromId: rosa } }),
      () =>
        db.organisation.create({
          data: {
            partnershipId: pid,
            name: 'Northfield Allotments',
            key: 'northfield allotments',
            aliases: JSON.stringify(['The Allotments']),
          },
        }),
      () =>
        db.organisation.updateMany({
          where: { partnershipId: pid },
          data: { aliases: JSON.stringify(['Allotments Society']) },
        }),
      () =>
        db.partnership.update({ where: { id: pid }, data: { settings: JSON.stringify({ residentThreshold: 0.6 }) } }),
      () =>
        db.person.create({
          data: { partnershipId: pid, name: 'New Member', kind: 'member', voting: true, resident: true },
        }),
      () => db.person.updateMany({ where: { name: 'New Member' }, data: { endedAt: new Date() } }),
    ];
    for (const change of changes) {
      await change();
      await expectSame();
    }
    const roster = await mine.loadRoster(pid);
    expect(roster.people.find((p) => p.id === rosa)!.resident).toBe(false);
    expect(roster.partnership.settings.residentThreshold).toBe(0.6);
    expect(roster.organisationAliases).toContainEqual(['Northfield Allotments', 'Allotments Society']);
  });
});
