// Slack and Teams failing under the bot: rate limits (429) and errors are retried with backoff;
// when a reply still cannot be delivered, the person is told by another way (an ephemeral
// message, their direct messages), and a decision whose card could not be posted says so to
// whoever put it. Through the real server, against the fake Slack Web API and Bot Connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import {
  CHANNEL,
  USERS,
  bind,
  mention,
  sendEvent,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from '../slack/support.ts';
import { CHANNEL_ID, message, post, startTeams, type TeamsTest } from '../teams/support.ts';

const plain = (v: string) => ({ type: 'plain_text_input', value: v });

describe('Slack', () => {
  let t: SlackTest;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startSlack(
      { LOG_LEVEL: 'info' },
      await startFakeSlackApi(Object.values(USERS)),
      createLogger('info', (l) => lines.push(l)),
    );
    await bind(t);
  });
  afterAll(async () => {
    await t.close();
    await t.fake.close();
  });

  it('a rate-limited answer (429) is sent again after Retry-After, once', async () => {
    t.fake.clear();
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await sendEvent(t, mention(USERS.chair, 'who is on the partnership?'));
    await settle(t.app);
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(shown(posts[1])).toContain('Who is on Northfield Big Local');
    expect(lines.some((l) => l.includes('"code":"rate_limited"'))).toBe(true);
  });

  it('an answer Slack refuses: the person is told privately, with Slack’s reason', async () => {
    t.fake.clear();
    t.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await sendEvent(t, mention(USERS.chair, 'who is on the partnership?'));
    await settle(t.app);
    const told = t.fake.callsTo('chat.postEphemeral').map(shown);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('I couldn’t show you my answer: Slack refused it (not_in_channel)');
    expect(t.fake.callsTo('chat.postEphemeral')[0]!.args.user).toBe(USERS.chair.id);
  });

  it('when the channel refuses even that, the person is told in their direct messages', async () => {
    t.fake.clear();
    t.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    t.fake.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await sendEvent(t, mention(USERS.chair, 'who is on the partnership?'));
    await settle(t.app);
    const dm = t.fake.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D'));
    expect(dm.map(shown).join('\n')).toContain('Slack refused it (not_in_channel)');
    expect(t.fake.callsTo('conversations.open').at(-1)?.args.users).toBe(USERS.chair.id);
  });

  it('a decision whose card Slack would not post: it is still open, and the chair gets the card and the reason', async () => {
    t.fake.clear();
    t.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const values = { title: { title: plain('Bench repairs') }, closes: { closes: plain('in 3 days') } };
    expect((await submitView(t, 'decision.create', values, JSON.stringify({ c: CHANNEL, ch: CHANNEL }))).status).toBe(
      200,
    );
    await settle(t.app);
    const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
    expect((await t.app.stores.decisions.list(partnership.id, 'open')).map((d) => d.title)).toContain('Bench repairs');
    const toChair = t.fake
      .callsTo('chat.postEphemeral')
      .filter((c) => c.args.user === USERS.chair.id)
      .map(shown)
      .join('\n');
    expect(toChair).toContain('I couldn’t post its card in the channel just now, so it comes with this answer instead');
    // the card itself went with the answer, by the other route
    expect(t.fake.callsTo('chat.postMessage').slice(1).map(shown).join('\n')).toContain('Bench repairs');
  });
});

describe('Teams', () => {
  let t: TeamsTest;
  beforeAll(async () => {
    t = await startTeams();
    await post(t, message(t.fake, { text: 'help' })); // Margaret's personal chat: linked, reference stored
    await post(t, message(t.fake, { scope: 'channel', text: 'setup northfield' }));
  });
  afterAll(() => t.close());

  it('a throttled reply (429) is retried with backoff and delivered', async () => {
    const before = t.fake.posted.length;
    t.fake.failNext(429, 2);
    const started = t.fake.requests.length;
    expect((await post(t, message(t.fake, { text: 'who is on the partnership?' }))).status).toBe(200);
    expect(t.fake.requests.slice(started).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(
      t.fake.posted
        .slice(before)
        .map((p) => JSON.stringify(p.activity))
        .join('\n'),
    ).toContain('Who is on Northfield Big Local');
  });

  // (a 5xx is also retried inside the SDK; a 429 without Retry-After only by our backoff: three tries)
  it('a reply the Bot Connector keeps throttling: the person is asked to try again', async () => {
    const before = t.fake.posted.length;
    t.fake.failNext(429, 3);
    await post(t, message(t.fake, { text: 'who is on the partnership?' }));
    expect(t.fake.posted.slice(before).map((p) => p.activity.text)).toEqual([
      'Sorry, something went wrong on my side. Please try again in a minute.',
    ]);
  });

  it('a decision whose card Teams would not post: it is still open, and the chair gets the card and the reason', async () => {
    const before = t.fake.posted.length;
    t.fake.failNext(429, 3);
    const form = {
      pb: { kind: 'form', formId: 'decision.create', context: CHANNEL_ID },
      'field.title': 'Bench repairs',
      'field.closes': 'in 3 days',
    };
    expect(
      (await post(t, message(t.fake, { scope: 'channel', value: form, replyToId: '1700000000999', text: undefined })))
        .status,
    ).toBe(200);
    const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
    expect((await t.app.stores.decisions.list(partnership.id, 'open')).map((d) => d.title)).toEqual(['Bench repairs']);
    const after = t.fake.posted.slice(before);
    const personal = after
      .filter((p) => p.conversationId.startsWith('a:personal'))
      .map((p) => JSON.stringify(p.activity))
      .join('\n');
    expect(personal).toContain(
      'I couldn’t post its card in the channel just now, so it comes with this answer instead',
    );
    const inChannel = after
      .filter((p) => p.conversationId.startsWith(CHANNEL_ID))
      .map((p) => JSON.stringify(p.activity))
      .join('\n');
    expect(inChannel).toContain('Bench repairs');
  });
});
