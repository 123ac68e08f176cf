// Many workspaces ("Add to Slack", docs/slack.md): the whole install against a fake oauth.v2.access,
// each workspace served with its own token (the fake records which token each call carried),
// tokens encrypted at rest, one workspace's people unable to act on another's partnership, and an
// uninstall removing the installation so later requests from it are refused.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textReply } from '../../src/domain/chat/reply.ts';
import { ConfigError, loadConfig } from '../../adapters/config.ts';
import { createLogger } from '../../adapters/log.ts';
import { slackOf } from '../../adapters/slack/index.ts';
import { SLACK_INSTALL_PATH, SLACK_REDIRECT_PATH } from '../../adapters/slack/oauth.ts';
import { TokenCipher } from '../../adapters/slack/token-cipher.ts';
import { startFakeSlackApi, type FakeUser } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import {
  CHANNEL,
  command,
  lastResponse,
  send,
  sendEvent,
  sendForm,
  eventBody,
  settle,
  shown,
  SIGNING_SECRET,
  TEAM,
  USERS,
  type SlackTest,
} from './support.ts';
import { FakeSlackOAuth } from './oauth-fake.ts';

const KEY = randomBytes(32).toString('base64');
const TEAM_B = 'T2B';
/** Everything the server logs, at every level, for the check that no token is in it. */
const userB: FakeUser = { id: 'UBOB', teamId: TEAM_B, email: 'bob@elsewhere.example', name: 'Bob' };
const oauthEnv = {
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret-xyz',
  SLACK_STATE_SECRET: 'state-secret-long-random-text',
  SLACK_TOKEN_ENCRYPTION_KEY: KEY,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
};

describe('configuration for many workspaces', () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
  };

  it('names the missing OAuth variables when only some are set', () => {
    const text = problem({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' });
    expect(text).toContain('SLACK_CLIENT_SECRET is required for many workspaces');
    expect(text).toContain('SLACK_STATE_SECRET is required for many workspaces');
    expect(text).toContain('because SLACK_CLIENT_ID is set');
  });

  it('needs a 32-byte encryption key, refuses a bot token or Socket Mode alongside, and switches the mode on', () => {
    const { SLACK_TOKEN_ENCRYPTION_KEY: _key, ...noKey } = oauthEnv;
    expect(problem(noKey)).toContain('SLACK_TOKEN_ENCRYPTION_KEY is required for many workspaces');
    expect(problem({ ...oauthEnv, SLACK_TOKEN_ENCRYPTION_KEY: 'short' })).toContain('openssl rand -base64 32');
    expect(problem({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1' })).toContain('SLACK_BOT_TOKEN must not be set');
    expect(problem({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1' })).toContain('Socket Mode serves one workspace only');
    expect(loadConfig(oauthEnv).slack).toEqual({ enabled: true, manyWorkspaces: true });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      enabled: true,
      manyWorkspaces: false,
    });
  });
});

describe('token encryption', () => {
  it('seals with AES-256-GCM under a key id, reads rows of an old key after rotation, and detects tampering', () => {
    const oldKey = randomBytes(32);
    const sealed = new TokenCipher(oldKey).seal('xoxb-secret');
    expect(sealed.data).not.toContain('xoxb');
    const rotated = new TokenCipher(randomBytes(32), [oldKey]);
    expect(rotated.open(sealed)).toBe('xoxb-secret');
    expect(rotated.seal('x').keyId).not.toBe(sealed.keyId);
    expect(() => new TokenCipher(randomBytes(32)).open(sealed)).toThrow(/neither SLACK_TOKEN_ENCRYPTION_KEY/);
    const raw = Buffer.from(sealed.data, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => rotated.open({ ...sealed, data: raw.toString('base64') })).toThrow(/altered/);
  });
});

describe('Slack for many workspaces', () => {
  let t: SlackTest;
  let oauth: FakeSlackOAuth;
  const lines: string[] = [];
  const logged = (message: string) => lines.filter((l) => l.includes(`"${message}"`));

  beforeAll(async () => {
    const fake = await startFakeSlackApi([...Object.values(USERS), userB]);
    oauth = await new FakeSlackOAuth(
      fake,
      [
        { code: 'code-a', token: 'xoxb-workspace-a', teamId: TEAM, botUserId: 'UBOTA' },
        { code: 'code-b', token: 'xoxb-workspace-b', teamId: TEAM_B, botUserId: 'UBOTB' },
        { code: 'code-org', token: 'xoxb-organisation', enterpriseId: 'E1', botUserId: 'UBOTE' },
        { code: 'code-a-again', token: 'xoxb-workspace-a-again', teamId: TEAM, botUserId: 'UBOTA' },
      ],
      oauthEnv.SLACK_CLIENT_ID,
      oauthEnv.SLACK_CLIENT_SECRET,
    ).start();
    const server = await startTestApp(
      { ...oauthEnv, SLACK_API_URL: oauth.url, SEED_DEMO: 'true' },
      { logger: createLogger('debug', (l) => lines.push(l)) },
    );
    t = { fake, server, app: server.app, close: () => server.close() };
  });

  afterAll(async () => {
    await t?.close();
    await oauth?.close();
    await t?.fake.close();
  });

  /** The browser's side: open the install page, follow "Add to Slack" (Slack answers with a code), come back. */
  async function install(code: string, o: { forgeState?: boolean } = {}): Promise<Response> {
    const page = await fetch(`${t.server.url}${SLACK_INSTALL_PATH}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = new URL(
      html.match(/href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/)![1]!.replace(/&amp;/g, '&'),
    );
    expect(link.searchParams.get('client_id')).toBe(oauthEnv.SLACK_CLIENT_ID);
    expect(link.searchParams.get('scope')).toContain('chat:write');
    const state = o.forgeState ? 'forged-state' : link.searchParams.get('state')!;
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    return fetch(`${t.server.url}${SLACK_REDIRECT_PATH}?code=${code}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
    });
  }

  it('refuses a redirect whose state was not issued by the install page', async () => {
    const res = await install('code-a', { forgeState: true });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The install did not finish');
    expect(oauth.tokensFor('oauth.v2.access')).toEqual([]);
  });

  it('installs two workspaces, storing their tokens only encrypted', async () => {
    for (const code of ['code-a', 'code-b']) {
      const res = await install(code);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('/partnership setup');
    }
    // the log names the workspace, never a token
    expect(logged('slack app installed').map((l) => (JSON.parse(l) as { workspaceId: string }).workspaceId)).toEqual([
      TEAM,
      TEAM_B,
    ]);
    expect(lines.join('\n')).not.toContain('xoxb');
    const rows = await t.app.database.db.slackInstallation.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.id)).toEqual([TEAM, TEAM_B]);
    for (const row of rows) {
      expect(row.data).not.toContain('xoxb');
      expect(row.keyId).toMatch(/^[0-9a-f]{8}$/);
    }
  });

  it('answers a workspace’s request, and sends its reminders, with that workspace’s own token', async () => {
    oauth.calls.length = 0;
    const { res, responsePath } = await command(t, 'setup northfield');
    expect(res.status).toBe(200);
    await settle(t.app);
    expect(shown(lastResponse(t, responsePath))).toContain('Northfield Big Local');
    const used = oauth.calls.filter((c) => c.method !== 'auth.test').map((c) => c.token);
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set(['xoxb-workspace-a']));

    // outbound, as the scheduler's notices go: each workspace with its own token
    oauth.calls.length = 0;
    const notifier = slackOf(t.app)!.notifier;
    expect(await notifier.sendToUser(TEAM, USERS.chair.id, textReply('A reminder'))).toBe(true);
    expect(await notifier.sendToUser(TEAM_B, userB.id, textReply('A reminder'))).toBe(true);
    expect(oauth.tokensFor('chat.postMessage')).toEqual(['xoxb-workspace-a', 'xoxb-workspace-b']);
  });

  it('a person from workspace B cannot act on workspace A’s partnership, even with a crafted payload', async () => {
    oauth.calls.length = 0;
    // workspace B's user names workspace A's bound channel in a request from workspace B
    const { responsePath } = await command(t, 'roster', { user: userB, team: TEAM_B, channel: CHANNEL });
    await settle(t.app);
    const text = shown(lastResponse(t, responsePath));
    expect(text).toContain('This conversation is not linked to a Big Local partnership yet.');
    expect(text).not.toContain('Who is on Northfield Big Local');
    expect(text).not.toContain('@example.org');
    expect(new Set(oauth.calls.map((c) => c.token))).toEqual(new Set(['xoxb-workspace-b']));
    // and claiming to be in workspace A: Slack (asked with A's token) says the person is from B
    const claimed = await command(t, 'roster', { user: userB, team: TEAM, channel: CHANNEL });
    await settle(t.app);
    const claimedText = shown(lastResponse(t, claimed.responsePath));
    expect(claimedText).toContain('I don’t know who you are yet.');
    expect(claimedText).not.toContain('Who is on Northfield Big Local');
    expect(claimedText).not.toContain('@example.org');
  });

  it('an Enterprise Grid organisation-wide install serves its workspaces with the organisation’s token', async () => {
    expect((await install('code-org')).status).toBe(200);
    oauth.calls.length = 0;
    const id = 'org-help';
    const body = new URLSearchParams({
      team_id: 'T3ORG',
      enterprise_id: 'E1',
      is_enterprise_install: 'true',
      channel_id: 'C0ORG',
      channel_name: 'general',
      user_id: 'UORGPERSON',
      user_name: 'org',
      command: '/partnership',
      text: 'help',
      api_app_id: 'A1',
      response_url: t.fake.responseUrl(id),
      trigger_id: `trigger-${id}`,
    }).toString();
    expect((await sendForm(t, body)).status).toBe(200);
    await settle(t.app);
    expect(shown(lastResponse(t, `/response/${id}`))).toContain('/partnership criteria');
    // a message the bot sends on its own to that workspace finds the organisation's install
    expect(await slackOf(t.app)!.notifier.sendToUser('T3ORG', 'UORGPERSON', textReply('A reminder'))).toBe(true);
    expect(oauth.tokensFor('chat.postMessage')).toEqual(['xoxb-organisation']);
    // the organisation removes the app: Slack says so for the whole organisation
    const uninstalled = JSON.parse(eventBody({ type: 'app_uninstalled' }, { team: 'T3ORG' })) as object;
    const orgEvent = JSON.stringify({ ...uninstalled, enterprise_id: 'E1', is_enterprise_install: true });
    expect((await send(t, orgEvent, 'application/json')).status).toBe(200);
    await settle(t.app);
    expect(await t.app.database.db.slackInstallation.findUnique({ where: { id: 'E1' } })).toBeNull();
  });

  it('app_uninstalled removes the installation; later requests from that workspace are refused', async () => {
    const res = await sendEvent(t, { type: 'app_uninstalled' }, { team: TEAM_B });
    expect(res.status).toBe(200);
    await settle(t.app);
    expect((await t.app.database.db.slackInstallation.findMany()).map((r) => r.id)).toEqual([TEAM]);

    oauth.calls.length = 0;
    const before = t.fake.calls.length;
    const later = await command(t, 'criteria', { user: userB, team: TEAM_B, channel: 'C0B' });
    expect(later.res.status).toBe(200);
    await settle(t.app);
    expect(lastResponse(t, later.responsePath)).toBeUndefined();
    expect(t.fake.calls.slice(before)).toEqual([]);
    expect(oauth.calls).toEqual([]);
    expect(await slackOf(t.app)!.notifier.sendToUser(TEAM_B, userB.id, textReply('A reminder'))).toBe(false);
    expect(logged('slack request from a workspace without an installation refused')).not.toEqual([]);

    // tokens_revoked of the bot does the same for workspace A
    await sendEvent(t, { type: 'tokens_revoked', tokens: { bot: ['UBOTA'] } }, { team: TEAM });
    await settle(t.app);
    expect(await t.app.database.db.slackInstallation.count()).toBe(0);
  });

  it('installing again restores it: the channel’s binding and the people’s links stay, with the new token', async () => {
    const rosa = (await t.app.stores.directory.findByEmail(USERS.member.email))[0]!;
    expect(await t.app.stores.directory.identitiesOf(rosa.personId)).toContainEqual({
      platform: 'slack',
      workspaceId: TEAM,
      userId: USERS.member.id,
    });
    expect((await install('code-a-again')).status).toBe(200);
    oauth.calls.length = 0;
    const { responsePath } = await command(t, 'roster');
    await settle(t.app);
    expect(shown(lastResponse(t, responsePath))).toContain('Who is on Northfield Big Local');
    expect(await t.app.stores.directory.findBinding('slack', TEAM, CHANNEL)).not.toBeNull();
    expect(await t.app.stores.directory.identitiesOf(rosa.personId)).toContainEqual({
      platform: 'slack',
      workspaceId: TEAM,
      userId: USERS.member.id,
    });
    expect(await slackOf(t.app)!.notifier.sendToUser(TEAM, USERS.chair.id, textReply('A reminder'))).toBe(true);
    expect(new Set(oauth.calls.filter((c) => c.method !== 'auth.test').map((c) => c.token))).toEqual(
      new Set(['xoxb-workspace-a-again']),
    );
  });

  it('put no token, secret or key in the log, whatever happened above', () => {
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of ['xoxb-', oauthEnv.SLACK_CLIENT_SECRET, oauthEnv.SLACK_STATE_SECRET, KEY, SIGNING_SECRET])
      expect(log).not.toContain(secret);
  });
});
