// Hostile and malformed requests at each edge of the real server: each is refused with a 4xx and
// a message saying what was wrong, never a stack trace, never a crash, and nothing is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import {
  USERS,
  bind,
  click,
  command,
  eventBody,
  lastResponse,
  mention,
  send,
  settle,
  shown,
  signature,
  startSlack,
  type SlackTest,
} from '../slack/support.ts';
import { installEvent, invoke, message, post, startTeams, type TeamsTest } from '../teams/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const STACK = /\n\s+at \S+|TypeError|ReferenceError|SyntaxError|node_modules/;
const FORM = 'application/x-www-form-urlencoded';

async function refused(res: Response, status: number, message?: RegExp): Promise<string> {
  const raw = await res.text();
  expect(res.status, raw).toBe(status);
  expect(raw).not.toMatch(STACK);
  let text = raw;
  try {
    text = (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    // not JSON (Bolt's own answers): the raw text is the message
  }
  if (message) expect(text).toMatch(message);
  return text;
}

describe('Slack: /slack/events', () => {
  let t: SlackTest;
  beforeAll(async () => {
    t = await startSlack({}, await startFakeSlackApi(Object.values(USERS)));
    await bind(t);
  });
  afterAll(async () => {
    await t.close();
    await t.fake.close();
  });
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (body: string, type: string) => send(t, body, type);

  it('refuses unsigned, wrongly signed and replayed requests with 401, and does nothing', async () => {
    t.fake.clear();
    const body = eventBody(mention(USERS.chair, 'are we in criteria?'));
    await refused(
      await fetch(`${t.server.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
      401,
      /not signed by Slack/,
    );
    await refused(
      await fetch(`${t.server.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-signature': signature(body, now()) },
        body,
      }),
      401,
    );
    await refused(await send(t, body, 'application/json', { secret: 'another-secret' }), 401);
    // a request captured and replayed after the five-minute window, correctly signed for its time
    await refused(
      await send(t, body, 'application/json', { timestamp: now() - 5 * 60 - 30 }),
      401,
      /more than five minutes old/,
    );
    await settle(t.app);
    expect(t.fake.calls).toEqual([]);
  });

  it('a replay inside the window is acknowledged and not done again', async () => {
    const body = eventBody(mention(USERS.chair, 'are we in criteria?'));
    const ts = now();
    expect((await send(t, body, 'application/json', { timestamp: ts })).status).toBe(200);
    await settle(t.app);
    const answers = t.fake.callsTo('chat.postMessage').length + t.fake.callsTo('chat.postEphemeral').length;
    expect((await send(t, body, 'application/json', { timestamp: ts })).status).toBe(200);
    await settle(t.app);
    expect(t.fake.callsTo('chat.postMessage').length + t.fake.callsTo('chat.postEphemeral').length).toBe(answers);
  });

  it('refuses other content types (415) and bodies that are not Slack payloads (400), signed or not', async () => {
    await refused(await signed('{"type":"event_callback"}', 'text/plain'), 415, /neither/);
    await refused(await signed('<xml/>', 'application/xml'), 415);
    await refused(
      await signed(`payload=${encodeURIComponent('{"type": "block_actions", ')}`, FORM),
      400,
      /neither JSON nor a Slack form/,
    );
    await refused(await signed('not json', 'application/json'), 400);
    for (const body of ['[]', '"text"', 'null', '42'])
      await refused(await signed(body, 'application/json'), 400, /not a Slack payload/);
    await refused(
      await signed(JSON.stringify({ type: 'shortcut', callback_id: 'x' }), 'application/json'),
      400,
      /does not handle Slack payloads of type “shortcut”/,
    );
    await refused(
      await signed(
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'run.criteria' }] }))}`,
        FORM,
      ),
      400,
      /user: /,
    );
    await refused(
      await signed(JSON.stringify({ type: 'event_callback', team_id: 'T1', event: 'hello' }), 'application/json'),
      400,
      /event: /,
    );
  });

  it('refuses oversized text: a 100 KB command, a long button value, a body over 1 MiB', async () => {
    t.fake.clear();
    await refused(
      (await command(t, `roster ${'x'.repeat(100_000)}`)).res,
      400,
      /text: is longer than 40,000 characters/,
    );
    await refused(
      (await click(t, 'criteria.details', 'v'.repeat(3_000))).res,
      400,
      /value: is longer than 2,000 characters/,
    );
    await refused(
      await signed(eventBody(mention(USERS.chair, 'y'.repeat(1_100_000))), 'application/json'),
      413,
      /larger than/,
    );
    await settle(t.app);
    expect(t.fake.calls).toEqual([]);
  });

  it('an unknown action id is acknowledged and answered with the core’s explanation', async () => {
    const { res, responsePath } = await click(t, 'no.such.action', 'x');
    expect(res.status).toBe(200);
    await settle(t.app);
    expect(shown(lastResponse(t, responsePath))).toContain('That button is from an older message');
  });

  it('hostile text that Slack would deliver gets a clear answer, never a stack trace', async () => {
    for (const text of [
      '\u0000\u202e',
      '<@U123|x> <!channel> ${process.exit()}',
      'criteria'.repeat(4_000),
      '{"__proto__":{"admin":true}}',
    ]) {
      const { res, responsePath } = await command(t, text);
      expect(res.status).toBe(200);
      await settle(t.app);
      const answer = shown(lastResponse(t, responsePath));
      expect(answer.length).toBeGreaterThan(10);
      expect(answer).not.toMatch(STACK);
    }
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  });
});

describe('Teams: /api/messages', () => {
  let t: TeamsTest;
  beforeAll(async () => {
    t = await startTeams();
  });
  afterAll(() => t.close());

  it('refuses activities missing what every activity has, or with the wrong types, with 400 naming the field', async () => {
    const ok = message(t.fake, { text: 'help' });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...ok, from: undefined }, /from: /],
      [{ ...ok, conversation: undefined }, /conversation: /],
      [{ ...ok, from: 'Margaret' }, /from: .*expected object/],
      [{ ...ok, conversation: { id: 42 } }, /conversation\.id: .*expected string/],
      [{ ...ok, type: undefined }, /type: /],
      [{ ...ok, text: { html: '<b>hi</b>' } }, /text: .*expected string/],
      [{ ...ok, channelId: '' }, /channelId: is empty/],
      [{ ...ok, text: 'z'.repeat(100_001) }, /text: is longer than 100,000 characters/],
      [{ ...ok, serviceUrl: 'javascript:alert(1)' }, /./],
    ];
    for (const [activity, why] of cases) {
      const res = await post(t, activity);
      expect([400, 403], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 400) expect(res.body.message).toMatch(why);
      expect(JSON.stringify(res.body)).not.toMatch(STACK);
    }
    for (const body of [[1, 2], null, 'text']) expect((await post(t, body)).status).toBeGreaterThanOrEqual(400);
    expect(t.fake.requests).toEqual([]);
    expect((await post(t, ok)).status).toBe(200);
  });

  it('refuses the shapes the handler relies on when they are wrong (400), and answers unknown invokes in the body (200), never a 5xx', async () => {
    const sent = t.fake.requests.length;
    const install = installEvent(t.fake, 'conversationUpdate', 'channel');
    for (const [activity, why] of [
      [{ ...install, membersAdded: 'x' }, /membersAdded: .*expected array/],
      [{ ...install, membersRemoved: [{ id: 7 }] }, /membersRemoved\.0\.id/],
      [{ ...message(t.fake, { text: 'hi' }), entities: [{ type: 'mention', text: 'x' }] }, /entities\.0\.mentioned/],
      [{ ...invoke(t.fake, 'x', {}), value: { action: 'click' } }, /value\.action: .*expected object/],
      [{ ...message(t.fake, { text: 'hi' }), recipient: undefined }, /recipient: /],
    ] as [Record<string, unknown>, RegExp][]) {
      const res = await post(t, activity);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.message).toMatch(why);
    }
    for (const name of ['composeExtension/query', 'task/fetch', 'no/such', '']) {
      const res = await post(t, { ...invoke(t.fake, 'x', {}), name, value: {} });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        statusCode: 501,
        type: 'application/vnd.microsoft.error',
        value: { code: 'NotImplemented' },
      });
    }
    expect(t.fake.requests.length).toBe(sent);
  });

  it('refuses a body that is not JSON, another content, and one over 1 MiB', async () => {
    await refused(
      await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":',
      }),
      400,
      /not JSON/,
    );
    await refused(
      await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...message(t.fake, { text: 'hi' }), text: 'q'.repeat(1_100_000) }),
      }),
      413,
    );
  });
});

describe('the playground API', () => {
  let t: TestApp;
  let person: string;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true', PLAYGROUND: 'true' });
    person = ((await (await fetch(`${t.url}/playground/api/people`)).json()) as { people: { id: string }[] }).people[0]!
      .id;
  });
  afterAll(() => t.close());
  const api = (path: string, body: unknown, type = 'application/json') =>
    fetch(`${t.url}/playground/api${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('checks every body against its schema and says what is wrong', async () => {
    await refused(
      await api('/send', { person, conversation: 'lobby', inbound: { type: 'text', text: 'hi' } }),
      400,
      /conversation: must be "channel" or "direct"/,
    );
    await refused(
      await api('/send', { person, conversation: 'channel', inbound: { type: 'telepathy' } }),
      400,
      /must have a type of/,
    );
    await refused(
      await api('/send', { person, conversation: 'channel', inbound: { type: 'text', text: 'w'.repeat(4_001) } }),
      400,
      /longer than 4,000 characters/,
    );
    await refused(
      await api('/send', {
        person,
        conversation: 'channel',
        inbound: { type: 'form', formId: 'decision.create', values: { title: { $gt: '' } } },
      }),
      400,
      /inbound\.values\.title/,
    );
    await refused(
      await api('/send', {
        person,
        conversation: 'channel',
        inbound: { type: 'action', actionId: 'run.criteria', value: 7 },
      }),
      400,
      /inbound\.value/,
    );
    await refused(
      await api('/send', {
        person: 'x',
        conversation: 'channel',
        inbound: { type: 'text', text: 'hi' },
        deliveryId: '../../etc',
      }),
      400,
      /deliveryId/,
    );
    await refused(await api('/send', 'person=x', FORM), 415);
    await refused(await api('/clock', { at: 20261001 }), 400, /Send \{"at"/);
    await refused(await api('/clock', { reset: true, at: '2026-10-01' }), 400);
    await refused(
      await api('/send', {
        person,
        conversation: 'channel',
        inbound: { type: 'text', text: 'hi' },
        pad: 'p'.repeat(300_000),
      }),
      413,
    );
  });

  it('refuses what the database or a reader could not take, with a 400 saying so: lone surrogates, prototype keys, deep nesting', async () => {
    const before = await t.app.database.db.inboxItem.count();
    const keep = `{"person":"${person}","conversation":"direct","inbound":{"type":"action","actionId":"interests.keep","value":"\\ud800"}}`;
    await refused(await api('/send', keep), 400, /lone UTF-16 surrogate/);
    await refused(
      await api(
        '/send',
        `{"person":"${person}","conversation":"direct","inbound":{"type":"text","text":"hi"},"__proto__":{"admin":true}}`,
      ),
      400,
      /“__proto__”, which is not accepted/,
    );
    await refused(await api('/send', `${'['.repeat(100)}${']'.repeat(100)}`), 400, /nested more than 64 levels/);
    await refused(await api('/send', '{"person":1e400}'), 400, /person: /);
    expect(await t.app.database.db.inboxItem.count()).toBe(before);
  });
});
