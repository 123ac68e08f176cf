// What the server logs, captured from its real logger while Slack, Teams and the playground are
// used: one line per request with its request id (also sent back in x-request-id), and never a
// token, a secret, a message's text, a payload or anyone's personal data.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../adapters/log.ts';
import { slackLogger } from '../../adapters/slack/api.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { importLiveDemo, LIVE_SLUG } from '../support/live-demo.ts';
import {
  CHANNEL,
  SIGNING_SECRET,
  USERS,
  clickBody,
  command,
  eventBody,
  mention,
  settle,
  signature,
  startSlack,
  type SlackTest,
} from '../slack/support.ts';
import { MARGARET, message } from '../teams/support.ts';

const TOKEN = 'xoxb-1234567890-secret-bot-token';
const lines: string[] = [];
let t: SlackTest;
let connector: FakeBotConnector;
let person: string;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  connector.members.set(MARGARET.id, {
    id: MARGARET.id,
    name: MARGARET.name,
    aadObjectId: MARGARET.aadObjectId,
    email: MARGARET.email,
  });
  t = await startSlack(
    { SLACK_BOT_TOKEN: TOKEN, PLAYGROUND: 'true', LOG_LEVEL: 'info' },
    await startFakeSlackApi(Object.values(USERS)),
    createLogger('info', (l) => lines.push(l)),
  );
  // Slack's channel is a live copy of the demo roster: the playground keeps its own demo partnership.
  await importLiveDemo(t.app);
  await command(t, `setup ${LIVE_SLUG}`);
  await settle(t.app);
  person = ((await (await fetch(`${t.server.url}/playground/api/people`)).json()) as { people: { id: string }[] })
    .people[0]!.id;
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
  await connector.close();
});

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const requestLines = (id: string) => logged().filter((l) => l.message === 'request' && l.requestId === id);

/** Sends a request with its own id; returns the id and the response. */
async function traced(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const id = randomUUID();
  const res = await fetch(`${t.server.url}${path}`, {
    ...init,
    headers: { ...(init.headers ?? {}), 'x-request-id': id },
  });
  await res.text();
  await settle(t.app);
  return { id, res };
}

function signedHeaders(body: string, type: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { 'content-type': type, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(body, ts) };
}

describe('one log line per request, with its request id', () => {
  it('for every surface, for answers and refusals alike', async () => {
    const event = eventBody(mention(USERS.chair, 'are we in criteria?'));
    const form = new URLSearchParams({
      team_id: 'T1',
      channel_id: CHANNEL,
      user_id: USERS.chair.id,
      command: '/partnership',
      text: 'roster',
      trigger_id: 'tr1',
      response_url: t.fake.responseUrl('r1'),
    }).toString();
    const click = clickBody(t, 'criteria.details', 'details').body;
    const activity = JSON.stringify(message(connector, { text: 'who is on the partnership?' }));
    const play = JSON.stringify({
      person,
      conversation: 'channel',
      inbound: { type: 'text', text: 'are we in criteria?' },
    });
    const requests: [string, RequestInit & { headers?: Record<string, string> }, number][] = [
      ['/slack/events', { method: 'POST', body: event, headers: signedHeaders(event, 'application/json') }, 200],
      [
        '/slack/events',
        { method: 'POST', body: form, headers: signedHeaders(form, 'application/x-www-form-urlencoded') },
        200,
      ],
      [
        '/slack/events',
        { method: 'POST', body: click, headers: signedHeaders(click, 'application/x-www-form-urlencoded') },
        200,
      ],
      ['/slack/events', { method: 'POST', body: event, headers: { 'content-type': 'application/json' } }, 401],
      ['/api/messages', { method: 'POST', body: activity, headers: { 'content-type': 'application/json' } }, 200],
      [
        '/api/messages',
        {
          method: 'POST',
          body: '{"type":1,"serviceUrl":"http://127.0.0.1:9/"}',
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      ['/playground/api/send', { method: 'POST', body: play, headers: { 'content-type': 'application/json' } }, 200],
      ['/healthz', {}, 200],
      ['/nowhere?token=abc', {}, 404],
    ];
    for (const [path, init, status] of requests) {
      const { id, res } = await traced(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-request-id')).toBe(id);
      const mine = requestLines(id);
      expect(mine, `${path} ${status}`).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        level: 'info',
        requestId: id,
        method: init.method ?? 'GET',
        path: path.split('?')[0],
        status,
      });
      expect(typeof mine[0]!.ms).toBe('number');
    }
    // what else a refused Slack request logged carries the same id
    const unsigned = requestLines(
      logged()
        .filter((l) => l.message === 'request' && l.status === 401)
        .at(-1)!.requestId as string,
    )[0]!;
    expect(
      logged().some(
        (l) =>
          l.message === 'slack request rejected' && l.requestId === unsigned.requestId && l.code === 'missing_headers',
      ),
    ).toBe(true);
  });

  it('a request without an id gets a fresh one, sent back and logged', async () => {
    const res = await fetch(`${t.server.url}/healthz`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines(id!)).toHaveLength(1);
  });

  it('a caller’s id is kept up to 64 characters; a longer one is replaced by a fresh one', async () => {
    const longest = 'r'.repeat(64);
    const kept = await fetch(`${t.server.url}/healthz`, { headers: { 'x-request-id': longest } });
    expect(kept.headers.get('x-request-id')).toBe(longest);
    expect(requestLines(longest)).toHaveLength(1);
    const long = await fetch(`${t.server.url}/healthz`, { headers: { 'x-request-id': `${longest}r` } });
    const fresh = long.headers.get('x-request-id');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines(fresh!)).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(`${longest}r`);
  });
});

describe('what is never logged', () => {
  it('no token, secret, signature, message text, payload, email or name, whatever happened', () => {
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [TOKEN, SIGNING_SECRET, 'xoxb-', 'v0=']) expect(log).not.toContain(secret);
    for (const text of ['are we in criteria', 'who is on the partnership', 'roster', 'details'])
      expect(log.toLowerCase()).not.toContain(text);
    expect(log).not.toMatch(/@example\.org|Margaret|Okafor|Rosa|resident/i);
    expect(log).not.toMatch(/"(text|payload|body|event|blocks|activity)":/);
    expect(log).not.toContain('token=abc');
  });

  it('the Slack libraries’ messages are cut to their first line, and their debug output is dropped', () => {
    const seen: string[] = [];
    const slack = slackLogger(createLogger('debug', (l) => seen.push(l)));
    slack.debug('request body: {"text":"are we in criteria?"}');
    slack.warn('http request failed\n{"token":"xoxb-1","text":"who is on the partnership"}');
    slack.error(new Error('An API error occurred: ratelimited\nbody: {"email":"rosa@example.org"}'));
    expect(seen.map((l) => (JSON.parse(l) as { level: string; message: string }).message)).toEqual([
      'slack: http request failed',
      'slack: An API error occurred: ratelimited',
    ]);
  });

  it('an error is logged as its name, code and first line, without what it quotes', async () => {
    const seen: string[] = [];
    const logger = createLogger('debug', (l) => seen.push(l));
    // a real Prisma validation error: its message prints the call's arguments, name and email included
    const error = (await t.app.database.db.person
      .create({ data: { name: 'Rosa Novak', email: 'rosa@example.org', shoeSize: 7 } as never })
      .then(
        () => null,
        (e: unknown) => e,
      )) as Error;
    expect(error.message).toContain('Rosa Novak'); // what would have been logged
    logger.error('something failed', { error });
    logger.warn('lookup failed', { error: new Error('no person called "Rosa Novak" on ‘Northfield’\nmore') });
    const log = seen.join('\n');
    expect(log).not.toMatch(/Rosa|rosa@|Northfield|shoeSize|more/);
    expect(JSON.parse(seen[0]!).error).toEqual({
      name: 'PrismaClientValidationError',
      message: expect.stringMatching(/^Invalid `.*create\(\)` invocation/),
    });
    expect(JSON.parse(seen[1]!).error.message).toBe('no person called "…" on ‘…’');
  });

  it('the logger drops sensitive fields by name, and cuts long values', () => {
    const out = redact({
      token: 'x',
      botToken: 'x',
      signingSecret: 'x',
      authorization: 'Bearer x',
      text: 'x',
      payload: {},
      email: 'a@b',
      name: 'x',
      detail: 'x',
      // personal data (docs/privacy.md): interests, relationships, resident status, a vote's choice
      interests: 'x',
      organisationInterest: 'x',
      relationship: 'x',
      resident: true,
      residency: 'x',
      option: 'x',
      choice: 'x',
      requestId: 'r',
      code: 'c',
      path: 'p'.repeat(500),
    });
    expect(Object.keys(out).sort()).toEqual(['code', 'path', 'requestId']);
    expect((out.path as string).length).toBe(300);
    // a field inside a field is a field: dropped by name too, however it is wrapped
    expect(
      redact({ meta: { email: 'a@b', count: 2, people: [{ name: 'x', residency: 'x', personId: 'p' }] } }),
    ).toEqual({ meta: { count: 2, people: [{ personId: 'p' }] } });
  });
});
