// Proactive messages through the registered 'teams' notifier: stored references and
// continueConversationAsync, with retries of throttled (429) and failing (5xx) Bot Connector calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply, textReply } from '../../src/domain/chat/reply.ts';
import {
  CHANNEL_ID,
  TENANT,
  cardOf,
  installEvent,
  message,
  post,
  startTeams,
  visibleText,
  type TeamsTest,
} from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
});
afterEach(async () => t.close());

const personId = async (name: string) => (await t.app.database.db.person.findFirst({ where: { name } }))!.id;
const reminder = reply(
  'Reminder: the partnership meets on Thursday.',
  [
    { kind: 'heading', text: 'Meeting on Thursday' },
    { kind: 'text', text: 'The partnership meets at 7pm in the community hall.' },
  ],
  'private',
);
const channelCard = reply(
  'Decision 3 is open for votes.',
  [
    { kind: 'heading', text: 'Decision 3: garden grant' },
    { kind: 'facts', facts: [{ label: 'Votes', value: '0 of 9' }] },
  ],
  'channel',
);

describe('the teams notifier', () => {
  it('sends to a person through their stored personal chat', async () => {
    await post(t, message(t.fake, { text: 'hello' }));
    const before = t.fake.posted.length;
    expect(await t.app.notifier.sendToPerson(await personId('Margaret Okafor'), reminder)).toBe(true);
    const sent = t.fake.posted.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toMatch(/^a:personal-/);
    expect(JSON.stringify(cardOf(sent[0]))).toContain('Meeting on Thursday');
    expect(sent[0]!.activity.summary).toBe('Reminder: the partnership meets on Thursday.');
  });

  it('cannot reach a person who never opened a chat with the bot', async () => {
    // Margaret linked; Teams refuses the personal chats setup tries to open (team-reach.test.ts), so none yet
    t.fake.createStatus = 403;
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
    t.fake.createStatus = 200;
    const before = t.fake.posted.length;
    expect(await t.app.notifier.sendToPerson(await personId('Margaret Okafor'), reminder)).toBe(false);
    expect(t.fake.posted.length).toBe(before);
    expect(await t.app.notifier.sendToPerson(await personId('Rosa Novak'), reminder)).toBe(false);
  });

  it('posts to a bound channel as a new thread, then updates that message in place', async () => {
    await post(t, installEvent(t.fake, 'installationUpdate', 'channel'));
    const conversation = {
      platform: 'teams' as const,
      workspaceId: TENANT,
      channelId: CHANNEL_ID,
      kind: 'channel' as const,
    };
    const ref = await t.app.notifier.sendToConversation(conversation, channelCard);
    const sent = t.fake.posted.at(-1)!;
    expect(sent.conversationId).toBe(CHANNEL_ID);
    expect(ref).toEqual({ platform: 'teams', workspaceId: TENANT, channelId: CHANNEL_ID, messageId: sent.id });

    const updated = reply(
      'Decision 3: 4 votes.',
      [
        { kind: 'heading', text: 'Decision 3: garden grant' },
        { kind: 'facts', facts: [{ label: 'Votes', value: '4 of 9' }] },
      ],
      'channel',
    );
    expect(await t.app.notifier.updateMessage(ref!, updated)).toBe(true);
    expect(t.fake.updated).toHaveLength(1);
    expect(t.fake.updated[0]).toMatchObject({ conversationId: CHANNEL_ID, activityId: sent.id });
    expect(JSON.stringify(t.fake.updated[0]!.activity)).toContain('4 of 9');
  });

  it('refuses to post a private reply into a channel, and a conversation it has no reference for', async () => {
    await post(t, installEvent(t.fake, 'installationUpdate', 'channel'));
    const before = t.fake.posted.length;
    const conversation = {
      platform: 'teams' as const,
      workspaceId: TENANT,
      channelId: CHANNEL_ID,
      kind: 'channel' as const,
    };
    expect(
      await t.app.notifier.sendToConversation(conversation, textReply('Your declaration: you are Rosa’s sibling.')),
    ).toBeNull();
    expect(
      await t.app.notifier.sendToConversation(
        { ...conversation, channelId: '19:never-seen@thread.tacv2' },
        channelCard,
      ),
    ).toBeNull();
    expect(t.fake.posted.length).toBe(before);
  });

  it('retries a throttled (429) send with backoff', async () => {
    await post(t, message(t.fake, { text: 'hello' }));
    const before = t.fake.posted.length;
    t.fake.failNext(429, 2);
    expect(await t.app.notifier.sendToPerson(await personId('Margaret Okafor'), reminder)).toBe(true);
    expect(t.fake.posted.length).toBe(before + 1);
    expect(t.fake.requests.slice(-3).map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('retries a Bot Connector 5xx, and gives up on a refusal (403) without retrying', async () => {
    await post(t, message(t.fake, { text: 'hello' }));
    const margaret = await personId('Margaret Okafor');
    t.fake.failNext(503, 1);
    expect(await t.app.notifier.sendToPerson(margaret, reminder)).toBe(true);
    const requests = t.fake.requests.length;
    t.fake.failNext(403, 1);
    expect(await t.app.notifier.sendToPerson(margaret, reminder)).toBe(false);
    expect(t.fake.requests.length).toBe(requests + 1);
    expect(visibleText(t.fake.posted)).toContain('Meeting on Thursday');
  });
});
