// The review sweep at scale: N partnerships of 13 people (default 10,000) in a fresh SQLite
// database, swept at four moments of the season with a Notifier that only counts.
//   npx tsx bench/review-sweep.ts [partnerships]
import { silentLogger } from '../adapters/log.ts';
import { createStores } from '../adapters/persistence/index.ts';
import { openDatabase } from '../adapters/persistence/database.ts';
import type { Notifier } from '../src/ports/index.ts';
import { runReviewSweep } from '../src/review/sweep.ts';
import { SWEEP_MOMENTS, createSweepDatabase, seedPartnerships } from './lib/review-world.ts';

const count = Number(process.argv[2] ?? 10_000);
const file = await createSweepDatabase();
const database = await openDatabase(file.url);
try {
  let t = performance.now();
  await seedPartnerships(database, count);
  console.log(`${count} partnerships seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  let handed = 0;
  const notifier: Notifier = { sendToPerson: async () => (handed++, true), sendToConversation: async () => null, updateMessage: async () => false };
  const reviews = createStores(database).reviews;
  for (const [label, at] of SWEEP_MOMENTS) {
    handed = 0;
    t = performance.now();
    const s = await runReviewSweep({ reviews, notifier, logger: silentLogger }, new Date(at));
    const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(`${label.padEnd(16)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s  sent ${s.sent} (${handed} handed over), heap ${heap} MB`);
  }
} finally {
  await database.close();
  file.remove();
}
