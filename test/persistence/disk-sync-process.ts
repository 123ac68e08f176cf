// Run by sqlite-disk-sync.test.ts under strace: commits of each kind on a real SQLite file, with a
// line on stdout before each phase so the trace can be cut into phases.
import { openDatabase } from '../../adapters/persistence/database.ts';

const [file] = process.argv.slice(2);
const database = await openDatabase(`file:${file}`);
const { db, sql } = database;
const phase = (name: string) => process.stdout.write(`PHASE ${name}\n`);
const COMMITS = 3;

phase('prisma');
for (let i = 0; i < COMMITS; i++)
  await db.$executeRawUnsafe(
    `INSERT INTO "InboxItem" ("key", "platform", "status", "attempts", "createdAt") VALUES ('prisma-${i}', 'test', 'done', 1, '2026-01-01T00:00:00.000+00:00')`,
  );
phase('synced');
for (let i = 0; i < COMMITS; i++)
  await sql.transaction((tx) =>
    tx.run(`UPDATE "InboxItem" SET "attempts" = "attempts" + 1 WHERE "key" = $1`, [`prisma-${i}`]),
  );
phase('later');
for (let i = 0; i < COMMITS; i++) {
  await sql.transaction(
    (tx) => tx.run(`UPDATE "InboxItem" SET "attempts" = "attempts" + 1 WHERE "key" = $1`, [`prisma-${i}`]),
    {
      sync: 'later',
    },
  );
  await sql.synced();
}
phase('unsynced');
for (let i = 0; i < COMMITS; i++)
  await sql.transaction(
    (tx) => tx.run(`UPDATE "InboxItem" SET "attempts" = "attempts" + 1 WHERE "key" = $1`, [`prisma-${i}`]),
    {
      sync: false,
    },
  );
phase('runUnsynced');
for (let i = 0; i < COMMITS; i++)
  await sql.runUnsynced(`UPDATE "InboxItem" SET "attempts" = "attempts" + 1 WHERE "key" = $1`, [`prisma-${i}`]);
phase('end');
await database.close();
