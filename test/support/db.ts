// A fresh, migrated database per test: a copy of the template made in global-setup.ts.
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { seedDemo, DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import type { PartnershipRef, Stores } from '../../src/ports/index.ts';
import { TEMPLATE_DB, TMP_DIR } from './paths.ts';

export interface TestDatabase {
  url: string;
  database: Database;
  stores: Stores;
  close(): Promise<void>;
}

/** A new database URL (not opened), migrated. */
export function newDatabaseUrl(): { url: string; remove(): void } {
  const file = join(TMP_DIR, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return { url: `file:${file}`, remove: () => ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(file + s, { force: true })) };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, remove } = newDatabaseUrl();
  const database = await openDatabase(url);
  return {
    url, database, stores: createStores(database),
    async close() {
      await database.close();
      remove();
    },
  };
}

/** A database with the demo partnership (Northfield Big Local) imported. */
export async function createDemoDatabase(): Promise<TestDatabase & { partnership: PartnershipRef }> {
  const db = await createTestDatabase();
  await seedDemo(db.stores);
  const partnership = (await db.stores.rosters.findPartnership(DEMO_SLUG))!;
  return { ...db, partnership };
}
