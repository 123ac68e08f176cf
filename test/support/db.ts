// A fresh, migrated database per test. SQLite (the default): a copy of the template file made in
// global-setup.ts. With TEST_DATABASE=postgres: a new database in the throwaway cluster, created
// from the migrated template database (CREATE DATABASE ... TEMPLATE), dropped afterwards.
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { seedDemo, DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import type { PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import { TEMPLATE_DB, TMP_DIR } from './paths.ts';
import { createPostgresDatabase, newPostgresDatabase, testProvider, type TestProvider } from './postgres.ts';

/** The provider this test run uses: 'sqlite' unless TEST_DATABASE=postgres. */
export const TEST_PROVIDER: TestProvider = testProvider();

export interface TestDatabase {
  url: string;
  database: Database;
  stores: Stores;
  close(): Promise<void>;
}

/** A new database URL (not opened), migrated. Synchronous; `remove()` deletes it (close it first). */
export function newDatabaseUrl(): { url: string; remove(): void } {
  if (TEST_PROVIDER === 'postgres') return newPostgresDatabase();
  const file = join(TMP_DIR, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return { url: `file:${file}`, remove: () => removeSqlite(file) };
}

/** A new database URL with nothing in it (no tables): for tests of migrating at start-up. */
export function newEmptyDatabaseUrl(): { url: string; remove(): void } {
  if (TEST_PROVIDER === 'postgres') return newPostgresDatabase({ empty: true });
  const file = join(TMP_DIR, `${randomUUID()}.db`);
  return { url: `file:${file}`, remove: () => removeSqlite(file) };
}

const removeSqlite = (file: string) =>
  ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(file + s, { force: true }));

/**
 * Like newDatabaseUrl, for async callers. On PostgreSQL it is quicker, and `demo: true` copies a
 * template with the demo partnership already imported (what seedDemo would write).
 */
export async function testDatabaseUrl(
  options: { demo?: boolean } = {},
): Promise<{ url: string; remove(): void; seeded: boolean }> {
  if (TEST_PROVIDER === 'postgres')
    return { ...(await createPostgresDatabase(options.demo ? 'demo' : 'migrated')), seeded: !!options.demo };
  return { ...newDatabaseUrl(), seeded: false };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return openTestDatabase(await testDatabaseUrl());
}

async function openTestDatabase({ url, remove }: { url: string; remove(): void }): Promise<TestDatabase> {
  const database = await openDatabase(url);
  return {
    url,
    database,
    stores: createStores(database),
    async close() {
      await database.close();
      remove();
    },
  };
}

/** A database with the demo partnership (Northfield Big Local) imported. */
export async function createDemoDatabase(): Promise<TestDatabase & { partnership: PartnershipRef }> {
  const target = await testDatabaseUrl({ demo: true });
  const db = await openTestDatabase(target);
  if (!target.seeded) await seedDemo(db.stores, db.database.db);
  const partnership = (await db.stores.rosters.findPartnership(DEMO_SLUG))!;
  return { ...db, partnership };
}
