// The review sweep at scale: N partnerships of 13 people (default 10,000) in a fresh SQLite
// database, swept at four moments of the season with a Notifier that only counts.
//   npx tsx bench/review-sweep.ts [partnerships]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../adapters/log.ts';
import { createStores } from '../adapters/persistence/index.ts';
import { openDatabase } from '../adapters/persistence/database.ts';
import { deployMigrations } from '../adapters/persistence/migrate.ts';
import type { Notifier } from '../src/ports/index.ts';
import { runReviewSweep } from '../src/review/sweep.ts';

const count = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'review-bench-'));
const url = `file:${join(dir, 'bench.db')}`;
await deployMigrations(url, 'sqlite');
const database = await openDatabase(url);
try {
  let t = performance.now();
  for (let i = 0; i < count; i += 500) {
    const page = Array.from({ length: Math.min(500, count - i) }, (_, k) => ({ id: randomUUID(), slug: `p-${i + k}`, name: `Partnership ${i + k}` }));
    await database.db.partnership.createMany({ data: page });
    await database.db.person.createMany({
      data: page.flatMap((p) => Array.from({ length: 13 }, (_, j) => ({
        partnershipId: p.id, name: `Person ${j}`, kind: j === 12 ? 'rep' : j === 11 ? 'paid-worker' : 'member',
        resident: j < 7, voting: j < 11, roles: j === 0 ? 'chair' : '', email: `person${j}@example.org`,
      }))),
    });
  }
  console.log(`${count} partnerships seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  let handed = 0;
  const notifier: Notifier = { sendToPerson: async () => (handed++, true), sendToConversation: async () => null, updateMessage: async () => false };
  const reviews = createStores(database).reviews;
  const moments = [
    ['Sunday (quiet)', '2026-09-06T12:05:00Z'],
    ['season opens', '2026-09-01T08:05:00Z'],
    ['an hour later', '2026-09-01T09:05:00Z'],
    ['Monday nudges', '2026-09-07T09:05:00Z'],
  ] as const;
  for (const [label, at] of moments) {
    handed = 0;
    t = performance.now();
    const s = await runReviewSweep({ reviews, notifier, logger: silentLogger }, new Date(at));
    const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(`${label.padEnd(16)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s  sent ${s.sent} (${handed} handed over), heap ${heap} MB`);
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
