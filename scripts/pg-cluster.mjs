// A throwaway PostgreSQL cluster on a random loopback port, from the machine's initdb/pg_ctl
// (Debian's postgresql package). Used by the tests, the benchmark and scripts/new-migration.mjs.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBinary(name) {
  const found = spawnSync(
    'sh',
    ['-c', `command -v ${name} || ls /usr/lib/postgresql/*/bin/${name} 2>/dev/null | sort -V | tail -n 1`],
    { encoding: 'utf8' },
  );
  const path = (found.stdout ?? '').trim().split('\n').pop();
  return path || null;
}

export function postgresAvailable() {
  return !!findBinary('initdb') && !!findBinary('pg_ctl');
}

export const MISSING_POSTGRES =
  'PostgreSQL server binaries (initdb, pg_ctl) are not installed. Install them with `apt-get install postgresql` ' +
  '(Debian/Ubuntu; .ci/run does this on CI), then run again.';

/**
 * Runs SQL synchronously through psql (the client that ships with the server package). The test
 * support uses it to create and drop a database inside synchronous helpers.
 */
export function runSqlSync(url, sql) {
  const psql = findBinary('psql');
  if (!psql) throw new Error('psql is not installed: apt-get install postgresql-client');
  execFileSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; returns { url(database), port, stop() }. Databases are created with createDatabase(name). */
export async function startPostgres() {
  const initdb = findBinary('initdb');
  const pgctl = findBinary('pg_ctl');
  if (!initdb || !pgctl) throw new Error(MISSING_POSTGRES);
  const dir = mkdtempSync(join(tmpdir(), 'pb-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (bin, args) => {
    if (asRoot)
      execFileSync(
        'su',
        ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')],
        { stdio: 'pipe' },
      );
    else execFileSync(bin, args, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  let port = 0;
  try {
    run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
      try {
        run(pgctl, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
        break;
      } catch (error) {
        if (attempt === 3) throw error; // otherwise the free port was taken meanwhile: pick another
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${String(error.stderr || error.message).trim()}`);
  }
  let stopped = false;
  const base = `postgresql://postgres@127.0.0.1:${port}`;
  return {
    port,
    url: (database = 'postgres') => `${base}/${database}`,
    async createDatabase(name, template) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    /** Stops the server and removes its folder; safe to call twice. */
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(pgctl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
