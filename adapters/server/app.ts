// Builds the running application: configuration, database, core, HTTP server. Each chat adapter
// then registers itself with `register(app)`.
import { createBot, type Bot } from '../../src/bot/bot.ts';
import { InFlight } from '../../src/services/in-flight.ts';
import { systemClock, type Clock, type Logger, type Stores } from '../../src/services/ports/index.ts';
import { databaseSetting, type Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { createPlatformStores, openMigrated, type Database, type PlatformStores } from '../persistence/index.ts';
import { seedDemoOnce } from '../persistence/maintenance-store.ts';
import { isDatabaseOutage } from '../persistence/outage.ts';
import { HttpServer, sendJson } from './http.ts';
import { EventBus } from '../../src/services/events.ts';
import { subscribeNotifications } from '../../src/bot/notifications/index.ts';
import { NotifierRegistry } from '../../src/bot/notifier-registry.ts';
import { Scheduler } from '../scheduler/index.ts';
import { InboxRunner } from '../inbox/runner.ts';

export interface App {
  config: Config;
  database: Database;
  stores: Stores;
  /** what the adapters themselves keep in the database (delivery keys, chat references, leases, ...) */
  platform: PlatformStores;
  bot: Bot;
  /** the real clock, for everything but the playground (which has its own pretend one) */
  clock: Clock;
  /** The same bot over the same stores on another clock (the playground's pretend one). */
  botWith(clock: Clock): Bot;
  logger: Logger;
  http: HttpServer;
  /** adapters register their platform's notifier here */
  notifier: NotifierRegistry;
  /** the services' events, with the chat layer's notices subscribed (one bus for the app) */
  events: EventBus;
  /** follow-up work after an answer (card refreshes): shutdown and tests wait for it */
  background: InFlight;
  /** the durable inbox: adapters write each interaction here before acknowledging it (docs/inbox.md) */
  inbox: InboxRunner;
  /** adapters and features add scheduled jobs here; started by registerAdapters when SCHEDULER is on */
  scheduler: Scheduler;
  /** run at shutdown, in reverse order of registration */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // Real for Slack, Teams and cron alike (request signatures and tokens are checked against it):
  // the playground pretends on a clock of its own (adapters/web).
  const clock = options.clock ?? systemClock;
  const { database, stores, applied } = await openMigrated(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    setting: databaseSetting(config),
  });
  if (applied.length) logger.info('database migrated', { provider: database.provider, count: applied.length });
  if (config.SEED_DEMO) {
    const seeded = await seedDemoOnce(stores, database);
    if (seeded) logger.info('demo partnership seeded', { partnershipId: seeded.partnership.id });
  }
  const platform = createPlatformStores(database);
  const http = new HttpServer(logger, isDatabaseOutage);
  const closers: (() => Promise<void> | void)[] = [];
  const notifier = new NotifierRegistry(stores, logger);
  const background = new InFlight();
  const scheduler = new Scheduler({ leases: platform.leases, clock, logger });
  const inbox = new InboxRunner({
    inbox: platform.inbox,
    clock,
    logger,
    claimMs: config.INBOX_CLAIM_SECONDS * 1000,
  });
  const events = subscribeNotifications(new EventBus(), {
    stores,
    logger,
    notifier,
    background,
    cardRefreshIntervalMs: config.CARD_REFRESH_INTERVAL_MS,
  });
  const botWith = (at: Clock) =>
    createBot({
      stores,
      clock: at,
      logger,
      notifier,
      events,
      background,
      cardRefreshIntervalMs: config.CARD_REFRESH_INTERVAL_MS,
    });
  const app: App = {
    config,
    database,
    stores,
    platform,
    clock,
    logger,
    http,
    notifier,
    events,
    background,
    botWith,
    scheduler,
    inbox,
    bot: botWith(clock),
    onClose: (fn) => void closers.push(fn),
    async close() {
      await background.settled();
      for (const fn of closers.reverse()) await fn();
      await background.settled(); // started by requests the closers let finish
      await http.close();
      await database.close();
    },
  };
  app.onClose(() => scheduler.stop());
  app.onClose(() => inbox.stop()); // no recovery pass starts once shutting down
  http.add({
    method: 'GET',
    path: '/healthz',
    async handler(_req, res) {
      try {
        await platform.health.ping();
        sendJson(res, 200, { status: 'ok', database: database.provider });
      } catch {
        sendJson(res, 503, {
          status: 'unavailable',
          database: database.provider,
          message: 'The database is not answering.',
        });
      }
    },
  });
  return app;
}
