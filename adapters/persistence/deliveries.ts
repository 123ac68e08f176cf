// De-duplication of inbound deliveries: Slack re-sends events it thinks timed out, Teams
// re-delivers, people double-click. The first claim of a key wins, in the database, so it holds
// across restarts and across several server processes.
import type { Db } from './database.ts';

export async function claimDelivery(db: Db, key: string): Promise<boolean> {
  try {
    await db.processedDelivery.create({ data: { key: key.slice(0, 300) } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false; // unique violation: seen before
    throw error;
  }
}

/** Forget keys older than the retry window (Slack retries for minutes; a day is ample). */
export async function pruneDeliveries(db: Db, olderThan: Date): Promise<number> {
  return (await db.processedDelivery.deleteMany({ where: { createdAt: { lt: olderThan } } })).count;
}
