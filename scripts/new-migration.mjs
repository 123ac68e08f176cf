// Writes a migration for BOTH providers from the change to prisma/models.prisma since HEAD:
//   node scripts/new-migration.mjs add_something
// Uses `prisma migrate diff` between the committed and the current models (WebAssembly engine,
// no download). PostgreSQL's diff needs a server: a throwaway cluster is started for it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './pg-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: node scripts/new-migration.mjs <name_in_snake_case>');
  process.exit(2);
}
const before = execFileSync('git', ['show', 'HEAD:prisma/models.prisma'], { cwd: root, encoding: 'utf8' });
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const cli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
const pg = await startPostgres();
try {
  for (const provider of ['sqlite', 'postgres']) {
    const old = mkdtempSync(join(tmpdir(), `pb-old-${provider}-`));
    copyFileSync(join(root, 'prisma', provider, 'schema.prisma'), join(old, 'schema.prisma'));
    writeFileSync(join(old, 'models.prisma'), before);
    const url = provider === 'sqlite' ? `file:${join(old, 'diff.db')}` : pg.url();
    const sql = execFileSync(
      process.execPath,
      [
        cli,
        'migrate',
        'diff',
        '--from-schema-datamodel',
        old,
        '--to-schema-datamodel',
        join(root, 'prisma', provider),
        '--script',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    if (!sql.trim() || /This is an empty migration/.test(sql)) {
      console.log(`${provider}: no change`);
      continue;
    }
    const dir = join(root, 'prisma', provider, 'migrations', `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    console.log(`${provider}: wrote ${dir}/migration.sql`);
  }
} finally {
  pg.stop();
}
