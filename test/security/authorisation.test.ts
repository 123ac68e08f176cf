// The authorisation matrix through the core (createBot over a real SQLite database): every
// permission × every kind of actor answers exactly as the table says. The same matrix runs
// through Slack, Teams and the playground in the authorisation-*.test.ts files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/bot.ts';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { ACTORS as TABLE_ACTORS, actorsOf, can, PERMISSIONS } from '../../src/domain/permissions.ts';
import { mayCreate } from '../../src/domain/decisions/create.ts';
import { mayManage } from '../../src/domain/decisions/who.ts';
import { noVoteReason } from '../../src/bot/views/decision-words.ts';
import { silentLogger } from '../../adapters/log.ts';
import { createDemoDatabase } from '../support/db.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import {
  ACTOR_KINDS,
  ACTORS,
  expectEveryPermissionProbed,
  personOf,
  runMatrix,
  type ActorKind,
  type Where,
} from './matrix.ts';

let db: Awaited<ReturnType<typeof createDemoDatabase>>;
let bot: Bot;
const CHANNEL = 'C-PARTNERS';
const workspaceOf = (actor: ActorKind) => (actor === 'other-workspace' ? 'T2-ELSEWHERE' : 'T1');

function ask(actor: ActorKind, where: Where, inbound: Inbound, fresh = 'C-FRESH'): Promise<Reply[]> {
  const ws = workspaceOf(actor);
  const conversation: Conversation =
    where === 'direct'
      ? { platform: 'slack', workspaceId: ws, channelId: `D-${actor}`, kind: 'direct' }
      : // the bound channel is in T1; someone from another workspace is there as a guest
        {
          platform: 'slack',
          workspaceId: where === 'channel' ? 'T1' : ws,
          channelId: where === 'channel' ? CHANNEL : fresh,
          kind: 'channel',
        };
  return bot.handle({
    conversation,
    speaker: { userId: `U-${actor}`, workspaceId: ws, email: ACTORS[actor].email },
    inbound,
  });
}

const shown = (replies: Reply[]) => replies.map((r) => `${replyText(r)}\n${JSON.stringify(r.blocks)}`).join('\n');

beforeAll(async () => {
  db = await createDemoDatabase();
  bot = createBot({
    stores: db.stores,
    clock: new TestClock(new Date(TUESDAY)),
    logger: silentLogger,
    notifier: new RecordingNotifier(),
  });
  await ask('chair', 'fresh', { type: 'command', text: 'setup northfield' }, CHANNEL);
  await ask('chair', 'channel', {
    type: 'form',
    formId: 'decision.create',
    values: { title: 'Summer fun day budget', closes: 'Friday 5pm' },
  });
});
afterAll(() => db.close());

describe('the one authorisation table', () => {
  it('names every kind of actor the issue lists, and each permission’s actors are known', () => {
    expect([...TABLE_ACTORS]).toEqual([
      'rep',
      'chair',
      'vice-chair',
      'secretary',
      'treasurer',
      'voting-member',
      'non-voting-member',
      'paid-worker',
      'unknown',
    ]);
    for (const actors of Object.values(PERMISSIONS)) for (const a of actors) expect(TABLE_ACTORS).toContain(a);
    expectEveryPermissionProbed();
  });

  it('each demo person is the kind of actor the matrix says', async () => {
    const people = (await db.stores.rosters.loadRoster(db.partnership.id)).people;
    for (const kind of ACTOR_KINDS) {
      const person = personOf(people, kind);
      const expected = kind === 'other-workspace' ? 'unknown' : kind;
      expect(actorsOf(person), kind).toContain(expected);
    }
  });

  it('the decisions’ own rules go through the table', async () => {
    const people = (await db.stores.rosters.loadRoster(db.partnership.id)).people;
    const [decision] = await db.stores.decisions.list(db.partnership.id);
    for (const p of [...people, null]) {
      expect(mayCreate(p, db.partnership.settings)).toBe(can(p, 'decision.create'));
      expect(noVoteReason(p) === null).toBe(can(p, 'decision.vote'));
      expect(mayManage(p, { ...decision!, createdById: 'someone-else' })).toBe(can(p, 'decision.manage'));
    }
  });
});

describe('every permission × every actor, through the core', () => {
  it('allows exactly what the table allows, and refuses the rest with a clear answer', async () => {
    const people = (await db.stores.rosters.loadRoster(db.partnership.id)).people;
    const [decision] = await db.stores.decisions.list(db.partnership.id);
    let account = 0;
    const wrong = await runMatrix({
      people,
      setting: () => ({
        decisionId: decision!.id,
        decisionNumber: decision!.number,
        newAccount: `U-NEW-${++account}`,
        year: 2026,
      }),
      send: async (actor, where, inbound, fresh) => shown(await ask(actor, where, inbound, fresh)),
    });
    expect(wrong).toEqual([]);
  });
});
