// The durable inbox's queries (docs/inbox.md). Every interaction is inserted here before it is
// acknowledged; inserts that arrive while one is being written share the next transaction (one
// disk flush for a burst of clicks). The key is the platform's delivery identity, so a re-sent
// delivery finds its row and is not done twice, across restarts and across server processes.
import type { Database, Db, Provider } from './database.ts';
import type { FastSql, SqlValue } from './fast-sql.ts';
import { markDoneSql, outsideInboxScope } from './inbox-scope.ts';

/** One interaction as received: `body` is what processing it again needs. */
export interface InboxEntry {
  key: string;
  platform: string;
  body: string;
}

/** An item whose claim had expired, now claimed by the caller: `attempts` counts this one. */
export interface DueItem {
  key: string;
  platform: string;
  body: string | null;
  attempts: number;
}

export interface InboxStore {
  /**
   * Inserts the item claimed by `holder` until `claimedUntil`; true when it is new, false when
   * its key was already there (a re-delivery). Rejects when the database cannot record it.
   */
  accept(entry: InboxEntry, holder: string, claimedUntil: Date, now: Date): Promise<boolean>;
  /** Done (or failed, after its last attempt): the body is erased. False when it was not pending. */
  finish(key: string, status: 'done' | 'failed'): Promise<boolean>;
  /** Processing failed and will be retried: the claim is let go until `retryAt`. */
  release(key: string, retryAt: Date): Promise<void>;
  /** Claims up to `limit` pending items whose claim has expired, oldest first. */
  claimDue(holder: string, now: Date, claimedUntil: Date, limit: number): Promise<DueItem[]>;
  /** Extends the claims `holder` still holds (it is alive and working on them). */
  renew(holder: string, now: Date, claimedUntil: Date): Promise<number>;
  /** Forgets items done or failed before `cutoff`; returns how many went. */
  forgetBefore(cutoff: Date): Promise<number>;
}

const MAX_BATCH = 200;
/** Keys are digests or platform ids; a longer one is cut (the platform's ids are far shorter). */
const MAX_KEY = 300;

interface Waiting {
  args: SqlValue[];
  resolve: (fresh: boolean) => void;
  reject: (error: unknown) => void;
}

const INSERT =
  'INSERT INTO "InboxItem" ("key", "platform", "body", "status", "attempts", "claimedBy", "claimedUntil", "createdAt") ' +
  'VALUES ($1, $2, $3, \'pending\', 1, $4, $5, $6) ON CONFLICT ("key") DO NOTHING';

/** Inserts that arrive together share one transaction, keys in one order in every process (no deadlock). */
class AcceptWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly sql: FastSql) {}

  accept(args: SqlValue[]): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ args, resolve, reject });
      if (!this.writing) outsideInboxScope(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        const ordered = [...batch].sort((a, b) => String(a.args[0]).localeCompare(String(b.args[0])));
        try {
          const fresh = await this.sql.transaction(
            async (tx) => {
              const won = new Set<Waiting>();
              for (const w of ordered) if ((await tx.run(INSERT, w.args)) === 1) won.add(w);
              return won;
            },
            { sync: 'later' },
          );
          // Nobody hears "accepted" before the rows are on disk; the next batch commits meanwhile.
          this.sql.synced().then(
            () => batch.forEach((w) => w.resolve(fresh.has(w))),
            (error: unknown) => batch.forEach((w) => w.reject(error)),
          );
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const claimDueSql = (provider: Provider): string =>
  'UPDATE "InboxItem" SET "claimedBy" = $1, "claimedUntil" = $2, "attempts" = "attempts" + 1 WHERE "key" IN (' +
  `SELECT "key" FROM "InboxItem" WHERE "status" = 'pending' AND "claimedUntil" < $3 ORDER BY "createdAt" LIMIT $4` +
  (provider === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '') +
  ') RETURNING "key", "platform", "body", "attempts", "createdAt"';

/** One writer per connection or pool, so every caller's inserts can share its transactions. */
const writers = new WeakMap<FastSql, AcceptWriter>();

export function inboxStore(database: Pick<Database, 'db' | 'sql' | 'provider'>): InboxStore {
  const { sql, provider } = database;
  let writer = writers.get(sql);
  if (!writer) writers.set(sql, (writer = new AcceptWriter(sql)));
  const accepting = writer;
  const db: Db = database.db;
  return {
    accept: (entry, holder, claimedUntil, now) =>
      accepting.accept([entry.key.slice(0, MAX_KEY), entry.platform, entry.body, holder, claimedUntil, now]),
    // Not waited for on disk (`runUnsynced`: on SQLite a flush would hold up every other request):
    // the mark is on disk with the next synced commit. A power cut before that can only leave the
    // item pending, so it is done again, as an item whose process died would be.
    finish: async (key, status) =>
      (status === 'done'
        ? await sql.runUnsynced(markDoneSql('postgres'), [key])
        : await sql.runUnsynced(
            `UPDATE "InboxItem" SET "status" = 'failed', "body" = NULL, "claimedBy" = NULL WHERE "key" = $1 AND "status" = 'pending'`,
            [key],
          )) === 1,
    release: async (key, retryAt) =>
      void (await sql.run(
        `UPDATE "InboxItem" SET "claimedBy" = NULL, "claimedUntil" = $2 WHERE "key" = $1 AND "status" = 'pending'`,
        [key, retryAt],
      )),
    claimDue: async (holder, now, claimedUntil, limit) => {
      type Row = DueItem & { createdAt: string | Date } & Record<string, unknown>;
      const rows = await sql.all<Row>(claimDueSql(provider), [holder, claimedUntil, now, limit]);
      // RETURNING keeps no order: oldest first, as they arrived
      const time = (row: Row) => new Date(row.createdAt).getTime();
      return rows
        .sort((a, b) => time(a) - time(b) || a.key.localeCompare(b.key))
        .map(({ key, platform, body, attempts }) => ({ key, platform, body, attempts: Number(attempts) }));
    },
    renew: (holder, now, claimedUntil) =>
      sql.run(
        `UPDATE "InboxItem" SET "claimedUntil" = $3 WHERE "claimedBy" = $1 AND "status" = 'pending' AND "claimedUntil" > $2`,
        [holder, now, claimedUntil],
      ),
    forgetBefore: async (cutoff) =>
      (await db.inboxItem.deleteMany({ where: { status: { not: 'pending' }, createdAt: { lt: cutoff } } })).count,
  };
}
