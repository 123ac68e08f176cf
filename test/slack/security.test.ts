// Request signing, and who may see what: unknown people, unbound channels, people from another
// workspace or another partnership, and nothing personal in any message a channel can read.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import { DEMO_FILE } from '../../adapters/persistence/seed.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { FakeClock } from '../support/fake-clock.ts';
import {
  SIGNING_SECRET,
  USERS,
  bind,
  channelVisible,
  click,
  command,
  eventBody,
  lastResponse,
  mention,
  send,
  sendEvent,
  settle,
  shown,
  signature,
  startSlack,
  type SlackTest,
} from './support.ts';

const lines: string[] = [];
let t: SlackTest;
beforeAll(async () => {
  t = await startSlack(
    {},
    undefined,
    createLogger('info', (l) => lines.push(l)),
  );
  await bind(t);
});
afterAll(() => t.close());

async function ask(text: string, o: Parameters<typeof command>[2] = {}) {
  const { responsePath } = await command(t, text, o);
  await settle(t.app);
  return shown(lastResponse(t, responsePath));
}

describe('request signing', () => {
  const body = () => eventBody(mention(USERS.chair, 'are we in criteria?'));
  const now = () => Math.floor(Date.now() / 1000);

  const rejected = async (res: Response, code: string) => {
    expect(res.status).toBe(401);
    await settle(t.app);
    const line = lines.findLast((l) => l.includes('slack request rejected'));
    expect(line).toContain(`"code":"${code}"`);
    expect(lines.join('\n')).not.toContain(SIGNING_SECRET);
    expect(lines.join('\n')).not.toMatch(/v0=[0-9a-f]{64}/);
  };

  it('a request signed with another secret gets 401 and does nothing', async () => {
    t.fake.clear();
    await rejected(await send(t, body(), 'application/json', { secret: 'not-the-secret' }), 'bad_signature');
    expect(t.fake.calls).toEqual([]);
  });

  it('a body changed after signing gets 401', async () => {
    const ts = now();
    const sig = signature(body(), ts);
    await rejected(
      await send(t, body().replace('criteria', 'roster'), 'application/json', { timestamp: ts, signature: sig }),
      'bad_signature',
    );
  });

  it('a correctly signed request more than five minutes old gets 401', async () => {
    await rejected(await send(t, body(), 'application/json', { timestamp: now() - 6 * 60 }), 'stale_timestamp');
  });

  it('a slash command without a valid signature is not answered', async () => {
    t.fake.clear();
    const { res } = await command(t, 'criteria', { signature: 'v0=deadbeef' });
    await rejected(res, 'bad_signature');
    expect(t.fake.calls).toEqual([]);
  });

  it('a click without headers gets 401', async () => {
    const res = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payload=%7B%7D',
    });
    await rejected(res, 'missing_headers');
  });
});

describe('the replay window, on the app’s clock', () => {
  // A clock far from the wall clock: the window must be measured on the app's clock, not Date.now().
  const clock = new FakeClock('2026-10-01T09:00:00Z');
  const at = () => Math.floor(clock.now().getTime() / 1000);
  const own: string[] = [];
  let s: SlackTest;
  beforeAll(async () => {
    s = await startSlack(
      {},
      undefined,
      createLogger('info', (l) => own.push(l)),
      clock,
    );
  });
  afterAll(() => s.close());
  const code = () =>
    (JSON.parse(own.findLast((l) => l.includes('slack request rejected')) ?? '{}') as { code?: string }).code;
  const verification = JSON.stringify({
    type: 'url_verification',
    challenge: 'challenge-never-logged',
    token: 'legacy',
  });

  it('refuses a request signed more than five minutes ahead (ten minutes, a year) with the same 401, and logs only a code', async () => {
    for (const ahead of [5 * 60 + 1, 10 * 60, 365 * 86_400]) {
      const res = await send(s, verification, 'application/json', { timestamp: at() + ahead });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/not signed by Slack/);
      expect(code()).toBe('future_timestamp');
    }
    expect(own.join('\n')).not.toMatch(/v0=[0-9a-f]{64}|challenge-never-logged/);
  });

  it('refuses one more than five minutes behind, and accepts one inside the window either way', async () => {
    expect((await send(s, verification, 'application/json', { timestamp: at() - 5 * 60 - 1 })).status).toBe(401);
    expect(code()).toBe('stale_timestamp');
    for (const delta of [-5 * 60, -30, 0, 30, 5 * 60]) {
      const res = await send(s, verification, 'application/json', { timestamp: at() + delta });
      expect(res.status, String(delta)).toBe(200);
      expect(await res.json()).toEqual({ challenge: 'challenge-never-logged' });
    }
    // the wall clock's "now" is far from the app's: refused
    expect((await send(s, verification, 'application/json', { timestamp: Math.floor(Date.now() / 1000) })).status).toBe(
      401,
    );
  });

  it('a timestamp that is not a number of seconds is refused as a missing header', async () => {
    for (const bad of ['', 'soon', '1e9', '-5', String(at()) + '.5']) {
      const res = await fetch(`${s.server.url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': bad,
          'x-slack-signature': signature(verification, at()),
        },
        body: verification,
      });
      expect(res.status, bad).toBe(401);
      expect(code()).toBe('missing_headers');
    }
  });
});

describe('after the signature: the JSON', () => {
  // Raw bodies, as sent: JSON.stringify would not write a lone surrogate or a `__proto__` key.
  const event = () => eventBody(mention(USERS.chair, 'who is on the partnership?'));
  const asPayload = (json: string) => `payload=${encodeURIComponent(json)}`;
  const refusedWith = async (res: Response, why: RegExp) => {
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect((JSON.parse(text) as { message: string }).message).toMatch(why);
  };

  it('a lone UTF-16 surrogate, a __proto__, constructor or prototype key, or nesting deeper than 64: 400, nothing done', async () => {
    await settle(t.app);
    t.fake.clear();
    const inbox = await t.app.database.db.inboxItem.count();
    const bodies: [string, RegExp][] = [
      [event().replace('who is on', 'who\\ud800 is on'), /lone UTF-16 surrogate/],
      [`{"__proto__":{"admin":true},${event().slice(1)}`, /“__proto__”, which is not accepted/],
      [`{"constructor":{"prototype":{}},${event().slice(1)}`, /“constructor”, which is not accepted/],
      [`{"extra":${'['.repeat(70)}${']'.repeat(70)},${event().slice(1)}`, /nested more than 64 levels/],
    ];
    for (const [body, why] of bodies) {
      await refusedWith(await send(t, body, 'application/json'), why);
      // the same inside a form's payload= field (clicks and modal submissions)
      await refusedWith(await send(t, asPayload(body), 'application/x-www-form-urlencoded'), why);
    }
    await settle(t.app);
    expect(t.fake.calls).toEqual([]);
    expect(await t.app.database.db.inboxItem.count()).toBe(inbox);
    // the signature comes first: unsigned, the same bodies are 401
    const unsigned = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[1]![0],
    });
    expect(unsigned.status).toBe(401);
  });
});

describe('who may see a partnership', () => {
  it('someone the roster does not know, in a linked channel, is told how to get linked and sees no data', async () => {
    for (const c of ['criteria', 'roster', 'coi Riverside Youth Trust']) {
      const text = await ask(c, { user: USERS.stranger });
      expect(text).toMatch(/I don’t know who you are yet|Only the chair/);
      expect(text).not.toMatch(/Margaret|Northfield Big Local is|Priya/);
    }
  });

  it('a channel not linked to a partnership explains how to link it', async () => {
    const text = await ask('criteria', { channel: 'C0UNBOUND', user: USERS.member });
    expect(text).toContain('This conversation is not linked to a Big Local partnership yet');
    expect(text).toContain('/partnership setup');
  });

  it('a user from another workspace in a linked channel sees none of its data', async () => {
    for (const c of ['criteria', 'roster']) {
      const text = await ask(c, { user: USERS.guest });
      expect(text).toContain('I don’t know who you are yet');
      expect(text).not.toMatch(/Margaret|Northfield Big Local is/);
    }
    t.fake.clear();
    await sendEvent(t, mention(USERS.guest, 'who is on the partnership?'));
    await settle(t.app);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(shown(t.fake.callsTo('chat.postEphemeral')[0])).toContain('I don’t know who you are yet');
  });

  it('a person of another partnership is never shown this one’s details', async () => {
    const doc = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as {
      partnership: { name: string };
      people: { email?: string }[];
    };
    doc.partnership.name = 'Eastbrook Big Local';
    for (const p of doc.people) p.email = p.email?.replace('@example.org', '@eastbrook.example');
    const parsed = parseRosterJson(JSON.stringify(doc), 'eastbrook.json');
    if (!parsed.ok) throw new Error('test roster invalid');
    const east = await t.app.stores.rosters.importRoster('eastbrook', parsed.value.roster);
    const someone = (await t.app.stores.directory.findByEmail('rosa.novak@eastbrook.example'))[0]!;
    await t.app.stores.directory.linkIdentity(someone.personId, 'slack', USERS.guest.teamId, USERS.guest.id);
    expect(east.partnership.slug).toBe('eastbrook');
    const text = await ask('roster', { user: USERS.guest });
    expect(text).toContain('This conversation belongs to a partnership you are not on');
    expect(text).not.toContain('Margaret');
  });
});

describe('privacy in channels', () => {
  const SENSITIVE =
    /spouse|sibling|close[- ]friend|Whitfield Accounts|trustee since|café manager|Food Bank|finance officer|not a resident|\(resident|@example\.org/i;

  it('no relationship, interest, residency or email appears in anything a channel can read', async () => {
    t.fake.clear();
    for (const text of [
      'are we in criteria?',
      'who is on the partnership?',
      'who can vote on the Riverside Youth Trust grant?',
      'help',
      'privacy',
      'gibberish',
    ]) {
      for (const user of [USERS.chair, USERS.rep, USERS.member]) await sendEvent(t, mention(user, text));
    }
    for (const c of ['criteria', 'roster', 'coi Riverside Youth Trust; Whitfield Accounts Ltd', 'help', '']) {
      for (const user of [USERS.chair, USERS.treasurer]) await command(t, c, { user });
    }
    await click(t, 'criteria.details', 'details', { user: USERS.chair });
    await click(t, 'run.roster', 'roster', { user: USERS.rep });
    await settle(t.app);
    const visible = channelVisible(t.fake.calls);
    expect(visible.length).toBeGreaterThan(5);
    expect(visible.filter((v) => SENSITIVE.test(v))).toEqual([]);
    // the private answers did carry the details: the check above is not vacuous
    const privately = t.fake.calls
      .filter((c) => c.method === 'response_url' && c.args.response_type === 'ephemeral')
      .map((c) => JSON.stringify(c.args));
    expect(privately.some((v) => SENSITIVE.test(v))).toBe(true);
  });

  it('logs carry no message text or personal data', () => {
    const log = lines.join('\n');
    expect(log).not.toMatch(SENSITIVE);
    expect(log).not.toContain('are we in criteria');
    expect(log).not.toContain('Margaret');
  });
});
