// Prisma CLI configuration. Prisma 6.19 runs here with no engine download only through driver
// adapters and the WebAssembly engine (engine: "js"); see docs/database.md for why.
// The provider follows DATABASE_URL: file:… is SQLite (the default), postgres://… is PostgreSQL.
import { randomUUID } from 'node:crypto';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/partnership-bot.db';
const provider = /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';

async function sqliteAdapter() {
  const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
  const factory = new PrismaBetterSQLite3({ url });
  // `migrate dev` replays migrations in an in-memory shadow database one prepared statement at a
  // time, which fails on multi-statement SQL (P3006); send those through executeScript instead.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectShadow();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (q) =>
      q.args.length === 0 && /;\s*\S/.test(q.sql) ? (await adapter.executeScript(q.sql), 0) : executeRaw(q);
    return adapter;
  };
  return factory;
}

async function pgAdapter() {
  await import('./prisma/pg-name-oid-shim.ts'); // catalog OIDs 18/19/1003 (prisma/orm#27403), CLI only
  await import('./prisma/cli-timer-shim.ts'); // exit when done, not 10 s later (CLI only)
  const { default: pg } = await import('pg');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const u = new URL(url);
  // Discrete fields: a connectionString would override the shadow database's name.
  const cfg = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    // The CLI exits when its work is done instead of waiting ~10 s for idle pool connections to time out.
    allowExitOnIdle: true,
  };
  const factory = new PrismaPg(cfg);
  // Drop the shadow database only after its pool is closed, or the DROP waits forever.
  (factory as unknown as { connectToShadowDb: () => Promise<unknown> }).connectToShadowDb = async () => {
    const admin = async (sql: string) => {
      const c = new pg.Client(cfg);
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await admin(`CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg({ ...cfg, database }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: provider === 'postgres' ? pgAdapter : sqliteAdapter,
});
