// Generates the Prisma clients for both providers (postinstall). Runs on Prisma's bundled
// WebAssembly engines: no engine download (see docs/database.md).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../node_modules/prisma/build/index.js', import.meta.url));
for (const url of ['file:./data/unused.db', 'postgresql://unused@127.0.0.1:5432/unused']) {
  execFileSync(process.execPath, [cli, 'generate'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log('partnership-bot: Prisma clients generated for SQLite and PostgreSQL.');
