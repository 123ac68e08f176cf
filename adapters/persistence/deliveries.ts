// De-duplication of inbound deliveries: Slack re-sends events it thinks timed out, Teams
// re-delivers, people double-click. The first claim of a key wins, in the database, so it holds
// across restarts and across several server processes. Every request claims one, so claims are
// prepared statements, and claims that arrive while one is being written share the next
// transaction (one disk flush for a burst of clicks).
import type { Database, Db } from './database.ts';
import type { FastSql } from './fast-sql.ts';

interface Claim {
  key: string;
  resolve: (fresh: boolean) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;

class ClaimWriter {
  private waiting: Claim[] = [];
  private writing = false;

  constructor(private readonly sql: FastSql) {}

  claim(key: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          // Keys in one order in every process: two batches waiting on each other's keys would deadlock.
          const keys = [...new Set(batch.map((c) => c.key))].sort();
          const won = await this.sql.transaction(async (tx) => {
            const fresh = new Set<string>();
            for (const key of keys) {
              if (
                (await tx.run(
                  'INSERT INTO "ProcessedDelivery" ("key", "createdAt") VALUES ($1, $2) ON CONFLICT ("key") DO NOTHING',
                  [key, new Date()],
                )) === 1
              )
                fresh.add(key);
            }
            return fresh;
          });
          // the same key twice in one batch (a double click): the first caller has it
          for (const c of batch) c.resolve(won.delete(c.key));
        } catch (error) {
          for (const c of batch) c.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const writers = new WeakMap<FastSql, ClaimWriter>();

/** True the first time a key is claimed, false for a re-delivery. */
export function claimDelivery(database: Pick<Database, 'sql'>, key: string): Promise<boolean> {
  let writer = writers.get(database.sql);
  if (!writer) writers.set(database.sql, (writer = new ClaimWriter(database.sql)));
  return writer.claim(key.slice(0, 300));
}

/** Forget keys older than the retry window (Slack retries for minutes; a day is ample). */
export async function pruneDeliveries(db: Db, olderThan: Date): Promise<number> {
  return (await db.processedDelivery.deleteMany({ where: { createdAt: { lt: olderThan } } })).count;
}
