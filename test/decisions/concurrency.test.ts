// Against the real SQLite database: many members clicking at once, and one member's click
// re-sent many times, give an exact tally. One vote per member is the database's unique key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { Person, Roster } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { createWorld, type World } from './world.ts';

const MEMBERS = 120;
const name = (i: number) => `Member ${String(i).padStart(3, '0')}`;

function bigRoster(): Roster {
  const people: Person[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `p${i}`,
    name: name(i),
    kind: 'member',
    resident: i % 3 !== 0,
    voting: true,
    roles: i === 0 ? ['chair'] : [],
    ltoRepresentative: false,
    councillor: false,
    email: `member${i}@example.org`,
    interests: [],
  }));
  people.push({
    id: 'worker',
    name: 'Pat Worker',
    kind: 'paid-worker',
    resident: false,
    voting: false,
    roles: [],
    ltoRepresentative: false,
    councillor: false,
    email: 'pat@example.org',
    interests: [],
  });
  return { partnership: { name: 'Large Big Local', settings: defaultSettings() }, people, relationships: [] };
}

let world: World;
let decisionId: string;
const db = () => world.db.database.db;

beforeAll(async () => {
  world = await createWorld({ roster: bigRoster(), slug: 'large' });
  decisionId = await world.start({ title: 'Community hub lease', closes: 'Friday 5pm' }, name(0));
  // 101 members declare at once
  await Promise.all(Array.from({ length: 101 }, (_, i) => world.click(name(i), 'decision.declare.none', decisionId)));
});
afterAll(async () => world?.close());

describe('many clicks at once', () => {
  it('records 101 declarations from 101 concurrent clicks', async () => {
    expect(await db().declaration.count({ where: { decisionId } })).toBe(101);
    expect(await db().auditEvent.count({ where: { subjectId: decisionId, action: 'decision.declare' } })).toBe(101);
  });

  it('100 concurrent votes from distinct members give an exact tally', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => world.click(name(i), 'decision.vote', `${decisionId}:${i % 3}`)),
    );
    expect(replies.every((r) => /is recorded: (For|Against|Abstain)/.test(r[0]!.summary))).toBe(true);
    const votes = await db().vote.groupBy({ by: ['option'], where: { decisionId }, _count: { _all: true } });
    expect(Object.fromEntries(votes.map((v) => [v.option, v._count._all]))).toEqual({
      For: 34,
      Against: 33,
      Abstain: 33,
    });
    expect(await db().auditEvent.count({ where: { subjectId: decisionId, action: 'decision.vote' } })).toBe(100);
    expect((await world.db.stores.decisions.find({ id: decisionId }))!.decision.status).toBe('open'); // 120 eligible, 100 voted
  });

  it('100 replays of one click count once; 100 replays of a change count as one change', async () => {
    const member = name(100);
    const same = await Promise.all(
      Array.from({ length: 100 }, () => world.click(member, 'decision.vote', `${decisionId}:0`)),
    );
    expect(same.filter((r) => /is recorded: For/.test(r[0]!.summary))).toHaveLength(1);
    expect(same.filter((r) => /is already For; nothing changed/.test(r[0]!.summary))).toHaveLength(99);
    const mine = () => db().vote.findMany({ where: { decisionId, personId: world.id(member) } });
    expect((await mine()).map((v) => [v.option, v.changes])).toEqual([['For', 0]]);

    const change = await Promise.all(
      Array.from({ length: 100 }, () => world.click(member, 'decision.vote', `${decisionId}:1`)),
    );
    expect(change.filter((r) => /changed from For to Against/.test(r[0]!.summary))).toHaveLength(1);
    expect((await mine()).map((v) => [v.option, v.changes])).toEqual([['Against', 1]]);
    expect(
      await db().auditEvent.count({
        where: { subjectId: decisionId, actorId: world.id(member), action: { startsWith: 'decision.vote' } },
      }),
    ).toBe(2);
    expect(await db().vote.count({ where: { decisionId } })).toBe(101);
  });

  it('leaves the channel card on the newest counts', async () => {
    const card = replyText(world.notifier.current(world.notifier.posted[0]!.ref.messageId)!);
    expect(card).toMatch(/Declared: 101 of 120/);
    expect(card).toMatch(/Voted: 101 of 120 eligible/);
    expect(card).toMatch(/For: 34\nAgainst: 34\nAbstain: 33/);
  });
});
