// Brings a database up to the committed migrations (prisma/<provider>/migrations) with Prisma's
// own `migrate deploy`. A quick look at _prisma_migrations first keeps the common case (already
// up to date) in-process and fast; only a new or outdated database pays for the CLI.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../project-root.ts';
import type { Database } from './database.ts';
import { CONNECT_TIMEOUT_MS, postgresProblem, postgresTarget } from './postgres-checks.ts';

const run = promisify(execFile);
export { projectRoot };

export function committedMigrations(provider: Database['provider']): string[] {
  const dir = join(projectRoot, 'prisma', provider, 'migrations');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

async function appliedMigrations(database: Database): Promise<Set<string>> {
  try {
    const rows = await database.db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set(); // no migrations table yet: a new database
  }
}

export class MigrationError extends Error {
  readonly code = 'E_MIGRATION';
}

/** The committed migrations this database has not applied yet. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const applied = await appliedMigrations(database);
  return committedMigrations(database.provider).filter((m) => !applied.has(m));
}

/**
 * Runs `prisma migrate deploy` against the URL. The caller must not hold the database open
 * (SQLite would make the CLI wait on its lock). On PostgreSQL, server processes starting at the
 * same moment take turns through an advisory lock, and a process that finds the work already done
 * by the one before it skips the CLI.
 */
export async function deployMigrations(url: string, provider: Database['provider']): Promise<void> {
  if (provider === 'postgres')
    return withMigrationLock(url, async (applied) => {
      if (committedMigrations('postgres').every((m) => applied.has(m))) return;
      await runDeploy(url, provider);
    });
  return runDeploy(url, provider);
}

async function runDeploy(url: string, provider: Database['provider']): Promise<void> {
  const cli = join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  try {
    await run(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      timeout: 120_000,
    });
  } catch (error) {
    const detail =
      (error as { stderr?: string }).stderr
        ?.split('\n')
        .filter((l) => /error|P\d{4}/i.test(l))
        .slice(0, 5)
        .join(' ') ?? '';
    throw new MigrationError(
      `Could not migrate the database (${provider}): ${detail || String(error)}. Check DATABASE_URL and that the database is reachable.`,
    );
  }
}

/** Our own advisory lock key ("pbmg"), distinct from the one Prisma's CLI takes inside. */
const MIGRATION_LOCK = 0x70626d67;

/** Holds a session-level advisory lock on the database while `fn` runs; passes the applied migrations. */
async function withMigrationLock(url: string, fn: (applied: Set<string>) => Promise<void>): Promise<void> {
  const { default: pg } = await import('pg');
  const where = await postgresTarget(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined); // a dropped session surfaces through the query that needed it
  try {
    await client.connect();
  } catch (error) {
    throw postgresProblem(error, where);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    let applied = new Set<string>();
    try {
      const rows = await client.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      applied = new Set(rows.rows.map((r) => r.migration_name));
    } catch {
      // no migrations table yet: a new database
    }
    await fn(applied);
  } finally {
    await client.end().catch(() => undefined); // ending the session releases the lock
  }
}
