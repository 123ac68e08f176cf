// Two real server processes on one empty PostgreSQL database, started at the same moment, behave
// as one: they migrate it once, seed the demo partnership once, both serve, and a delivery
// claimed from both processes at once is won by exactly one of them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { committedMigrations } from '../../adapters/persistence/migrate.ts';
import { DEMO_FILE } from '../../adapters/persistence/seed.ts';
import { newEmptyDatabaseUrl } from '../support/db.ts';
import { ROOT } from '../support/paths.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

const run = promisify(execFile);

describe('two server processes on one PostgreSQL database', () => {
  let target: { url: string; remove(): void };
  let servers: ServerProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    target = newEmptyDatabaseUrl();
    // Both start on the empty database at once: both find it unmigrated and unseeded.
    servers = await Promise.all(
      [1, 2].map(() => startServerProcess({ DATABASE_URL: target.url, SEED_DEMO: 'true', SCHEDULER: 'true' })),
    );
    database = await openDatabase(target.url, { poolSize: 2 });
  });

  afterAll(async () => {
    const codes = await Promise.all(servers.map((s) => s.stop()));
    await database?.close();
    target?.remove();
    expect(codes, 'both servers shut down cleanly on SIGTERM').toEqual(servers.map(() => 0));
  });

  it('both serve /healthz from PostgreSQL', async () => {
    for (const server of servers) {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'postgres' });
    }
    expect(new Set(servers.map((s) => s.url)).size).toBe(2);
  });

  it('applied each committed migration once', async () => {
    const rows = await database.db.$queryRawUnsafe<{ migration_name: string; finished: boolean }[]>(
      'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name',
    );
    expect(rows).toEqual(committedMigrations('postgres').map((migration_name) => ({ migration_name, finished: true })));
  });

  it('seeded the demo partnership once', async () => {
    const demo = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as { people: unknown[] };
    const partnerships = await database.db.partnership.findMany();
    expect(partnerships.map((p) => p.slug)).toEqual(['northfield']);
    expect(await database.db.person.count()).toBe(demo.people.length);
    expect(await database.db.auditEvent.count({ where: { action: 'roster.import' } })).toBe(1);
  });

  it('lets exactly one process win each delivery claimed from both at once', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `slack:event:Ev${i}`);
    const worker = join(ROOT, 'test', 'postgres', 'claim-worker.ts');
    const env = {
      ...process.env,
      DATABASE_URL: target.url,
      CLAIM_KEYS: keys.join(','),
      START_AT: String(Date.now() + 4_000),
    };
    const outputs = await Promise.all(
      [1, 2].map(() => run(process.execPath, ['--import', 'tsx', worker], { cwd: ROOT, env, timeout: 240_000 })),
    );
    const [a, b] = outputs.map((o) => new Set((JSON.parse(o.stdout) as { won: string[] }).won));
    expect([...a!].filter((k) => b!.has(k))).toEqual([]); // nobody won a key twice
    expect(new Set([...a!, ...b!])).toEqual(new Set(keys)); // every key was won once
    expect(await database.db.inboxItem.count({ where: { key: { in: keys } } })).toBe(keys.length);
  });
});
