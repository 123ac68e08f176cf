// Both providers' committed migrations must describe the models in prisma/models.prisma. A model
// change without `node scripts/new-migration.mjs <name>` (which writes both) fails here.
// `prisma migrate diff --from-migrations` replays the migrations in a shadow database (a file for
// SQLite, a throwaway database in the test cluster for PostgreSQL) and compares.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, TMP_DIR } from '../support/paths.ts';
import { testCluster } from '../support/postgres.ts';

const run = promisify(execFile);
const CLI = join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');
const PROVIDERS = ['sqlite', 'postgres'] as const;
type Provider = (typeof PROVIDERS)[number];

/** Exit code 0: the migrations match the schema; 2: they differ (the SQL that is missing). */
async function diff(provider: Provider, schemaFolder: string): Promise<{ code: number; sql: string }> {
  const shadowUrl =
    provider === 'sqlite'
      ? `file:${join(TMP_DIR, `shadow-${Date.now()}-${Math.random()}.db`)}`
      : testCluster().adminUrl;
  const args = [
    CLI,
    'migrate',
    'diff',
    '--from-migrations',
    join(ROOT, 'prisma', provider, 'migrations'),
    '--to-schema-datamodel',
    schemaFolder,
    '--script',
    '--exit-code',
  ];
  const env = { ...process.env, DATABASE_URL: shadowUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  try {
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, env, timeout: 240_000 });
    return { code: 0, sql: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (e.code === 2) return { code: 2, sql: e.stdout ?? '' };
    throw new Error(`prisma migrate diff failed for ${provider}: ${e.stderr ?? String(error)}`);
  }
}

/** The provider's schema folder with one extra model: what an unmigrated change looks like. */
function changedSchema(provider: Provider): string {
  const dir = mkdtempSync(join(TMP_DIR, `drift-${provider}-`));
  copyFileSync(join(ROOT, 'prisma', provider, 'schema.prisma'), join(dir, 'schema.prisma'));
  const models = readFileSync(join(ROOT, 'prisma', 'models.prisma'), 'utf8');
  writeFileSync(join(dir, 'models.prisma'), `${models}\nmodel DriftProbe {\n  id String @id\n}\n`);
  return dir;
}

describe('migrations for both providers', () => {
  it('share one models.prisma (the provider folders link to it)', () => {
    const shared = realpathSync(join(ROOT, 'prisma', 'models.prisma'));
    for (const provider of PROVIDERS)
      expect(realpathSync(join(ROOT, 'prisma', provider, 'models.prisma'))).toBe(shared);
  });

  it('describe exactly the models, on SQLite and on PostgreSQL', async () => {
    const results = await Promise.all(PROVIDERS.map((p) => diff(p, join(ROOT, 'prisma', p))));
    results.forEach(({ code, sql }, i) => {
      const hint = `${PROVIDERS[i]} migrations differ from prisma/models.prisma; run node scripts/new-migration.mjs <name>:\n${sql}`;
      expect(code, hint).toBe(0);
    });
  });

  it('would notice a model added without a migration', async () => {
    const folders = PROVIDERS.map(changedSchema);
    try {
      const results = await Promise.all(PROVIDERS.map((p, i) => diff(p, folders[i]!)));
      for (const { code, sql } of results) {
        expect(code).toBe(2);
        expect(sql).toMatch(/CREATE TABLE "?DriftProbe"?/);
      }
    } finally {
      folders.forEach((f) => rmSync(f, { recursive: true, force: true }));
    }
  });
});
