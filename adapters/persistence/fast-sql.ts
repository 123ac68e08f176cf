// Prepared SQL for the few statements every click runs (who is this, which channel, the cache
// versions, a vote and its audit row). Prisma's client compiles each query anew (about half a
// millisecond) and better-sqlite3 re-prepares it; here a statement is prepared once per
// connection and reused. It shares Prisma's connection (SQLite: behind the same lock) or pool
// (PostgreSQL), so the two never see different data. Everything else stays on Prisma.
//
// Statements are written once for both databases: "quoted" identifiers and $1, $2 parameters.
import type Sqlite from 'better-sqlite3';
import type pg from 'pg';
import type { Lock } from './sqlite-serial.ts';
import type { LogSync } from './wal-sync.ts';

export type SqlValue = string | number | boolean | null | Date;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** The rows a statement returns (a SELECT, or RETURNING). */
  all<T extends Row = Row>(sql: string, args?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, args?: readonly SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * When the commit is on disk (docs/database.md, "Syncs"):
   * - true (the default): before the transaction resolves; on SQLite the flush blocks the thread.
   * - 'later': the caller awaits `synced()` before it relies on the commit. On SQLite the log is
   *   then synced off the event loop (wal-sync.ts), one sync shared by every commit made before it;
   *   on PostgreSQL the commit is flushed before the transaction resolves, as usual.
   * - false: no wait, because everything it writes can be done again from a record already on
   *   disk (each request's inbox item, marked done in this same commit). A power cut may lose the
   *   commit and the "done" marks with it, never one without the other; the next synced commit
   *   makes it durable.
   */
  sync?: boolean | 'later';
}

export interface FastSql extends SqlRunner {
  /** One transaction: committed when `fn` resolves, rolled back when it throws. SQLite takes the write lock at once. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Resolves once every commit made so far is on disk (those made with `sync: 'later'` included). */
  synced(): Promise<void>;
  /**
   * One statement in a commit of its own that nobody waits to see on disk: on SQLite a
   * `sync: 'later'` transaction never synced by this call (the next synced commit covers it), on
   * PostgreSQL the statement alone (its flush never holds the event loop). The number of rows changed.
   */
  runUnsynced(sql: string, args?: readonly SqlValue[]): Promise<number>;
}

type OnQuery = ((sql: string, ms: number) => void) | undefined;

// Dates as Prisma's SQLite adapter writes them (ISO 8601, "+00:00"), so both read each other's rows.
const sqliteValue = (v: SqlValue): string | number | null =>
  v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v;
/** better-sqlite3 binds ?1, ?2 by name: { 1: …, 2: … } */
const sqliteArgs = (args: readonly SqlValue[]): Record<number, string | number | null>[] =>
  args.length ? [Object.fromEntries(args.map((v, i) => [i + 1, sqliteValue(v)]))] : [];

/** The SQLite connection, once Prisma has opened it (database.ts hands it over). */
export interface SqliteConnection {
  client: Sqlite.Database;
  lock: Lock;
}

export function sqliteFastSql(connection: () => SqliteConnection, onQuery: OnQuery, log?: LogSync): FastSql {
  const cache = new Map<string, { db: Sqlite.Database; stmt: Sqlite.Statement }>();
  const prepare = (db: Sqlite.Database, sql: string): Sqlite.Statement => {
    const hit = cache.get(sql);
    if (hit && hit.db === db) return hit.stmt;
    const stmt = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
    cache.set(sql, { db, stmt });
    return stmt;
  };
  const timed = <T>(sql: string, fn: () => T): T => {
    if (!onQuery) return fn();
    const t = performance.now();
    try {
      return fn();
    } finally {
      onQuery(sql, performance.now() - t);
    }
  };
  // better-sqlite3 is synchronous: inside the lock nothing else can run on the connection.
  const direct = (db: Sqlite.Database): SqlRunner => ({
    all: async <T extends Row>(sql: string, args: readonly SqlValue[] = []) =>
      timed(sql, () => {
        const stmt = prepare(db, sql);
        return (stmt.reader ? stmt.all(...sqliteArgs(args)) : (stmt.run(...sqliteArgs(args)), [])) as T[];
      }),
    run: async (sql, args = []) => timed(sql, () => prepare(db, sql).run(...sqliteArgs(args)).changes),
  });
  const fast: Omit<FastSql, 'runUnsynced'> = {
    all: (sql, args) => {
      const { client, lock } = connection();
      return lock.run(() => direct(client).all(sql, args));
    },
    run: (sql, args) => {
      const { client, lock } = connection();
      return lock.run(() => direct(client).run(sql, args));
    },
    transaction: (fn, { sync = true } = {}) => {
      const { client, lock } = connection();
      return lock.run(async () => {
        const tx = direct(client);
        // The connection's setting is FULL (database.ts); lowered for this one commit only.
        const lowered = sync === false || (sync === 'later' && !!log);
        if (lowered) await tx.run('PRAGMA synchronous = NORMAL');
        try {
          await tx.run('BEGIN IMMEDIATE');
          try {
            const result = await fn(tx);
            await tx.run('COMMIT');
            return result;
          } catch (error) {
            if (client.inTransaction) await tx.run('ROLLBACK');
            throw error;
          }
        } finally {
          if (lowered) await tx.run('PRAGMA synchronous = FULL');
        }
      });
    },
    synced: async () => log?.sync(),
  };
  return { ...fast, runUnsynced: (sql, args) => fast.transaction((tx) => tx.run(sql, args), { sync: 'later' }) };
}

export function pgFastSql(pool: pg.Pool, onQuery: OnQuery): FastSql {
  // Named statements are prepared once per connection by the server and reused.
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `pb_fast_${names.size + 1}`));
    return name;
  };
  const pgValue = (v: SqlValue): unknown => (v instanceof Date ? v.toISOString() : v);
  const via = (client: pg.Pool | pg.PoolClient): SqlRunner => {
    const query = async (sql: string, args: readonly SqlValue[]) => {
      const t = performance.now();
      try {
        // BEGIN and COMMIT (no parameters) go as plain statements; the rest are prepared once per connection.
        return await (args.length
          ? client.query({ name: nameOf(sql), text: sql, values: args.map(pgValue) })
          : client.query(sql));
      } finally {
        onQuery?.(sql, performance.now() - t);
      }
    };
    return {
      all: async <T extends Row>(sql: string, args: readonly SqlValue[] = []) => (await query(sql, args)).rows as T[],
      run: async (sql, args = []) => (await query(sql, args)).rowCount ?? 0,
    };
  };
  const pooled = via(pool);
  return {
    ...pooled,
    synced: async () => {},
    runUnsynced: pooled.run,
    // 'later' is an ordinary commit here: PostgreSQL flushes in its own processes, not in ours.
    transaction: async (fn, options = {}) => {
      const client = await pool.connect();
      const tx = via(client);
      let broken = false;
      try {
        await tx.run('BEGIN');
        // PostgreSQL's own form of the same: the commit returns before its WAL is flushed.
        if (options.sync === false) await tx.run('SET LOCAL synchronous_commit = off');
        try {
          const result = await fn(tx);
          await tx.run('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}

/** What `prismaSql` needs of a Prisma transaction. */
interface RawClient {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

/**
 * The same statements inside a Prisma transaction, for the rare plan that must write a vote
 * (decision-votes.ts) beside changes only Prisma writes (decision-store.ts), atomically. Prisma's
 * SQLite adapter binds `?` in order: `$n` is rewritten and the arguments follow it.
 */
export function prismaSql(tx: RawClient, provider: 'sqlite' | 'postgres'): SqlRunner {
  const bind = (sql: string, args: readonly SqlValue[]): [string, ...unknown[]] => {
    if (provider === 'postgres') return [sql, ...args];
    const ordered: SqlValue[] = [];
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => (ordered.push(args[Number(n) - 1]!), '?'));
    return [text, ...ordered];
  };
  return {
    all: <T extends Row>(sql: string, args: readonly SqlValue[] = []) => tx.$queryRawUnsafe<T[]>(...bind(sql, args)),
    run: (sql, args = []) => tx.$executeRawUnsafe(...bind(sql, args)),
  };
}
