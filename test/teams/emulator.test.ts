// The Bot Framework Emulator, as docs/teams.md describes it: no app id, activities without a
// tenant or a conversation type, replies to the Emulator's own serviceUrl.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardOf, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

const emulator = (extra: Record<string, unknown>) => ({
  channelId: 'emulator',
  serviceUrl: t.fake.url,
  from: { id: 'f0a7c1d2-user', name: 'User', role: 'user' },
  recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
  conversation: { id: '3e1f0b20-conv|livechat' },
  timestamp: new Date().toISOString(),
  locale: 'en-GB',
  ...extra,
});

it('welcomes on conversationUpdate, answers messages and card clicks, without any tenant', async () => {
  await post(
    t,
    emulator({
      type: 'conversationUpdate',
      id: 'e1',
      membersAdded: [
        { id: 'bot-1', name: 'Bot' },
        { id: 'f0a7c1d2-user', name: 'User' },
      ],
    }),
  );
  expect(JSON.stringify(cardOf(t.fake.posted[0]))).toContain('partnership-bot: governance help');

  await post(t, emulator({ type: 'message', id: 'e2', text: 'are we in criteria?' }));
  // The Emulator has no directory to give an email: the user is unknown until linked.
  expect(t.fake.posted[1]!.activity.text).toContain('I don’t know who you are yet');
  expect(t.fake.posted[1]!.conversationId).toBe('3e1f0b20-conv|livechat');

  const help = cardOf(t.fake.posted[0]).body.find((e: any) => e.type === 'ActionSet').actions[1];
  const res = await post(t, emulator({ type: 'message', id: 'e3', value: help.fallback.data }));
  expect(res.status).toBe(200);
  expect(t.fake.posted).toHaveLength(3);

  const ref = await t.app.database.db.conversationRef.findFirst({ where: { key: 'f0a7c1d2-user' } });
  expect(ref?.workspaceId).toBe('emulator');
});
