// Starts the real server (the same createApp and registerAdapters as `npm start`) on a random
// loopback port with a fresh database. Tests pass their own environment.
import { loadConfig } from '../../adapters/config.ts';
import { createApp, type App } from '../../adapters/server/app.ts';
import { registerAdapters } from '../../adapters/server/adapters.ts';
import { silentLogger } from '../../adapters/log.ts';
import type { Clock, Logger } from '../../src/services/ports/index.ts';
import { testDatabaseUrl } from './db.ts';

export interface TestApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<TestApp> {
  // The playground is off unless a test asks for it: its notifier would also reach every demo person.
  // Cards redrawn after every vote, so a test sees each count (the interval has its own test).
  const base = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    SCHEDULER: 'false',
    PLAYGROUND: 'false',
    CARD_REFRESH_INTERVAL_MS: '0',
  };
  // With the demo seeded at start (the default), PostgreSQL copies a template that already has it.
  const db = env.DATABASE_URL ? null : await testDatabaseUrl({ demo: loadConfig({ ...base, ...env }).SEED_DEMO });
  const config = loadConfig({ ...base, ...(db ? { DATABASE_URL: db.url } : {}), ...env });
  const app = await createApp(config, {
    logger: options.logger ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await registerAdapters(app);
  const url = await app.http.listen(0, '127.0.0.1');
  return {
    app,
    url: url.replace('localhost', '127.0.0.1'),
    async close() {
      await app.close();
      db?.remove();
    },
  };
}
