// Issue 22: chair-only buttons (close, change, remind) are shown only to those who can use them
// wherever only one person sees the message: the private record, the "Before you vote" prompts,
// the ballot and App Home. The channel card is seen by everyone, so its "Close (chair)" stays and
// is refused kindly to others (test/web/stale-buttons.test.ts; docs/house-style.md says why).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { homeReply } from '../../src/bot/home.ts';
import { silentLogger } from '../../adapters/log.ts';
import { createWorld, userIdOf, type World } from './world.ts';

const CHAIR_ONLY = ['decision.close', 'decision.close.confirm', 'decision.amend', 'decision.remind'];
const actionsIn = (replies: readonly Reply[]): string[] =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons.map((x) => x.actionId) : [])));

let world: World;
let decisionId = '';
beforeEach(async () => {
  world = await createWorld();
  decisionId = await world.start({ title: 'Bench by the pond', kind: 'general', ballot: 'open', visibility: 'live' });
});
afterEach(() => world.close());

const home = (name: string) =>
  homeReply(
    {
      conversation: { platform: 'web', workspaceId: 'local', channelId: `D-${userIdOf(name)}`, kind: 'direct' },
      speaker: { userId: userIdOf(name), workspaceId: 'local' },
      inbound: { type: 'command', text: 'home' },
    },
    { stores: world.db.stores, clock: world.clock, logger: silentLogger, notifier: world.notifier },
  );

describe('chair-only buttons where only one person sees them', () => {
  it('the private record: the chair gets close, change and remind; a member and the secretary do not', async () => {
    const chair = actionsIn(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(chair).toEqual(expect.arrayContaining(['decision.close', 'decision.amend', 'decision.remind']));
    for (const name of ['Rosa Novak', 'Priya Patel']) {
      const replies = await world.command(name, 'decision 1', 'direct');
      expect(replies.length, name).toBeGreaterThan(0);
      expect(
        actionsIn(replies).filter((a) => CHAIR_ONLY.includes(a)),
        name,
      ).toEqual([]);
    }
  });

  it('the prompts and the ballot carry only what the member can do, the chair’s included', async () => {
    const prompts = world.notifier.toPeople.filter((p) => p.reply.summary.startsWith('Before you vote'));
    expect(prompts.map((p) => p.personId)).toContain(world.id('Margaret Okafor'));
    for (const p of prompts)
      expect(actionsIn([p.reply])).toEqual(['decision.declare.none', 'decision.declare.interest']);
    const ballot = await world.click('Margaret Okafor', 'decision.declare.none', decisionId, 'direct');
    expect(actionsIn(ballot).every((a) => a === 'decision.vote')).toBe(true);
  });

  it('App Home offers declare and vote, never close or change, to the chair as to a member', async () => {
    for (const name of ['Margaret Okafor', 'Rosa Novak']) {
      const actions = actionsIn([await home(name)]);
      expect(actions, name).toContain('decision.declare');
      expect(
        actions.filter((a) => CHAIR_ONLY.includes(a)),
        name,
      ).toEqual([]);
    }
  });
});
