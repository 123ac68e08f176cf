// De-duplication of inbound deliveries: Slack re-sends events it thinks timed out, Teams
// re-delivers, people double-click. The first claim of a key wins, in the database, so it holds
// across restarts and across several server processes. Every request claims one: a prepared
// statement (fast-sql.ts).
import type { Database, Db } from './database.ts';
import { isUniqueViolation } from './fast-sql.ts';

export async function claimDelivery(database: Pick<Database, 'sql'>, key: string): Promise<boolean> {
  try {
    await database.sql.run('INSERT INTO "ProcessedDelivery" ("key", "createdAt") VALUES ($1, $2)', [key.slice(0, 300), new Date()]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // seen before
    throw error;
  }
}

/** Forget keys older than the retry window (Slack retries for minutes; a day is ample). */
export async function pruneDeliveries(db: Db, olderThan: Date): Promise<number> {
  return (await db.processedDelivery.deleteMany({ where: { createdAt: { lt: olderThan } } })).count;
}
