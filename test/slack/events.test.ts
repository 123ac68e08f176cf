// Mentions and direct messages in plain words, the filtering of messages that are not a person
// writing something new, and de-duplication of re-sent events (also across a restart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDatabaseUrl } from '../support/db.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import {
  CHANNEL,
  USERS,
  bind,
  directMessage,
  eventBody,
  mention,
  send,
  sendEvent,
  settle,
  shown,
  startSlack,
  type SlackTest,
} from './support.ts';

let t: SlackTest;
beforeAll(async () => {
  t = await startSlack();
  await bind(t);
});
afterAll(() => t.close());

const chatCalls = (s: SlackTest) => s.fake.calls.filter((c) => c.method.startsWith('chat.'));

async function say(event: Record<string, unknown>, o: Parameters<typeof sendEvent>[2] = {}) {
  t.fake.clear();
  const res = await sendEvent(t, event, o);
  expect(res.status).toBe(200);
  await settle(t.app);
  return chatCalls(t);
}

describe('mentions in a channel', () => {
  it('“are we in criteria?” answers in the channel, without details, offering them privately', async () => {
    const [post, ...rest] = await say(mention(USERS.member, 'are we in criteria?'));
    expect(rest).toEqual([]);
    expect(post!.method).toBe('chat.postMessage');
    expect(post!.args.channel).toBe(CHANNEL);
    const text = shown(post);
    expect(text).toContain('In criteria: 11 members');
    expect(text).toContain('criteria.details');
    expect(text).not.toMatch(/spouse|sibling|close friend/i);
  });

  it('“who is on the partnership?” lists names and roles in the channel, no emails or residency', async () => {
    const [post] = await say(mention(USERS.chair, 'who is on the partnership?'));
    expect(post!.method).toBe('chat.postMessage');
    const text = shown(post);
    expect(text).toContain('Margaret Okafor: chair');
    expect(text).not.toContain('@example.org');
    expect(text).not.toMatch(/not a resident|\(resident/);
  });

  it('a mention in a thread is answered in the thread', async () => {
    const [post] = await say(
      mention(USERS.member, 'who is on the partnership?', CHANNEL, { thread_ts: '1699999999.000100' }),
    );
    expect(post!.args.thread_ts).toBe('1699999999.000100');
  });

  it('words it does not understand get a hint, with the mention markup stripped', async () => {
    const [post] = await say(mention(USERS.member, ''));
    expect(shown(post)).toContain('Hello! Try “are we in criteria?”');
  });

  it('in a channel not linked to a partnership, explains privately how to link it', async () => {
    const [post] = await say(mention(USERS.member, 'are we in criteria?', 'C0UNBOUND'));
    expect(post!.method).toBe('chat.postEphemeral');
    expect(post!.args.user).toBe(USERS.member.id);
    expect(shown(post)).toContain('This conversation is not linked to a Big Local partnership yet');
  });
});

describe('direct messages', () => {
  it('“are we in criteria?” answers in the DM with the details an officer may see', async () => {
    const [post] = await say(directMessage(USERS.chair, 'are we in criteria?'));
    expect(post!.method).toBe('chat.postMessage');
    expect(post!.args.channel).toBe(`D${USERS.chair.id}`);
    expect(shown(post)).toContain('In criteria: 11 members');
  });

  it('“who is on the partnership?” from a member', async () => {
    const [post] = await say(directMessage(USERS.member, 'who is on the partnership?'));
    expect(shown(post)).toContain('Who is on Northfield Big Local');
  });

  it('strips a mention of the bot in a DM', async () => {
    const [post] = await say(directMessage(USERS.member, '<@UBOT> help'));
    expect(shown(post)).toContain('partnership-bot: governance help');
  });

  it('someone not on the roster is told how to get linked', async () => {
    const [post] = await say(directMessage(USERS.stranger, 'are we in criteria?'));
    expect(shown(post)).toContain('I don’t know who you are yet');
    expect(shown(post)).not.toContain('Northfield');
  });
});

describe('messages that are not a person writing something new', () => {
  const ignored: [string, Record<string, unknown>][] = [
    ['the bot’s own message', { ...directMessage(USERS.member, 'help'), user: 'UBOT', bot_id: 'BBOT' }],
    [
      'another bot’s message',
      { ...directMessage(USERS.member, 'help'), subtype: 'bot_message', bot_id: 'B0OTHER', user: undefined },
    ],
    ['a bot user’s message without subtype', { ...directMessage(USERS.member, 'help'), bot_id: 'B0OTHER' }],
    ['an edit', { ...directMessage(USERS.member, 'help'), subtype: 'message_changed' }],
    ['a deletion', { ...directMessage(USERS.member, 'help'), subtype: 'message_deleted' }],
    ['a join', { ...mention(USERS.member, 'help'), type: 'message', subtype: 'channel_join', channel_type: 'channel' }],
    [
      'a channel message that is not a mention',
      { ...directMessage(USERS.member, 'help'), channel_type: 'channel', channel: CHANNEL },
    ],
    ['a mention by a bot', { ...mention(USERS.member, 'help'), bot_id: 'B0OTHER' }],
  ];
  for (const [name, event] of ignored) {
    it(`ignores ${name}`, async () => {
      expect(await say(event)).toEqual([]);
    });
  }

  it('still answers a file shared with words (a new message)', async () => {
    const calls = await say({ ...directMessage(USERS.member, 'help'), subtype: 'file_share' });
    expect(calls).toHaveLength(1);
  });
});

describe('re-sent events', () => {
  it('an event re-sent by Slack (X-Slack-Retry-Num) is answered once', async () => {
    t.fake.clear();
    const body = eventBody(directMessage(USERS.member, 'help'), { eventId: 'EvRETRY0001' });
    expect((await send(t, body, 'application/json')).status).toBe(200);
    expect((await send(t, body, 'application/json', { retryNum: 1 })).status).toBe(200);
    expect((await send(t, body, 'application/json', { retryNum: 2 })).status).toBe(200);
    await settle(t.app);
    expect(chatCalls(t)).toHaveLength(1);
  });

  it('Slack’s unsigned SSL check is answered without doing anything', async () => {
    t.fake.clear();
    const res = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=legacy&command=%2Fpartnership&text=criteria',
    });
    expect(res.status).toBe(200);
    await settle(t.app);
    expect(t.fake.calls).toEqual([]);
  });

  it('url_verification is answered with the challenge', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'abc123', type: 'url_verification' });
    const res = await send(t, body, 'application/json');
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });
});

describe('re-sent events across a restart', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi(Object.values(USERS));
  });
  afterAll(() => fake.close());

  it('is answered once, because the first delivery was recorded in the database', async () => {
    const db = newDatabaseUrl();
    const body = eventBody(directMessage(USERS.member, 'help'), { eventId: 'EvRESTART01' });
    const first = await startSlack({ DATABASE_URL: db.url }, fake);
    await send(first, body, 'application/json');
    await settle(first.app);
    await first.close();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    const second = await startSlack({ DATABASE_URL: db.url }, fake);
    await send(second, body, 'application/json', { retryNum: 1 });
    await settle(second.app);
    await second.close();
    db.remove();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
