// A setting that passes the configuration check but cannot be used stops `npm start` (the real
// `node bin/server.mjs` process) with exit code 78 and exactly one line on stderr that names the
// variable and says what to do: no stack trace, and no hang (each run is bounded; a server still
// running at the bound fails the test). Passwords in DATABASE_URL are never echoed.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedMigrations } from '../../adapters/persistence/migrate.ts';
import { startServerProcess } from '../postgres/server-process.ts';
import { newDatabaseUrl, TEST_PROVIDER } from '../support/db.ts';
import { ROOT, TEMPLATE_DB } from '../support/paths.ts';
import { databaseUrl, testCluster } from '../support/postgres.ts';
import {
  closedPort,
  NOBODY,
  refusingPostgres,
  runServerUntilExit,
  SERVER_RUN_TEST,
  silentServer,
  type Exited,
  type Loopback,
  type RunOptions,
} from './support.ts';

/** Exit 78 and one line "VARIABLE: ...": the whole of stderr. */
function expectOneLine(run: Exited, variable: string, says: RegExp): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 78, stderr: expect.stringMatching(/^[^\n]+\n$/) });
  expect(run.stderr.startsWith(`${variable}: `)).toBe(true);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
}

const isRoot = process.getuid?.() === 0;
/** As root the server runs as `nobody` for the permission cases, if nobody can read the checkout. */
const unprivileged: RunOptions | null = !isRoot
  ? {}
  : spawnSync(
        process.execPath,
        ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'node_modules', 'tsx', 'package.json'))})`],
        NOBODY,
      ).status === 0
    ? { asNobody: true }
    : null;
const unprivilegedPortStart = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
  } catch {
    return 1024;
  }
})();

describe.concurrent('start-up stops in one line when DATA_DIR cannot be used', SERVER_RUN_TEST, () => {
  it('DATA_DIR is a file', async () => {
    const run = await runServerUntilExit(
      { DATA_DIR: 'notes.txt' },
      { prepare: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'not a folder\n') },
    );
    expectOneLine(run, 'DATA_DIR', /notes\.txt is a file, not a folder\. Set DATA_DIR to a folder this user can write/);
  });

  it('DATA_DIR is under /dev/null', async () => {
    expectOneLine(
      await runServerUntilExit({ DATA_DIR: '/dev/null/x' }),
      'DATA_DIR',
      /\/dev\/null is a device, not a folder/,
    );
  });

  it("DATA_DIR is under /proc (where Node's own recursive mkdir spins forever)", async () => {
    expectOneLine(
      await runServerUntilExit({ DATA_DIR: '/proc/partnership-bot' }),
      'DATA_DIR',
      /the folder \/proc\/partnership-bot cannot be created \(\/proc does not allow new folders\)/,
    );
  });

  it.runIf(!!unprivileged)('DATA_DIR is a folder this user cannot write', async () => {
    const run = await runServerUntilExit(
      { DATA_DIR: 'locked' },
      { ...unprivileged, prepare: (cwd) => mkdirSync(join(cwd, 'locked'), { mode: 0o555 }) },
    );
    expectOneLine(run, 'DATA_DIR', /this user cannot write in the folder .*locked \(permission denied\)/);
  });

  it.runIf(!!unprivileged)('DATA_DIR cannot be created', async () => {
    const run = await runServerUntilExit(
      { DATA_DIR: 'locked/data' },
      { ...unprivileged, prepare: (cwd) => mkdirSync(join(cwd, 'locked'), { mode: 0o555 }) },
    );
    expectOneLine(run, 'DATA_DIR', /the folder .*locked\/data cannot be created \(permission denied\)/);
  });

  it('a .env that cannot be read', async () => {
    const run = await runServerUntilExit({}, { prepare: (cwd) => mkdirSync(join(cwd, '.env')) });
    expectOneLine(run, '.env', /the file cannot be read \([A-Z_]+\)/);
  });
});

describe.concurrent('start-up stops in one line when a SQLite DATABASE_URL cannot be used', SERVER_RUN_TEST, () => {
  it('names a folder', async () => {
    const run = await runServerUntilExit(
      { DATABASE_URL: 'file:./db' },
      { prepare: (cwd) => mkdirSync(join(cwd, 'db')) },
    );
    expectOneLine(
      run,
      'DATABASE_URL',
      /\/db is a folder, not a database file\. Name a file, for example DATABASE_URL=file:.*\/db\/partnership-bot\.db/,
    );
  });

  it('names a file that is not a database', async () => {
    const run = await runServerUntilExit(
      { DATABASE_URL: 'file:./notes.txt' },
      { prepare: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'shopping list\n') },
    );
    expectOneLine(run, 'DATABASE_URL', /notes\.txt is not a SQLite database/);
  });

  it('names a device', async () => {
    expectOneLine(
      await runServerUntilExit({ DATABASE_URL: 'file:/dev/null' }),
      'DATABASE_URL',
      /\/dev\/null is a device, not a database file/,
    );
  });

  it('names a file under /proc', async () => {
    expectOneLine(
      await runServerUntilExit({ DATABASE_URL: 'file:/proc/partnership-bot.db' }),
      'DATABASE_URL',
      /the database file \/proc\/partnership-bot\.db cannot be created \(that folder takes no new files\)/,
    );
  });

  it.runIf(!!unprivileged)('names a file this user cannot write', async () => {
    const run = await runServerUntilExit(
      { DATABASE_URL: 'file:./read-only.db' },
      {
        ...unprivileged,
        prepare: (cwd) => {
          copyFileSync(TEMPLATE_DB, join(cwd, 'read-only.db'));
          chmodSync(join(cwd, 'read-only.db'), 0o444);
        },
      },
    );
    expectOneLine(run, 'DATABASE_URL', /this user cannot write the database file .*read-only\.db/);
  });
});

describe.concurrent('start-up stops in one line when a PostgreSQL DATABASE_URL cannot be used', SERVER_RUN_TEST, () => {
  const stand: { silent?: Loopback; wrongPassword?: Loopback; noDatabase?: Loopback } = {};
  beforeAll(async () => {
    stand.silent = await silentServer();
    stand.wrongPassword = await refusingPostgres('28P01', 'password authentication failed for user "bot"');
    stand.noDatabase = await refusingPostgres('3D000', 'database "bot" does not exist');
  });
  afterAll(async () => {
    await Promise.all(Object.values(stand).map((s) => s.close()));
  });

  it('an unparsable URL, without echoing the password', async () => {
    const run = await runServerUntilExit({ DATABASE_URL: 'postgresql://bot:hunter2@[bad/x' });
    expectOneLine(run, 'DATABASE_URL', /is not a valid PostgreSQL URL.*percent-encoded/);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a port that is not a number', async () => {
    expectOneLine(
      await runServerUntilExit({ DATABASE_URL: 'postgresql://host:notaport/db' }),
      'DATABASE_URL',
      /is not a valid PostgreSQL URL/,
    );
  });

  it('nothing listening on the port', async () => {
    const port = await closedPort();
    const run = await runServerUntilExit({ DATABASE_URL: `postgresql://bot:hunter2@127.0.0.1:${port}/bot` });
    expectOneLine(
      run,
      'DATABASE_URL',
      new RegExp(`nothing accepts connections at 127\\.0\\.0\\.1:${port}\\. Start PostgreSQL there`),
    );
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a server that never answers (a firewall dropping packets) is given up after the connect timeout', async () => {
    const run = await runServerUntilExit({
      DATABASE_URL: `postgresql://bot:hunter2@127.0.0.1:${stand.silent!.port}/bot`,
    });
    expectOneLine(run, 'DATABASE_URL', /PostgreSQL at 127\.0\.0\.1:\d+ did not answer within 5 seconds/);
  });

  it('a wrong password', async () => {
    const run = await runServerUntilExit({
      DATABASE_URL: `postgresql://bot:hunter2@127.0.0.1:${stand.wrongPassword!.port}/bot`,
    });
    expectOneLine(
      run,
      'DATABASE_URL',
      /refused the user "bot" \(28P01\)\. Check the user and password in DATABASE_URL/,
    );
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a database that does not exist', async () => {
    const run = await runServerUntilExit({
      DATABASE_URL: `postgresql://bot:hunter2@127.0.0.1:${stand.noDatabase!.port}/bot`,
    });
    expectOneLine(
      run,
      'DATABASE_URL',
      /the database "bot" does not exist at 127\.0\.0\.1:\d+\. Create it \(createdb bot\)/,
    );
  });

  it.runIf(TEST_PROVIDER === 'postgres')('a database that does not exist on the real test server', async () => {
    const run = await runServerUntilExit({ DATABASE_URL: databaseUrl(testCluster().adminUrl, 'no_such_database') });
    expectOneLine(run, 'DATABASE_URL', /the database "no_such_database" does not exist/);
  });

  it.runIf(TEST_PROVIDER === 'postgres')('a user the real test server does not know', async () => {
    const run = await runServerUntilExit({
      DATABASE_URL: testCluster().adminUrl.replace('//postgres@', '//nobody_here:secret@'),
    });
    expectOneLine(run, 'DATABASE_URL', /refused the user "nobody_here" \(28000\)/);
    expect(run.stderr).not.toContain('secret');
  });
});

describe.concurrent('start-up stops in one line when HOST or PORT cannot be used', SERVER_RUN_TEST, () => {
  it('HOST is not a valid address', async () => {
    expectOneLine(
      await runServerUntilExit({ HOST: '256.1.1.1' }),
      'HOST',
      /256\.1\.1\.1 is neither an IP address nor a name that resolves.*Set HOST to an address of this machine/,
    );
  });

  it('HOST is a name that does not resolve', async () => {
    expectOneLine(
      await runServerUntilExit({ HOST: 'example.invalid' }),
      'HOST',
      /example\.invalid (is neither an IP address nor a name that resolves|could not be looked up)/,
    );
  });

  it('HOST is an address of another machine (nothing is sent to it: binding fails locally)', async () => {
    expectOneLine(
      await runServerUntilExit({ HOST: '192.0.2.1' }),
      'HOST',
      /192\.0\.2\.1 is not an address of this machine/,
    );
  });

  it('PORT is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      expectOneLine(
        await runServerUntilExit({ PORT: String(port) }),
        'PORT',
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use\\. Stop the other program or set PORT`),
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it.runIf(!!unprivileged && unprivilegedPortStart > 1)(
    'PORT is a privileged port and the server is not root',
    async () => {
      expectOneLine(
        await runServerUntilExit({ PORT: '1' }, unprivileged!),
        'PORT',
        /port 1 cannot be used \(ports below 1024 need administrator rights\)\. Set PORT to 1024 or above/,
      );
    },
  );
});

describe('an unforeseen start-up failure', SERVER_RUN_TEST, () => {
  /** A database that claims every migration but has none of the tables: seeding the demo fails. */
  const prepare = (cwd: string) => {
    const db = new Sqlite(join(cwd, 'hollow.db'));
    db.exec('CREATE TABLE _prisma_migrations (migration_name TEXT, finished_at DATETIME, rolled_back_at DATETIME)');
    for (const name of committedMigrations('sqlite'))
      db.prepare('INSERT INTO _prisma_migrations VALUES (?, CURRENT_TIMESTAMP, NULL)').run(name);
    db.close();
  };
  const env = { DATABASE_URL: 'file:./hollow.db', SEED_DEMO: 'true' };

  it('is one line with a hint, and no stack trace', async () => {
    const run = await runServerUntilExit(env, { prepare });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(
      /^partnership-bot could not start \(PrismaClientKnownRequestError P2021: The table `main.Partnership` does not exist[^\n]*\)\. Run with LOG_LEVEL=debug for details\.\n$/,
    );
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(run.stdout).toBe('');
  });

  it('with LOG_LEVEL=debug the details are in the log; stderr is still one line', async () => {
    const run = await runServerUntilExit({ ...env, LOG_LEVEL: 'debug' }, { prepare });
    expect(run.stderr).toMatch(
      /^partnership-bot could not start \([^\n]+\)\. Run with LOG_LEVEL=debug for details\.\n$/,
    );
    const logged = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((e) => e.message === 'start-up failed');
    expect(logged).toMatchObject({
      level: 'debug',
      kind: 'PrismaClientKnownRequestError',
      code: 'P2021',
      frames: expect.arrayContaining([expect.stringMatching(/^at /)]),
    });
  });
});

describe('settings that can be used still start the server', () => {
  it('the test database, and a DATA_DIR several folders deep that does not exist yet', async () => {
    const target = newDatabaseUrl();
    const fresh = join(ROOT, 'test', '.tmp', `startup-fresh-${process.pid}`, 'a', 'b');
    try {
      for (const env of [{ DATABASE_URL: target.url }, { DATA_DIR: fresh }] as Record<string, string>[]) {
        const server = await startServerProcess({ ...env, SCHEDULER: 'false' });
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        expect(await server.stop()).toBe(0);
      }
    } finally {
      target.remove();
      rmSync(join(fresh, '..', '..'), { recursive: true, force: true });
    }
  }, 600_000); // two server processes, each with its own start-up bound (test/postgres/server-process.ts)
});
