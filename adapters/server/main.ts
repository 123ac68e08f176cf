// `npm start`: configure, migrate, seed, register the adapters and listen.
import { ConfigError, loadConfig } from '../config.ts';
import { MigrationError } from '../persistence/migrate.ts';
import { createApp, type App } from './app.ts';
import { registerAdapters } from './adapters.ts';
import { playgroundBanner } from '../web/security.ts';

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<{ app: App; url: string }> {
  const config = loadConfig(env);
  const app = await createApp(config);
  try {
    await registerAdapters(app);
    const url = await app.http.listen(config.PORT, config.HOST);
    return { app, url };
  } catch (error) {
    await app.close();
    throw error;
  }
}

export async function main(): Promise<void> {
  try {
    const { app, url } = await startServer();
    app.logger.info('partnership-bot is listening', { url });
    process.stdout.write(`\npartnership-bot is running at ${url}  (health: ${url}/healthz)\n`);
    process.stdout.write(`${playgroundBanner(app.config, url)}\n`);
    process.stdout.write('\n');
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.logger.info('shutting down', { code: signal });
      await app.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`The port is already in use. Stop the other program or set PORT to a free port (for example PORT=3001).\n`);
      process.exit(78);
    }
    throw error;
  }
}
