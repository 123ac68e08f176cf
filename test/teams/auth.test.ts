// Authentication: with an app id, a request without a valid Bot Framework token is refused (401)
// before anything runs, checked by botbuilder against the signing keys of the OpenID metadata
// (a loopback fake here, named by botbuilder's own setting); when those keys cannot be fetched the
// answer is a plain 503, quickly. Without an app id, the Emulator can talk to the bot and the log
// says loudly that nothing is checked.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.ts';
import { KEY_FETCH_TIMEOUT_MS } from '../../adapters/teams/auth.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import { startTestApp } from '../support/app.ts';
import { startFakeBotConnector } from '../fakes/bot-connector.ts';
import { CHANNEL_ISSUER, startFakeOpenId, unreachableUrl, type FakeOpenId } from '../fakes/openid.ts';
import { invoke, message, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest | null = null;
let keys: FakeOpenId | null = null;
afterEach(async () => {
  await t?.close();
  await keys?.close();
  t = null;
  keys = null;
});

const APP = { MICROSOFT_APP_ID: '3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' };
const STACK = /\n\s+at |Error:|FetchError|ENOTFOUND|ECONNREFUSED|openID|node_modules/;

/** A logger that keeps what was logged: the refusals' codes. */
function recorder() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, message, fields });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return {
    logger,
    lines,
    refusals: () => lines.filter((l) => l.message === 'teams request refused').map((l) => l.fields.code),
    errors: () => lines.filter((l) => l.level === 'error'),
  };
}

/** The claims of a token the Bot Framework would send this bot for this activity. */
const claims = (activity: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  iss: CHANNEL_ISSUER,
  aud: APP.MICROSOFT_APP_ID,
  serviceurl: activity.serviceUrl,
  nbf: Math.floor(Date.now() / 1000) - 60,
  exp: Math.floor(Date.now() / 1000) + 3600,
  ...extra,
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const nothingDone = async (test: TeamsTest) => {
  expect(test.fake.requests).toEqual([]);
  expect(await test.app.database.db.conversationRef.count()).toBe(0);
  expect(await test.app.database.db.inboxItem.count()).toBe(0);
};

describe('authentication on (MICROSOFT_APP_ID set)', () => {
  it('refuses a request with no token, a bogus one, a non-bearer header, and tokens that cannot be for this bot, without fetching any key', async () => {
    keys = await startFakeOpenId();
    const log = recorder();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl }, { logger: log.logger });
    const activity = message(t.fake, { text: 'help' });
    const cases: [Record<string, string>, string][] = [
      [{}, 'no_token'],
      [bearer('not-a-token'), 'not_a_jwt'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'not_a_jwt'],
      [bearer('e30.e30.x'), 'not_a_jwt'],
      [bearer(keys.sign(claims(activity, { aud: 'another-bot' }))), 'wrong_audience'],
      [bearer(keys.sign(claims(activity, { iss: undefined }))), 'no_issuer'],
      [bearer(keys.sign(claims(activity, { exp: Math.floor(Date.now() / 1000) - 3600 }))), 'expired'],
    ];
    for (const [headers, code] of cases) {
      const res = await post(t, activity, headers);
      expect(res.status, code).toBe(401);
      expect(res.body.message).toMatch(/valid Bot Framework token/);
      expect(log.refusals().at(-1)).toBe(code);
    }
    // an issuer botbuilder does not trust is refused by botbuilder itself, still without a key
    expect((await post(t, activity, bearer(keys.sign(claims(activity, { iss: 'https://evil.example' }))))).status).toBe(
      401,
    );
    expect(keys.requests).toEqual([]);
    await nothingDone(t);
    expect(log.errors()).toEqual([]);
  });

  it('checks a plausible token against the signing keys: a forged signature or an unknown key is refused, a genuine token passes', async () => {
    keys = await startFakeOpenId();
    const log = recorder();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl }, { logger: log.logger });
    const activity = message(t.fake, { text: 'help' });
    expect((await post(t, activity, bearer(keys.sign(claims(activity), { key: 'other' })))).status).toBe(401);
    expect((await post(t, activity, bearer(keys.sign(claims(activity), { kid: 'unknown-key' })))).status).toBe(401);
    const genuine = keys.sign(claims(activity));
    const [head, , signature] = genuine.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify(claims(activity, { aud: APP.MICROSOFT_APP_ID, admin: true }))).toString('base64url')}.${signature}`;
    expect((await post(t, activity, bearer(tampered))).status).toBe(401);
    expect(keys.requests.length).toBeGreaterThan(0); // these needed the keys
    await nothingDone(t);
    // a genuine token gets through to the bot: an invoke it does not handle, answered in the body
    const other = { ...invoke(t.fake, 'x', {}), name: 'composeExtension/query', value: {} };
    const res = await post(t, other, bearer(keys.sign(claims(other))));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      statusCode: 501,
      type: 'application/vnd.microsoft.error',
      value: { code: 'NotImplemented' },
    });
    expect(log.refusals().filter((c) => c !== 'invalid_token')).toEqual([]);
    expect(log.errors()).toEqual([]);
  });

  it('answers 503 with a plain message when the signing keys cannot be fetched (metadata host down or failing), never 500', async () => {
    const log = recorder();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: await unreachableUrl() }, { logger: log.logger });
    keys = await startFakeOpenId(); // only to sign: the server looks for keys where nothing listens
    const activity = message(t.fake, { text: 'help' });
    for (let i = 0; i < 3; i++) {
      const res = await post(t, activity, bearer(keys.sign(claims(activity))));
      expect(res.status).toBe(503);
      expect(res.body.message).toMatch(/signing keys could not be fetched/);
      expect(JSON.stringify(res.body)).not.toMatch(STACK);
    }
    expect(log.refusals()).toEqual(['keys_unavailable', 'keys_unavailable', 'keys_unavailable']);
    // a token that cannot be valid is still 401: no keys are needed to say so
    expect((await post(t, activity, bearer('junk'))).status).toBe(401);
    await nothingDone(t);
    expect(log.errors()).toEqual([]);
  });

  it('a metadata host that fails, or never answers, is an outage too: 503 within the time limit', async () => {
    keys = await startFakeOpenId();
    t = await startTeams({ ...APP, MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl });
    const activity = message(t.fake, { text: 'help' });
    keys.mode = 'error';
    expect((await post(t, activity, bearer(keys.sign(claims(activity))))).status).toBe(503);
    keys.mode = 'hang';
    // not a timing assertion: the answer must come at all (the test's own timeout is far longer)
    const res = await post(t, activity, bearer(keys.sign(claims(activity))));
    expect(res.status).toBe(503);
    // docs/teams.md: "after at most 5 seconds" (Teams waits 15 s for a bot)
    expect(KEY_FETCH_TIMEOUT_MS).toBeLessThanOrEqual(5_000);
    await nothingDone(t);
  });
});

describe('every app type Azure offers', () => {
  const TENANT_ID = '72f988bf-0000-4000-8000-00000000a11c';
  for (const env of [
    { ...APP, MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT_ID },
    {
      MICROSOFT_APP_ID: APP.MICROSOFT_APP_ID,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
    },
  ]) {
    it(`${env.MICROSOFT_APP_TYPE}: starts, and refuses a request without a token`, async () => {
      t = await startTeams(env);
      expect((await post(t, message(t.fake, { text: 'help' }))).status).toBe(401);
    });
  }

  it('the configuration names what an app type is missing', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP.MICROSOFT_APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toThrow(
      /MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is UserAssignedMSI/,
    );
    expect(() =>
      loadConfig({ ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT_ID }),
    ).toThrow(/MICROSOFT_APP_PASSWORD must not be set/);
  });

  it('SingleTenant settings without an app id still run unauthenticated (for the Emulator)', async () => {
    t = await startTeams({ MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT_ID });
    expect((await post(t, message(t.fake, { text: 'help' }))).status).toBe(200);
  });
});

describe('authentication off (no MICROSOFT_APP_ID)', () => {
  it('answers without a token; with no Teams setting at all, start-up says so in one info line', async () => {
    const lines: { level: string; message: string }[] = [];
    const logger = {
      info: (m: string) => void lines.push({ level: 'info', message: m }),
      warn: (m: string) => void lines.push({ level: 'warn', message: m }),
      error: (m: string) => void lines.push({ level: 'error', message: m }),
    };
    const fake = await startFakeBotConnector();
    const app = await startTestApp({}, { logger });
    try {
      const teams = lines.filter((l) => /teams|MICROSOFT_APP_ID/i.test(l.message) && l.level !== 'info');
      expect(teams).toEqual([]);
      expect(lines.filter((l) => l.message.startsWith('Teams is not configured')).map((l) => l.level)).toEqual([
        'info',
      ]);
      const res = await post(app, message(fake, { text: 'help' }));
      expect(res.status).toBe(200);
      expect(fake.posted).toHaveLength(1);
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('serves only an Emulator on this machine: a remote serviceUrl is refused before anything is sent', async () => {
    t = await startTeams();
    const remote = {
      ...message(t.fake, { text: 'who is on the partnership?' }),
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    };
    const res = await post(t, remote);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('only the Bot Framework Emulator on this machine');
    const noUrl = { ...message(t.fake, { text: 'help' }), serviceUrl: undefined };
    expect((await post(t, noUrl)).status).toBe(403);
    expect(t.fake.requests).toEqual([]);
  });

  it('says no such warning when an app id is configured', async () => {
    const warnings: string[] = [];
    const app = await startTestApp(APP, {
      logger: { info() {}, error() {}, warn: (m: string) => void warnings.push(m) },
    });
    await app.close();
    expect(warnings.filter((w) => w.includes('AUTHENTICATION IS OFF'))).toEqual([]);
  });

  it('rejects a body that is not JSON with a clear 400', async () => {
    t = await startTeams();
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'not json',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('not JSON');
  });

  it('refuses browsers: another site’s page (403) and a body that is not JSON (415), before anything is read or sent', async () => {
    t = await startTeams();
    const activity = JSON.stringify(message(t.fake, { text: 'who is on the partnership?' }));
    const from = (origin: string, type = 'text/plain') =>
      fetch(`${t!.url}/api/messages`, { method: 'POST', headers: { origin, 'content-type': type }, body: activity });
    for (const origin of ['https://evil.example', 'null', 'http://localhost:9999']) {
      const res = await from(origin);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(/does not accept requests from web pages/);
    }
    expect((await from('https://evil.example', 'application/json')).status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: activity,
      });
      expect(res.status, type).toBe(415);
    }
    expect(t.fake.requests).toEqual([]);
    expect(await t.app.database.db.conversationRef.count()).toBe(0);
    // the Emulator (no Origin, JSON) is still served
    expect((await post(t, JSON.parse(activity))).status).toBe(200);
  });
});
