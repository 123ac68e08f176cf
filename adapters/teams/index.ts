// The Microsoft Teams adapter: POST /api/messages through botbuilder's CloudAdapter, replies as
// Adaptive Cards, and the 'teams' notifier for proactive messages. Every botbuilder import of
// the project lives in this folder, so moving to the SDK's successor touches nothing else.
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { TeamsAdapter } from './adapter.ts';
import type { App } from '../server/app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import { authSettings } from './auth.ts';
import { TeamsBot } from './handler.ts';
import { TeamsNotifier } from './notifier.ts';
import { receive } from './receive.ts';
import { textActivity } from './messages.ts';
import { teamsReplayer } from './inbox.ts';
import { isDatabaseOutage } from '../persistence/outage.ts';
import { ReusingBotFrameworkAuthentication } from './reused-clients.ts';

export const TEAMS_ROUTE = '/api/messages';

export function createAdapter(
  config: Config,
  logger: Logger,
): { adapter: TeamsAdapter; auth: ConfigurationBotFrameworkAuthentication; appId: string } {
  const appId = config.MICROSOFT_APP_ID ?? '';
  // No app id: an empty configuration, which botbuilder treats as "authentication off" whatever
  // MICROSOFT_APP_TYPE says (SingleTenant without an app id would otherwise refuse to start).
  const auth = new ReusingBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: config.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
          ...authSettings(config.MICROSOFT_OPENID_METADATA_URL),
        }
      : {},
  );
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // A proactive send (continueConversation, createConversation) failing is the caller's to
    // handle: no apology to someone who did not write.
    const incoming = context.activity.type === 'message' || context.activity.type === 'invoke';
    if (!incoming) throw error;
    // Not even written to the inbox: an error status, so Teams sends the activity again.
    if (isDatabaseOutage(error)) throw error;
    logger.error('teams turn failed', {
      code: (error as { code?: string }).code,
      status: (error as { statusCode?: number }).statusCode,
      error,
    });
    try {
      await context.sendActivity(textActivity('Sorry, something went wrong on my side. Please try again in a minute.'));
    } catch {
      // the Bot Connector is not answering either; the error is logged above
    }
  };
  if (!appId) logAuthenticationOff(config, logger);
  return { adapter, auth, appId };
}

/**
 * Without an app id Teams authentication is off. With no Teams setting at all that is simply "Teams
 * not configured" (someone trying the playground): one info line. With some Teams settings but no
 * app id, someone meant to connect Teams and missed one: a warning naming what is set.
 */
function logAuthenticationOff(config: Config, logger: Logger): void {
  const set: string[] = config.MICROSOFT_APP_TYPE !== 'MultiTenant' ? ['MICROSOFT_APP_TYPE'] : [];
  for (const name of ['MICROSOFT_APP_TENANT_ID', 'MICROSOFT_OPENID_METADATA_URL', 'MICROSOFT_APP_PASSWORD'] as const)
    if (config[name] !== undefined) set.push(name);
  if (set.length === 0) {
    logger.info(
      'Teams is not configured (no MICROSOFT_APP_ID): /api/messages serves only a Bot Framework Emulator on this machine, without authentication.',
      { route: TEAMS_ROUTE },
    );
    return;
  }
  logger.warn(
    `TEAMS AUTHENTICATION IS OFF: ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but MICROSOFT_APP_ID is not, so /api/messages checks no tokens and serves only a Bot Framework Emulator on this machine. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams (docs/teams.md).`,
    { route: TEAMS_ROUTE },
  );
}

export async function registerTeams(app: App): Promise<void> {
  const { adapter, auth, appId } = createAdapter(app.config, app.logger);
  const deps = { adapter, appId, references: app.platform.teamsReferences, logger: app.logger };
  const bot = new TeamsBot({
    ...deps,
    inbox: app.inbox,
    bot: app.bot,
    directory: app.stores.directory,
    reach: {
      ...deps,
      services: { stores: app.stores, clock: app.clock, logger: app.logger, events: app.events },
      notifier: app.notifier,
    },
  });
  app.http.add({
    method: 'POST',
    path: TEAMS_ROUTE,
    handler: (req, res, ctx) =>
      receive(
        req,
        res,
        { adapter, auth, appId, clock: app.clock, logger: app.logger, requestId: ctx.requestId },
        (context) => bot.run(context),
      ),
  });
  const notifier = new TeamsNotifier(deps);
  app.notifier.register('teams', notifier);
  app.inbox.register('teams', teamsReplayer(app.bot, app.notifier, notifier, app.logger));
}
