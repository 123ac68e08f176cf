// A named lease in the database: at most one holder at a time across every server process
// sharing the database. Used by the scheduler (one process runs jobs) and by the demo seed (one
// process imports it). A holder that crashes simply stops renewing: once `expiresAt` has passed,
// the next process to ask takes the lease over.
import type { Db } from './database.ts';

export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === 'P2002';

/** Take or renew the lease; true when `holder` now holds it until now + ms. */
export async function acquireLease(db: Db, holder: string, now: Date, name: string, ms: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  // One conditional UPDATE: PostgreSQL re-checks the condition after a concurrent writer
  // commits, so of two processes racing for an expired lease only one matches.
  const renew = () =>
    db.lease.updateMany({ where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] }, data: { holder, expiresAt } });
  if ((await renew()).count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The row appeared meanwhile: held by someone else, or by this same holder from a parallel call.
    return (await renew()).count === 1;
  }
}

export async function releaseLease(db: Db, holder: string, name: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}
