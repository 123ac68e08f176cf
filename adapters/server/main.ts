// `npm start`: configure, migrate, seed, register the adapters and listen. A setting that cannot
// be used stops start-up with one line on stderr naming it and what to do, and exit code 78.
import { ConfigError, databaseSetting, loadConfig, type Config } from '../config.ts';
import { createLogger, type Level } from '../log.ts';
import { providerOf, sqlitePath } from '../persistence/database.ts';
import { MigrationError } from '../persistence/migrate.ts';
import { probePostgres } from '../persistence/postgres-checks.ts';
import { prepareSqliteFile } from '../persistence/sqlite-checks.ts';
import { describeStartupProblem, errorCode, hidePassword, oneLine, StartupProblem } from '../startup-problem.ts';
import type { App } from './app.ts';
import { checkListen, listenProblem, resolveHost, within, type StartupStage } from './startup.ts';
import { playgroundBanner } from '../web/security.ts';

/**
 * The backstop for a start-up that stops moving. Each known wait has its own, shorter limit
 * (PostgreSQL connect 5 s, HOST lookup 5 s, SQLite lock 10 s, the migration tool 120 s).
 */
export const STARTUP_DEADLINE_MS = 180_000;

/** The cheap checks, before the application's modules load, so a bad setting is named in a second or two. */
async function preflight(config: Config, stage: StartupStage): Promise<string> {
  Object.assign(stage, { doing: 'checking the database settings', variable: databaseSetting(config) });
  if (providerOf(config.DATABASE_URL) === 'postgres') await probePostgres(config.DATABASE_URL);
  else prepareSqliteFile(sqlitePath(config.DATABASE_URL), databaseSetting(config));
  Object.assign(stage, { doing: 'checking HOST and PORT', variable: 'HOST' });
  const address = await resolveHost(config.HOST);
  await checkListen(config.PORT, address, config.HOST);
  return address;
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  stage: StartupStage = { doing: '', variable: '.env' },
): Promise<{ app: App; url: string }> {
  const config = loadConfig(env);
  const address = await preflight(config, stage);
  Object.assign(stage, { doing: 'opening and migrating the database', variable: databaseSetting(config) });
  const [{ createApp }, { registerAdapters }] = await Promise.all([import('./app.ts'), import('./adapters.ts')]);
  const app = await createApp(config);
  try {
    Object.assign(stage, { doing: 'starting the chat adapters', variable: '.env' });
    await registerAdapters(app);
    Object.assign(stage, { doing: 'starting to listen', variable: 'HOST' });
    const url = await app.http.listen(config.PORT, address).catch((error: unknown) => {
      throw listenProblem(error, config.PORT, config.HOST);
    });
    return { app, url };
  } catch (error) {
    await app.close();
    throw error;
  }
}

export async function main(): Promise<void> {
  try {
    const stage: StartupStage = { doing: 'reading the configuration', variable: '.env' };
    const stalled = () =>
      new StartupProblem(
        'E_STARTUP_STALLED',
        stage.variable,
        `start-up made no progress for ${STARTUP_DEADLINE_MS / 1000} seconds while ${stage.doing}`,
        `Check ${stage.variable}; run with LOG_LEVEL=debug for details`,
      );
    const { app, url } = await within(startServer(process.env, stage), STARTUP_DEADLINE_MS, stalled);
    app.logger.info('partnership-bot is listening', { url });
    process.stdout.write(`\npartnership-bot is running at ${url}  (health: ${url}/healthz)\n`);
    process.stdout.write(`${playgroundBanner(app.config, url)}\n`);
    process.stdout.write('\n');
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) {
        // A second signal: whoever sent it will not wait. Nothing is lost: sends still claimed
        // are tried again once their claims expire (docs/review.md).
        app.logger.warn('shutdown cut short', { code: signal });
        process.exit(1);
      }
      stopping = true;
      // Scheduled jobs first: a review sweep ends after the message it is sending, not its whole run.
      app.scheduler.halt();
      app.logger.info('shutting down', { code: signal });
      // A chat call that never answers must not keep the server up: past the grace period it
      // exits as a crash would, and the inbox and the sends' claims make that lose nothing.
      const grace = setTimeout(() => {
        app.logger.warn('shutdown cut short', { code: 'E_SHUTDOWN_GRACE', seconds: app.config.SHUTDOWN_GRACE_SECONDS });
        process.exit(1);
      }, app.config.SHUTDOWN_GRACE_SECONDS * 1000);
      grace.unref();
      await app.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    const { line, exitCode } = startupFailure(error);
    process.stderr.write(`${line}\n`);
    process.exit(exitCode);
  }
}

/** The one report of a failed start-up: what stderr shows and the exit code. */
export function startupFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof StartupProblem) return { line: describeStartupProblem(error), exitCode: 78 }; // EX_CONFIG
  if (error instanceof ConfigError) return { line: error.message, exitCode: 78 }; // lists every malformed variable, one a line
  if (error instanceof MigrationError) return { line: oneLine(hidePassword(error.message)), exitCode: 78 };
  // Not foreseen: one line here, the details in the log at debug level (no personal data exists yet).
  const e = error instanceof Error ? error : new Error(String(error));
  const code = errorCode(e);
  const message = hidePassword(oneLine(e.message)).slice(0, 300);
  createLogger(logLevel(process.env.LOG_LEVEL)).debug('start-up failed', {
    kind: e.name,
    code,
    reason: message,
    frames: (e.stack ?? '')
      .split('\n')
      .filter((l) => l.trim().startsWith('at '))
      .map((l) => l.trim())
      .slice(0, 15),
  });
  // Prisma's messages open with the call and a code excerpt; the reason is their last line.
  const lines = e.message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const reason = hidePassword((/invocation/.test(lines[0] ?? '') ? lines.at(-1) : lines[0]) ?? '').slice(0, 160);
  const summary = `${e.name}${code ? ` ${code}` : ''}: ${reason}`;
  return { line: `partnership-bot could not start (${summary}). Run with LOG_LEVEL=debug for details.`, exitCode: 70 }; // EX_SOFTWARE
}

const logLevel = (value: string | undefined): Level => {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'debug' || v === 'warn' || v === 'error' ? v : 'info';
};
