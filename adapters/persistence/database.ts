// Opens the database named by DATABASE_URL: `file:` is the embedded SQLite default,
// `postgres://` / `postgresql://` is PostgreSQL. Both go through Prisma driver adapters, so no
// engine binary is ever downloaded (docs/database.md).
import type { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { pgFastSql, sqliteFastSql, type FastSql, type SqliteConnection } from './fast-sql.ts';
import { postgresTarget } from './postgres-checks.ts';
import { prepareSqliteFile, sqliteOpenProblem, type SqliteSetting } from './sqlite-checks.ts';
import { serialisedFactory } from './sqlite-serial.ts';
import { inboxMarkingFactory } from './inbox-marking.ts';
import { walSync } from './wal-sync.ts';

export type Provider = 'sqlite' | 'postgres';
/** Both generated clients describe the same models; the SQLite one's type stands for both. */
export type Db = InstanceType<typeof SqliteClient>;

export const providerOf = (url: string): Provider => (/^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite');

/** `file:/abs/path.db` -> `/abs/path.db` */
export const sqlitePath = (url: string): string => url.replace(/^file:/, '');

export interface Database {
  db: Db;
  /** prepared statements on the same connection or pool, for the hot paths (fast-sql.ts) */
  sql: FastSql;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size per process */
  poolSize?: number;
  /** Called for every SQL statement sent (the benchmark counts queries per interaction). */
  onQuery?: (sql: string, ms: number) => void;
  /** the setting that chose a SQLite file, named when it cannot be used (default DATABASE_URL) */
  setting?: SqliteSetting;
}

type QueryEvents = { $on(event: 'query', listener: (e: { query: string; duration: number }) => void): void };
const queryLog = (options: OpenOptions) => ({
  log: options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [],
});

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  let db: Db;
  let sql: FastSql;
  let closePool = async () => {};
  let closeLog = async () => {};
  if (provider === 'sqlite') {
    const file = sqlitePath(url);
    const setting = options.setting ?? 'DATABASE_URL';
    if (file !== ':memory:') prepareSqliteFile(file, setting);
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    // Each provider's client is loaded only when used: they are large, and start-up matters.
    const { PrismaClient: SqliteClient } = await import('./generated/sqlite/client.ts');
    // WAL lets readers continue while a vote is written; busy_timeout queues concurrent writers
    // instead of failing them (several requests, or the CLI beside the server).
    let connection: SqliteConnection | null = null;
    const serialised = serialisedFactory(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }), (opened, lock) => {
      connection = { client: (opened as unknown as { client: SqliteConnection['client'] }).client, lock };
    });
    // outermost: a refused mark rolls back through the serialising proxy, which releases its lock
    const adapter = inboxMarkingFactory(serialised, 'sqlite');
    db = new SqliteClient({ adapter, ...queryLog(options) }) as unknown as Db;
    const log = file === ':memory:' ? undefined : walSync(file);
    closeLog = async () => log?.close();
    sql = sqliteFastSql(
      () => {
        if (!connection) throw new Error('the SQLite connection is not open yet');
        return connection;
      },
      options.onQuery,
      log,
    );
    try {
      await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      // Said explicitly: better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so in WAL mode
      // a connection that never sets it commits without a disk sync (NORMAL), although the pragma
      // still reads 2. FULL syncs the WAL at every commit: what is acknowledged survives a power cut.
      await db.$queryRawUnsafe('PRAGMA synchronous = FULL');
      await db.$queryRawUnsafe('PRAGMA busy_timeout = 10000');
      await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
      // Deleted and overwritten content is zeroed in the file, not left in free space: a closed
      // secret ballot's choices must not be recoverable from it (decision-store.ts).
      await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
    } catch (error) {
      await db.$disconnect().catch(() => undefined);
      throw sqliteOpenProblem(error, file, setting);
    }
  } else {
    await postgresTarget(url); // an unparsable URL is named here, not deep inside pg
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { default: pg } = await import('pg');
    const { PrismaClient: PgClient } = await import('./generated/postgres/client.ts');
    // One pool for Prisma and the prepared statements alike.
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
    closePool = async () => {
      if (!pool.ended) await pool.end();
    };
    const adapter = inboxMarkingFactory(new PrismaPg(pool), 'postgres');
    sql = pgFastSql(pool, options.onQuery);
    db = new PgClient({ adapter, ...queryLog(options) }) as unknown as Db;
  }
  const onQuery = options.onQuery;
  if (onQuery) (db as unknown as QueryEvents).$on('query', (e) => onQuery(e.query, e.duration));
  return {
    db,
    sql,
    provider,
    url,
    close: async () => {
      await db.$disconnect();
      await closePool();
      await closeLog();
    },
  };
}
