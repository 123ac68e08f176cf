// Builds the running application: configuration, database, core, HTTP server. Each chat adapter
// then registers itself with `register(app)`.
import { createBot, type Bot } from '../../src/bot/bot.ts';
import { InFlight } from '../../src/in-flight.ts';
import { systemClock, type Clock, type Logger, type Stores } from '../../src/ports/index.ts';
import { databaseSetting, type Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { openMigrated, type Database } from '../persistence/index.ts';
import { seedDemo } from '../persistence/seed.ts';
import { HttpServer, sendJson } from './http.ts';
import { NotifierRegistry } from '../../src/notify.ts';
import { Scheduler } from '../scheduler/index.ts';
import { OffsetClock } from '../web/clock.ts';
import { playgroundDecision } from '../web/security.ts';

export interface App {
  config: Config;
  database: Database;
  stores: Stores;
  bot: Bot;
  clock: Clock;
  /**
   * The clock of the world outside: request signatures and tokens are checked against it, never
   * the playground's pretended date. The given clock (tests' fake clocks), else the system's.
   */
  wallClock: Clock;
  logger: Logger;
  http: HttpServer;
  /** adapters register their platform's notifier here */
  notifier: NotifierRegistry;
  /** follow-up work after an answer (card refreshes): shutdown and tests wait for it */
  background: InFlight;
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
  // The playground's "pretend it is <date>" moves this clock; without the playground it is the given one.
  const wallClock = options.clock ?? systemClock;
  const clock = playgroundDecision(config).run ? new OffsetClock(wallClock) : wallClock;
  const { database, stores, applied } = await openMigrated(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, setting: databaseSetting(config) });
  if (applied.length) logger.info('database migrated', { provider: database.provider, count: applied.length });
  if (config.SEED_DEMO) {
    const seeded = await seedDemo(stores, database.db);
    if (seeded) logger.info('demo partnership seeded', { partnershipId: seeded.partnership.id });
  }
  const http = new HttpServer(logger);
  const closers: (() => Promise<void> | void)[] = [];
  const notifier = new NotifierRegistry(stores, logger);
  const background = new InFlight();
  const app: App = {
    config, database, stores, clock, wallClock, logger, http, notifier, background,
    scheduler: undefined as unknown as Scheduler, // set just below: it needs the app
    bot: createBot({ stores, clock, logger, notifier, background, cardRefreshIntervalMs: config.CARD_REFRESH_INTERVAL_MS }),
    onClose: (fn) => void closers.push(fn),
    async close() {
      await background.settled();
      for (const fn of closers.reverse()) await fn();
      await background.settled(); // started by requests the closers let finish
      await http.close();
      await database.close();
    },
  };
  app.scheduler = new Scheduler(app);
  app.onClose(() => app.scheduler.stop());
  http.add({
    method: 'GET',
    path: '/healthz',
    async handler(_req, res) {
      try {
        await database.db.$queryRawUnsafe('SELECT 1');
        sendJson(res, 200, { status: 'ok', database: database.provider });
      } catch {
        sendJson(res, 503, { status: 'unavailable', database: database.provider, message: 'The database is not answering.' });
      }
    },
  });
  return app;
}
