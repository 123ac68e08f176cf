// Once per test run: a migrated template database that each test copies (fast, and exactly the
// committed migrations, applied by Prisma's own `migrate deploy`).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deployMigrations } from '../../adapters/persistence/migrate.ts';
import { TEMPLATE_DB, TMP_DIR } from './paths.ts';

export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  await deployMigrations(`file:${TEMPLATE_DB}`, 'sqlite');
  return () => rmSync(join(TMP_DIR), { recursive: true, force: true });
}
