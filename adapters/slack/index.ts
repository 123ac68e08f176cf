// The Slack adapter: Bolt mounted on our HTTP server at POST /slack/events (or Socket Mode when
// SLACK_APP_TOKEN is set), the listeners, and the notifier. Start-up never calls Slack: the bot's
// ids come from SLACK_BOT_USER_ID and SLACK_BOT_ID, or from auth.test on the first request.
import { App as BoltApp, SocketModeReceiver, type Authorize } from '@slack/bolt';
import { addInstallRoutes, isNotInstalled, listenForUninstall, manyWorkspaces } from './oauth.ts';
import type { App } from '../server/app.ts';
import { clientOptions, createSlackApi, slackErrorCode, type SlackApi } from './api.ts';
import { registerListeners } from './listeners/index.ts';
import { buildParts, type SlackParts } from './parts.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { inboxMiddleware, slackReplayer } from './inbox.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

const adapters = new WeakMap<App, SlackParts>();

/** The running Slack adapter of an app (tests wait on `inFlight.settled()`). */
export const slackOf = (app: App): SlackParts | undefined => adapters.get(app);

/** The bot's token and ids; the ids are looked up (once) only if they were not configured. */
function authorizer(
  api: SlackApi,
  token: string,
  botId: string | undefined,
  botUserId: string | undefined,
): Authorize<boolean> {
  let ids: Promise<{ botId?: string; botUserId?: string }> | undefined =
    botId && botUserId ? Promise.resolve({ botId, botUserId }) : undefined;
  return async () => {
    ids ??= api.auth
      .test()
      .then((r) => ({ ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) }));
    try {
      return { botToken: token, ...(await ids) };
    } catch (error) {
      ids = undefined; // try again on the next request
      throw error;
    }
  };
}

export async function registerSlack(app: App): Promise<SlackParts> {
  // Each piece gets only what it uses from the app.
  const { config, logger, stores, clock, notifier, bot } = app;
  const { slackDirect } = app.platform;
  // Many workspaces: each is served with its own installation's token (oauth.ts); else the one token.
  const many = config.slack.manyWorkspaces ? manyWorkspaces(config, app.database, logger) : undefined;
  const single = many ? undefined : createSlackApi(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger);
  const parts = buildParts(
    { stores, clock, logger, notifier, directChannels: slackDirect },
    many?.clients.apiFor ?? single!,
  );
  const options = clientOptions(config.SLACK_API_URL, logger);
  const socketMode = !!config.SLACK_APP_TOKEN;
  const receiver = socketMode
    ? // the socket client keeps its own patient retry policy for apps.connections.open
      new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN!,
        logger: options.logger,
        installerOptions: { clientOptions: { slackApiUrl: options.slackApiUrl } },
      })
    : new SlackHttpReceiver(config.SLACK_SIGNING_SECRET!, clock, logger, options.logger, parts.inFlight, app.inbox);
  const bolt = new BoltApp({
    receiver,
    authorize:
      many?.authorize ?? authorizer(single!, config.SLACK_BOT_TOKEN!, config.SLACK_BOT_ID, config.SLACK_BOT_USER_ID),
    logger: options.logger,
    clientOptions: options,
    // Bolt's in-memory conversation store is unused here, and its lookup builds an Error per event
    convoStore: false,
  });
  bolt.error(async (error) => {
    if (isNotInstalled(error)) {
      // a workspace that never installed the app, or uninstalled it: nothing is done for it
      logger.warn('slack request from a workspace without an installation refused', {
        platform: 'slack',
        code: 'not_installed',
      });
      return;
    }
    logger.error('slack listener failed', { platform: 'slack', code: slackErrorCode(error) });
    throw error; // to the durable inbox, which tries it again or tells the person
  });
  if (socketMode) inboxMiddleware(bolt, app.inbox, parts.inFlight);
  registerListeners(bolt, { bot, stores, logger, slack: parts });
  if (many) {
    listenForUninstall(bolt, many, logger);
    addInstallRoutes(app.http, many, logger);
  }
  app.inbox.register('slack', slackReplayer(bolt, parts, logger));
  parts.bolt = bolt;

  if (receiver instanceof SlackHttpReceiver) {
    app.http.add({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handler: (req, res, ctx) => receiver.handle(req, res, ctx),
    });
  } else {
    // Connecting is Slack's business, not start-up's: the server runs while the socket (re)connects.
    void bolt.start().then(
      () => logger.info('slack socket mode connected', { platform: 'slack' }),
      (error) =>
        logger.error('slack socket mode failed to connect', { platform: 'slack', code: slackErrorCode(error) }),
    );
    app.onClose(async () => void (await bolt.stop().catch(() => undefined)));
  }
  app.onClose(() => parts.inFlight.settled());
  app.notifier.register('slack', parts.notifier);
  adapters.set(app, parts);
  logger.info('slack adapter ready', {
    platform: 'slack',
    kind: socketMode ? 'socket-mode' : many ? 'http-many-workspaces' : 'http',
    path: SLACK_EVENTS_PATH,
  });
  return parts;
}
