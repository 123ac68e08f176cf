// The playground's routes against the real server (same createApp and registerAdapters as
// `npm start`): every route, and what each says about bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { call, everyText, inbox, named, people, send, type Person } from './client.ts';

let t: TestApp;
let everyone: Person[];
let chair: Person;

beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' });
  everyone = await people(t.url);
  chair = named(everyone, 'Margaret Okafor');
});
afterAll(() => t.close());

describe('the page and its files', () => {
  it('GET / serves the page with its banner, a strict content security policy and no caching surprises', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('LOCAL PLAYGROUND');
    expect(html).toContain('<script type="module" src="/playground/static/app.js">');
  });

  it.each(['app.js', 'render.js', 'form.js', 'api.js', 'messages.js', 'controls.js', 'style.css'])(
    'serves %s',
    async (name) => {
      const res = await fetch(`${t.url}/playground/static/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.text()).length).toBeGreaterThan(100);
    },
  );

  it('anything else under /playground/static is not found', async () => {
    expect((await fetch(`${t.url}/playground/static/../../config.ts`)).status).toBe(404);
    expect((await fetch(`${t.url}/playground/static/secret.txt`)).status).toBe(404);
  });
});

describe('GET /playground/api/people', () => {
  it('lists every current demo person, officers first, with roles', async () => {
    expect(everyone.map((p) => p.name).slice(0, 4)).toEqual([
      'Margaret Okafor',
      'David Hughes',
      'Priya Patel',
      'Tom Whitfield',
    ]);
    expect(everyone).toHaveLength(13);
    expect(named(everyone, 'Jo Brooks')).toMatchObject({ role: 'paid worker', group: 'supporting' });
    expect(named(everyone, 'Sam Taylor')).toMatchObject({ role: 'Big Local rep', group: 'supporting' });
    expect(chair).toMatchObject({ role: 'chair', group: 'officers', resident: true });
  });

  it('binds the playground channel to the demo partnership and links every demo person, so "be X" is X', async () => {
    const partnership = (await t.app.stores.rosters.findPartnership(DEMO_SLUG))!;
    expect(await t.app.stores.directory.findBinding('web', 'local', 'partnership-channel')).toMatchObject({
      partnershipId: partnership.id,
    });
    for (const p of everyone) {
      expect(await t.app.stores.directory.findIdentity('web', 'local', p.id)).toEqual({
        personId: p.id,
        partnershipId: partnership.id,
      });
    }
  });
});

describe('POST /playground/api/send', () => {
  it('plain words in the channel: the core answers, the answer is the Reply model itself', async () => {
    const answer = await send(t.url, chair, 'channel', { type: 'text', text: 'are we in criteria?' });
    expect(answer.status).toBe(200);
    const [reply] = answer.body.replies;
    expect(reply).toMatchObject({ visibility: 'channel' });
    // the channel answer is one screen: the result line, the things to act on, "show me the details"
    expect(reply!.blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(['text', 'actions']));
    expect(reply!.summary).toMatch(/^In criteria|^Not in criteria/);
    expect(answer.body.messages.map((m) => m.author.type)).toEqual(['person', 'bot']);
    expect(answer.body.messages[0]).toMatchObject({ text: 'are we in criteria?', kind: 'channel', private: false });
    expect(answer.body.messages[1]!.reply).toEqual(reply);
  });

  it('a /partnership command, a button and a direct chat all reach the core', async () => {
    const roster = await send(t.url, chair, 'channel', { type: 'command', text: 'roster' });
    expect(everyText(roster.body.replies[0]!)).toContain('Who is on Northfield Big Local');
    const details = await send(t.url, chair, 'channel', {
      type: 'action',
      actionId: 'criteria.details',
      value: 'details',
    });
    expect(details.body.replies[0]).toMatchObject({ visibility: 'private' });
    expect(details.body.messages).toHaveLength(1);
    expect(details.body.messages[0]).toMatchObject({ private: true, kind: 'channel' });
    const dm = await send(t.url, chair, 'direct', { type: 'text', text: 'help' });
    expect(dm.body.messages.every((m) => m.kind === 'direct' && m.channelId === `dm-${chair.id}` && !m.private)).toBe(
      true,
    );
  });

  it('a paid worker is refused the conflict-of-interest check, by the core', async () => {
    const answer = await send(t.url, named(everyone, 'Jo Brooks'), 'channel', {
      type: 'command',
      text: 'coi Northfield Community Café Ltd',
    });
    expect(answer.body.replies[0]!.summary).toBe(
      'Only the chair, the vice-chair, the secretary or the rep can do that.',
    );
  });

  it('an unknown action or form gets the core’s own explanation', async () => {
    for (const inbound of [
      { type: 'action', actionId: 'nothing.here', value: 'x' },
      { type: 'form', formId: 'nothing.here', values: { a: 'b' } },
    ]) {
      const answer = await send(t.url, chair, 'channel', inbound);
      expect(answer.status).toBe(200);
      expect(answer.body.replies[0]!.summary).toContain('That button is from an older message');
    }
  });

  it('an unknown person is 404 and says where the list of people is', async () => {
    const answer = await send(t.url, { ...chair, id: 'nobody' }, 'channel', { type: 'text', text: 'hello' });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: 'unknown_person' });
    expect(JSON.stringify(answer.body)).toContain('/playground/api/people');
  });

  it('bad JSON is 400 and says so', async () => {
    const answer = await call(t.url, 'POST', '/playground/api/send', '{"person": ');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_json' });
  });

  it.each(['/send', '/clock', '/jobs/run'])(
    'POST %s: a body that is not JSON is refused with 415 (so no other site can post a form here)',
    async (path) => {
      const res = await fetch(`${t.url}/playground/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: path === '/clock' ? '{"reset": true}' : '{}',
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { message: string }).message).toContain('application/json');
    },
  );

  it.each([
    ['no person', { conversation: 'channel', inbound: { type: 'text', text: 'hi' } }, 'person'],
    [
      'an unknown conversation',
      { person: 'x', conversation: 'lobby', inbound: { type: 'text', text: 'hi' } },
      'conversation: must be "channel" or "direct"',
    ],
    [
      'an unknown inbound type',
      { person: 'x', conversation: 'channel', inbound: { type: 'shout', text: 'hi' } },
      'inbound.type: must have a type of "text", "command", "action" or "form"',
    ],
    [
      'an action without its id',
      { person: 'x', conversation: 'channel', inbound: { type: 'action', value: 'v' } },
      'inbound.actionId',
    ],
    [
      'too much text',
      { person: 'x', conversation: 'channel', inbound: { type: 'text', text: 'x'.repeat(4001) } },
      'inbound.text: is longer than 4,000 characters',
    ],
    [
      'a form value that is a number',
      { person: 'x', conversation: 'channel', inbound: { type: 'form', formId: 'f', values: { a: 1 } } },
      'inbound.values.a',
    ],
  ])('a request with %s is 400 and names the field', async (_label, body, field) => {
    const answer = await call<{ error: string; message: string }>(t.url, 'POST', '/playground/api/send', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('bad_request');
    expect(answer.body.message).toContain(field);
  });

  it('the same deliveryId twice is done once (a double click)', async () => {
    const extra = { deliveryId: 'click-0123456789' };
    const first = await send(t.url, chair, 'direct', { type: 'command', text: 'roster' }, extra);
    const second = await send(t.url, chair, 'direct', { type: 'command', text: 'roster' }, extra);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'duplicate' });
  });

  it('a body over the size limit (256 KB) is refused with 413; one of 256 KB is read', async () => {
    const body = (bytes: number) => `{"pad":"${'x'.repeat(bytes - '{"pad":""}'.length)}"}`;
    const answer = await call(t.url, 'POST', '/playground/api/send', body(300 * 1024));
    expect(answer.status).toBe(413);
    expect((await call(t.url, 'POST', '/playground/api/send', body(256 * 1024 + 1))).status).toBe(413);
    const read = await call<{ error: string }>(t.url, 'POST', '/playground/api/send', body(256 * 1024));
    expect(read.status).toBe(400); // read whole, then refused by the schema (no person)
    expect(read.body.error).toBe('bad_request');
  });
});

describe('GET /playground/api/inbox', () => {
  it('returns what changed after the cursor, for that person', async () => {
    const before = await inbox(t.url, chair);
    const sent = await send(t.url, chair, 'direct', { type: 'command', text: 'roster' });
    const after = await inbox(t.url, chair, before.cursor);
    expect(after.messages.map((m) => m.id)).toEqual(sent.body.messages.map((m) => m.id));
    expect((await inbox(t.url, chair, after.cursor)).messages).toEqual([]);
  });

  it('an unknown person is 404; a cursor that is not a whole number is 400', async () => {
    expect((await call(t.url, 'GET', '/playground/api/inbox?person=nobody&since=0')).status).toBe(404);
    expect((await call(t.url, 'GET', '/playground/api/inbox?since=0')).status).toBe(404);
    const bad = await call<{ message: string }>(t.url, 'GET', `/playground/api/inbox?person=${chair.id}&since=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('since must be a whole number');
  });

  it('other methods on API routes are 405, unknown API paths 404', async () => {
    expect((await call(t.url, 'DELETE', '/playground/api/inbox')).status).toBe(405);
    expect((await call(t.url, 'GET', '/playground/api/nothing')).status).toBe(404);
  });
});

describe('a send taken over after a crash (the durable inbox)', () => {
  it('is done again, and a form sent back is placed in the conversation as usual', async () => {
    const before = await inbox(t.url, chair);
    const input = {
      person: chair.id,
      conversation: 'channel',
      inbound: { type: 'form', formId: 'decision.create', values: { title: 'Bench', closes: 'next blue moon' } },
    };
    // Accepted by a process that died before doing it: its claim has expired.
    await t.app.database.db.inboxItem.create({
      data: {
        key: 'web:taken-over-0001',
        platform: 'web',
        body: JSON.stringify({ personId: chair.id, input }),
        claimedBy: 'a-process-that-died',
        claimedUntil: new Date(t.app.clock.now().getTime() - 60_000),
      },
    });
    await t.app.inbox.recover();
    expect(await t.app.database.db.inboxItem.findUnique({ where: { key: 'web:taken-over-0001' } })).toMatchObject({
      status: 'done',
    });
    const placed = (await inbox(t.url, chair, before.cursor)).messages;
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ kind: 'channel', private: true });
    expect(placed[0]!.reply!.blocks.some((b) => b.kind === 'form' && b.form.id === 'decision.create')).toBe(true);
    expect(everyText(placed[0]!.reply!)).toContain('next blue moon');
  });
});
