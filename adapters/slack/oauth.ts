// Many workspaces (docs/slack.md): "Add to Slack" with @slack/oauth's InstallProvider (the one Bolt
// uses), installations sealed in the database (installations.ts), each request authorised with
// its own workspace's installation, and an uninstall (or revoked tokens) removing it.
import type { Authorize, App as BoltApp } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { Config } from '../config.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import type { Database } from '../persistence/database.ts';
import { SlackInstallationStore } from '../persistence/slack-installations.ts';
import type { HttpServer } from '../server/http.ts';
import { clientOptions, slackErrorCode } from './api.ts';
import { WorkspaceClients } from './clients.ts';
import { SealedInstallations } from './installations.ts';
import { parseKey, TokenCipher } from './token-cipher.ts';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes asked for at install: the manifest's (test/slack/manifest.test.ts holds them equal). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'files:write',
  'im:history',
  'im:write',
  'users:read',
  'users:read.email',
];

export interface ManyWorkspaces {
  installations: SealedInstallations;
  clients: WorkspaceClients;
  installer: InstallProvider;
  authorize: Authorize<boolean>;
}

type OAuthConfig = Pick<
  Config,
  | 'SLACK_CLIENT_ID'
  | 'SLACK_CLIENT_SECRET'
  | 'SLACK_STATE_SECRET'
  | 'SLACK_TOKEN_ENCRYPTION_KEY'
  | 'SLACK_TOKEN_ENCRYPTION_OLD_KEYS'
  | 'SLACK_API_URL'
  | 'PUBLIC_URL'
>;

export function manyWorkspaces(config: OAuthConfig, database: Pick<Database, 'db'>, logger: Logger): ManyWorkspaces {
  // config.ts has checked both: present, and 32 bytes each
  const cipher = new TokenCipher(
    parseKey(config.SLACK_TOKEN_ENCRYPTION_KEY!)!,
    (config.SLACK_TOKEN_ENCRYPTION_OLD_KEYS?.split(',') ?? []).map((k) => parseKey(k)!),
  );
  const installations = new SealedInstallations(new SlackInstallationStore(database), cipher);
  const clients = new WorkspaceClients(installations, config.SLACK_API_URL, logger);
  const options = clientOptions(config.SLACK_API_URL, logger);
  const redirectUri = config.PUBLIC_URL ? new URL(SLACK_REDIRECT_PATH, config.PUBLIC_URL).toString() : undefined;
  const installer = new InstallProvider({
    clientId: config.SLACK_CLIENT_ID!,
    clientSecret: config.SLACK_CLIENT_SECRET!,
    stateSecret: config.SLACK_STATE_SECRET!,
    installationStore: installations,
    installUrlOptions: { scopes: BOT_SCOPES, ...(redirectUri ? { redirectUri } : {}) },
    logger: options.logger,
    clientOptions: { slackApiUrl: options.slackApiUrl, timeout: options.timeout, retryConfig: options.retryConfig },
  });
  const authorize: Authorize<boolean> = async (source) => {
    const installation = await installations.fetchInstallation({
      teamId: source.teamId,
      enterpriseId: source.enterpriseId,
      isEnterpriseInstall: source.isEnterpriseInstall,
    } as Parameters<SealedInstallations['fetchInstallation']>[0]);
    const bot = installation.bot;
    if (!bot?.token)
      throw Object.assign(new Error('The installation has no bot token.'), { code: 'slack_not_installed' });
    return {
      botToken: bot.token,
      botId: bot.id,
      botUserId: bot.userId,
      ...(source.teamId ? { teamId: source.teamId } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
    };
  };
  return { installations, clients, installer, authorize };
}

/** `GET /slack/install` shows "Add to Slack"; `GET /slack/oauth_redirect` finishes the install (state checked). */
export function addInstallRoutes(http: HttpServer, many: ManyWorkspaces, logger: Logger): void {
  http.add({
    method: 'GET',
    path: SLACK_INSTALL_PATH,
    handler: (req, res) => many.installer.handleInstallPath(req, res),
  });
  http.add({
    method: 'GET',
    path: SLACK_REDIRECT_PATH,
    handler: (req, res, ctx) =>
      many.installer.handleCallback(req, res, {
        success: (installation, _options, _req, response) => {
          const id = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
          if (id) many.clients.forget(installation.team?.id ?? id);
          logger.info('slack app installed', {
            requestId: ctx.requestId,
            platform: 'slack',
            kind: installation.isEnterpriseInstall ? 'organisation' : 'workspace',
            workspaceId: id,
          });
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(INSTALLED_PAGE);
        },
        failure: (error, _options, _req, response) => {
          logger.warn('slack install failed', {
            requestId: ctx.requestId,
            platform: 'slack',
            code: slackErrorCode(error),
          });
          response.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(FAILED_PAGE);
        },
      }),
  });
}

/** `app_uninstalled` and `tokens_revoked` (of the bot): the workspace's installation is removed. */
export function listenForUninstall(bolt: BoltApp, many: ManyWorkspaces, logger: Logger): void {
  const remove = async (body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }) => {
    const organisation = !!body.is_enterprise_install;
    const id = organisation ? body.enterprise_id : body.team_id;
    if (!id) return;
    await many.installations.deleteInstallation({
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: organisation,
    } as Parameters<SealedInstallations['deleteInstallation']>[0]);
    if (body.team_id) many.clients.forget(body.team_id);
    logger.info('slack app uninstalled', {
      platform: 'slack',
      kind: organisation ? 'organisation' : 'workspace',
      workspaceId: id,
    });
  };
  bolt.event('app_uninstalled', async ({ body }) => remove(body));
  bolt.event('tokens_revoked', async ({ event, body }) => {
    // only the bot's tokens matter: a person revoking their own user token leaves the install
    if ((event.tokens.bot ?? []).length > 0) await remove(body);
  });
}

/** A request from a workspace without an installation: refused (acknowledged, nothing done), said once in the log. */
export const isNotInstalled = (error: unknown): boolean =>
  (error as { original?: { code?: string } }).original?.code === 'slack_not_installed' ||
  (error as { code?: string }).code === 'slack_not_installed';

const INSTALLED_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>partnership-bot installed</title></head><body>' +
  '<h1>partnership-bot is installed</h1><p>Next: in your partnership’s Slack channel, the chair or rep types ' +
  '<code>/partnership setup &lt;partnership&gt;</code> to bind the channel to your partnership.</p></body></html>';

const FAILED_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Install failed</title></head><body>' +
  '<h1>The install did not finish</h1><p>The link may have expired or been opened in another browser. ' +
  'Please start again from the install page.</p></body></html>';
