// Authentication is CloudAdapter's: with an app id, a request without a valid Bot Framework
// token is refused (401) before anything runs; without one, the Emulator can talk to the bot and
// the log says loudly that nothing is checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../adapters/config.ts';
import { startTestApp } from '../support/app.ts';
import { startFakeBotConnector } from '../fakes/bot-connector.ts';
import { message, post, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest | null = null;
// CloudAdapter.process prints each refused request's AuthenticationError to the console; the
// spy keeps the test output readable and shows the 401 came from the authentication check.
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  consoleError.mockRestore();
  await t?.close();
  t = null;
});

const refusedByAuth = () =>
  consoleError.mock.calls.length > 0 && consoleError.mock.calls.every(([e]: unknown[]) => (e as Error).constructor.name === 'AuthenticationError' && (e as { statusCode?: number }).statusCode === 401);

const APP = { MICROSOFT_APP_ID: '3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' };

describe('authentication on (MICROSOFT_APP_ID set)', () => {
  it('refuses a request with no token, and runs nothing', async () => {
    t = await startTeams(APP);
    const res = await post(t, message(t.fake, { text: 'help' }));
    expect(res.status).toBe(401);
    expect(refusedByAuth()).toBe(true);
    expect(t.fake.requests).toEqual([]);
    expect(await t.app.database.db.conversationRef.count()).toBe(0);
  });

  it('refuses a bogus bearer token and a non-bearer header', async () => {
    t = await startTeams(APP);
    expect((await post(t, message(t.fake, { text: 'help' }), { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await post(t, message(t.fake, { text: 'help' }), { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    expect(refusedByAuth()).toBe(true);
    expect(t.fake.requests).toEqual([]);
  });
});

describe('every app type Azure offers', () => {
  const TENANT_ID = '72f988bf-0000-4000-8000-00000000a11c';
  for (const env of [
    { ...APP, MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT_ID },
    { MICROSOFT_APP_ID: APP.MICROSOFT_APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT_ID },
  ]) {
    it(`${env.MICROSOFT_APP_TYPE}: starts, and refuses a request without a token`, async () => {
      t = await startTeams(env);
      expect((await post(t, message(t.fake, { text: 'help' }))).status).toBe(401);
      expect(refusedByAuth()).toBe(true);
    });
  }

  it('the configuration names what an app type is missing', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP.MICROSOFT_APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toThrow(/MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is UserAssignedMSI/);
    expect(() => loadConfig({ ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toThrow(/MICROSOFT_APP_PASSWORD must not be set/);
  });

  it('SingleTenant settings without an app id still run unauthenticated (for the Emulator)', async () => {
    t = await startTeams({ MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT_ID });
    expect((await post(t, message(t.fake, { text: 'help' }))).status).toBe(200);
  });
});

describe('authentication off (no MICROSOFT_APP_ID)', () => {
  it('answers without a token and warns loudly at start-up', async () => {
    const lines: { level: string; message: string }[] = [];
    const logger = {
      info: (m: string) => void lines.push({ level: 'info', message: m }),
      warn: (m: string) => void lines.push({ level: 'warn', message: m }),
      error: (m: string) => void lines.push({ level: 'error', message: m }),
    };
    const fake = await startFakeBotConnector();
    const app = await startTestApp({}, { logger });
    try {
      expect(lines.some((l) => l.level === 'warn' && l.message.startsWith('TEAMS AUTHENTICATION IS OFF'))).toBe(true);
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
    const remote = { ...message(t.fake, { text: 'who is on the partnership?' }), serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    const res = await post(t, remote);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('only the Bot Framework Emulator on this machine');
    const noUrl = { ...message(t.fake, { text: 'help' }), serviceUrl: undefined };
    expect((await post(t, noUrl)).status).toBe(403);
    expect(t.fake.requests).toEqual([]);
  });

  it('says no such warning when an app id is configured', async () => {
    const warnings: string[] = [];
    const app = await startTestApp(APP, { logger: { info() {}, error() {}, warn: (m: string) => void warnings.push(m) } });
    await app.close();
    expect(warnings.filter((w) => w.includes('AUTHENTICATION IS OFF'))).toEqual([]);
  });

  it('rejects a body that is not JSON with a clear 400', async () => {
    t = await startTeams();
    const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('not JSON');
  });
});
