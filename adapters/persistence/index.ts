// The persistence adapter: open, migrate, and the stores the core's ports need.
import type { Stores } from '../../src/services/ports/index.ts';
import type { BatchSeam } from './batched-writer.ts';
import { openDatabase, providerOf, type Database, type OpenOptions } from './database.ts';
import { PrismaDecisionStore } from './decision-store.ts';
import { inboxSeam } from './inbox-seam.ts';
import { PrismaAuditLog, PrismaDirectoryStore } from './directory-store.ts';
import { deployMigrations, pendingMigrations } from './migrate.ts';
import { probePostgres } from './postgres-checks.ts';
import { PrismaMembershipStore } from './membership-store.ts';
import { PrismaConcernStore, PrismaPolicyStore } from './policy-store.ts';
import { PrismaRegisterStore } from './register-store.ts';
import { PrismaReviewStore } from './review-store.ts';
import { PrismaRosterStore } from './roster-store.ts';

export type { Database } from './database.ts';
export { deployMigrations, pendingMigrations } from './migrate.ts';
export { createPlatformStores, type PlatformStores } from './platform-store.ts';

export type { BatchSeam } from './batched-writer.ts';
export { AlreadyDone } from './batched-writer.ts';

/**
 * `seam`: the durable inbox's hook into the batched writes of decisions and the register
 * (batched-writer.ts); by default the inbox's own (inbox-seam.ts), which marks each request's
 * inbox item done in the transaction that writes it.
 */
export function createStores(database: Database, options: { seam?: BatchSeam } = {}): Stores {
  const { seam = inboxSeam } = options;
  return {
    rosters: new PrismaRosterStore(database.db, database.sql),
    directory: new PrismaDirectoryStore(database.db, database.sql),
    audit: new PrismaAuditLog(database.db),
    register: new PrismaRegisterStore(database.db, { provider: database.provider, seam }),
    decisions: new PrismaDecisionStore(database.db, database.sql, database.provider, undefined, seam),
    reviews: new PrismaReviewStore(database.db, database.provider, database.sql),
    memberships: new PrismaMembershipStore(database.db),
    policies: new PrismaPolicyStore(database.db),
    concerns: new PrismaConcernStore(database.db),
  };
}

/**
 * Open and migrate: what `npm start` and every database command of the CLI do first. A setting
 * that cannot be used (an unreachable server, a folder for a file) fails here as a StartupProblem.
 */
export async function openMigrated(
  url: string,
  options?: OpenOptions,
): Promise<{ database: Database; stores: Stores; applied: string[] }> {
  // One bounded connection first: the pool itself has no connect timeout (under load a request
  // waits for a free connection rather than fail), so it must not be the first to find a dead server.
  if (providerOf(url) === 'postgres') await probePostgres(url);
  let database = await openDatabase(url, options);
  let pending: string[];
  try {
    pending = await pendingMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (pending.length > 0) {
    await database.close();
    await deployMigrations(url, database.provider);
    database = await openDatabase(url, options);
  }
  return { database, stores: createStores(database), applied: pending };
}
