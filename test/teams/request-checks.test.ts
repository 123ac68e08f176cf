// docs/teams.md, "Request checks": what /api/messages refuses, and in what order. The JSON itself
// (a lone surrogate, a prototype key, nesting deeper than 64: 400), the shapes of the activities
// and invokes the bot acts on (400 naming the field), the body checked before the token (a
// malformed activity is 400 whoever sent it, and no signing key is fetched for it), a token
// expired within botbuilder's five minutes' leeway still let through, and a turn whose replies
// cannot reach the Bot Connector answered 503 (Teams sends the activity again), never a 500.
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/services/ports/index.ts';
import { CHANNEL_ISSUER, startFakeOpenId, unreachableUrl, type FakeOpenId } from '../fakes/openid.ts';
import { installEvent, invoke, message, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest | null = null;
let keys: FakeOpenId | null = null;
afterEach(async () => {
  await t?.close();
  await keys?.close();
  t = null;
  keys = null;
});

const APP = { MICROSOFT_APP_ID: '3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' };
const STACK = /\n\s+at |TypeError|ReferenceError|node_modules|ECONNREFUSED/;

/** A raw body, as sent: JSON.stringify would not write a lone surrogate or a `__proto__` key. */
const raw = (test: TeamsTest, body: string, headers: Record<string, string> = {}) =>
  fetch(`${test.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

async function refusedWith(res: Response, status: number, why: RegExp): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect((JSON.parse(text) as { message: string }).message).toMatch(why);
  expect(text).not.toMatch(STACK);
}

/** Nothing was sent, stored or taken in. */
async function nothingDone(test: TeamsTest): Promise<void> {
  expect(test.fake.requests).toEqual([]);
  expect(await test.app.database.db.conversationRef.count()).toBe(0);
  expect(await test.app.database.db.inboxItem.count()).toBe(0);
}

describe('the JSON: what no endpoint accepts is a 400 saying so', () => {
  it('a lone UTF-16 surrogate, a __proto__, constructor or prototype key, nesting deeper than 64', async () => {
    t = await startTeams();
    const activity = JSON.stringify(message(t.fake, { text: 'help' }));
    const withText = (text: string) => activity.replace('"text":"help"', `"text":"${text}"`);
    await refusedWith(await raw(t, withText('\\ud800')), 400, /lone UTF-16 surrogate/);
    await refusedWith(await raw(t, withText('a\\udfffb')), 400, /lone UTF-16 surrogate/);
    for (const key of ['__proto__', 'constructor', 'prototype'])
      await refusedWith(await raw(t, `{"${key}":{"admin":true},${activity.slice(1)}`), 400, new RegExp(`“${key}”`));
    const deep = `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`;
    await refusedWith(await raw(t, `{"extra":${deep},${activity.slice(1)}`), 400, /nested more than 64 levels/);
    await nothingDone(t);
    // the same activity, well formed, is served
    expect((await raw(t, activity)).status).toBe(200);
  });
});

describe('the shape of what the bot acts on', () => {
  it('invokes it handles, message edits and deletions, reactions and the tenant: 400 naming the field', async () => {
    t = await startTeams();
    const ok = message(t.fake, { text: 'help' });
    const consent = {
      ...invoke(t.fake, 'x', {}),
      name: 'fileConsent/invoke',
      value: { action: 'accept', context: {}, uploadInfo: { uploadUrl: 'file:///etc/passwd', name: 'a.txt' } },
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [consent, /value\.uploadInfo\.uploadUrl: must be an http\(s\) URL/],
      [{ ...consent, value: { uploadInfo: {} } }, /value\.action: /],
      [{ ...ok, type: 'messageUpdate', channelData: undefined }, /channelData: is required for this activity type/],
      [{ ...ok, type: 'messageDelete', channelData: undefined }, /channelData: is required for this activity type/],
      [{ ...ok, type: 'messageReaction', reactionsAdded: [{ type: 7 }] }, /reactionsAdded\.0\.type/],
      [{ ...ok, type: 'messageReaction', reactionsRemoved: 'like' }, /reactionsRemoved: /],
      [{ ...ok, channelData: { tenant: { id: 42 } } }, /channelData\.tenant\.id: /],
      [{ ...ok, channelData: { team: 'Northfield' } }, /channelData\.team: /],
      [{ ...ok, entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: 7 }] }, /entities\.0\.text/],
      [
        { ...installEvent(t.fake, 'conversationUpdate', 'channel'), membersAdded: [{ name: 'x' }] },
        /membersAdded\.0\.id/,
      ],
    ];
    for (const [activity, why] of cases) {
      const res = await post(t, activity);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.message).toMatch(why);
    }
    await nothingDone(t);
    // a decline carries no upload address: that is a well-formed consent
    const declined = { ...consent, value: { action: 'decline', context: {} } };
    expect((await post(t, declined)).status).toBe(200);
  });
});

describe('with an app id: the body before the token', () => {
  it('a body that is not an activity is refused the same way with or without a token, and no key is fetched', async () => {
    keys = await startFakeOpenId();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl });
    const ok = message(t.fake, { text: 'help' });
    await refusedWith(await raw(t, '{"type":'), 400, /not JSON/);
    await refusedWith(await raw(t, JSON.stringify({ ...ok, from: 'Margaret' })), 400, /from: /);
    await refusedWith(
      await raw(t, JSON.stringify({ ...ok, from: 'Margaret' }), { authorization: 'Bearer junk' }),
      400,
      /from: /,
    );
    await refusedWith(await raw(t, JSON.stringify({ ...ok, text: 'q'.repeat(1_100_000) })), 413, /./);
    expect(keys.requests).toEqual([]);
    await nothingDone(t);
    // the activity well formed, without a token: now the token is what is missing
    expect((await post(t, ok)).status).toBe(401);
  });

  it('a token expired less than five minutes ago is let through (botbuilder’s leeway); more, and it is 401', async () => {
    keys = await startFakeOpenId();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl });
    const activity: Record<string, unknown> = { ...invoke(t.fake, 'x', {}), name: 'composeExtension/query', value: {} };
    const token = (expiredSecondsAgo: number) => ({
      authorization: `Bearer ${keys!.sign({
        iss: CHANNEL_ISSUER,
        aud: APP.MICROSOFT_APP_ID,
        serviceurl: activity.serviceUrl as string,
        nbf: Math.floor(Date.now() / 1000) - 3600,
        exp: Math.floor(Date.now() / 1000) - expiredSecondsAgo,
      })}`,
    });
    const late = await post(t, activity, token(3 * 60));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ statusCode: 501, value: { code: 'NotImplemented' } });
    expect((await post(t, activity, token(6 * 60))).status).toBe(401);
  });
});

describe('the turn', () => {
  it('replies the Bot Connector cannot take (nothing listens there): 503 with a plain message, never a 500', async () => {
    const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
    const at =
      (level: string) =>
      (m: string, fields: Record<string, unknown> = {}) =>
        void lines.push({ level, message: m, fields });
    const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
    t = await startTeams({}, { logger });
    const gone = `${new URL(await unreachableUrl()).origin}/`;
    const res = await post(t, { ...message(t.fake, { text: 'help' }), serviceUrl: gone });
    expect(res.status).toBe(503);
    expect(res.body.message).toContain('Teams will try again');
    expect(JSON.stringify(res.body)).not.toMatch(STACK);
    expect(lines.filter((l) => l.message === 'teams request refused').map((l) => l.fields.code)).toContain(
      'microsoft_unreachable',
    );
  });
});
