// The review sweep at scale: N partnerships of 13 people (default 10,000) in a fresh SQLite
// database, swept at four moments of the season with a Notifier that only counts.
//   npx tsx bench/review-sweep.ts [partnerships]
import { silentLogger } from '../adapters/log.ts';
import { createStores } from '../adapters/persistence/index.ts';
import { openDatabase } from '../adapters/persistence/database.ts';
import { subscribeNotifications } from '../src/bot/notifications/index.ts';
import { EventBus } from '../src/services/events.ts';
import { systemClock, type Notifier } from '../src/services/ports/index.ts';
import { runReviewSweep } from '../src/services/review/sweep.ts';
import { measureMemory } from './lib/memory.ts';
import { SWEEP_MOMENTS, createSweepDatabase, seedPartnerships } from './lib/review-world.ts';

const count = Number(process.argv[2] ?? 10_000);
const MB = (bytes: number) => Math.round(bytes / 2 ** 20);
const file = await createSweepDatabase();
let t = performance.now();
await seedPartnerships(file.url, count);
console.log(`${count} partnerships seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
let queries = 0;
const database = await openDatabase(file.url, { onQuery: () => void queries++ });
try {
  let handed = 0;
  const notifier: Notifier = {
    sendToPerson: async () => (handed++, true),
    sendToConversation: async () => null,
    updateMessage: async () => false,
  };
  const stores = createStores(database);
  const deps = {
    stores,
    clock: systemClock,
    logger: silentLogger,
    events: subscribeNotifications(new EventBus(), { stores, logger: silentLogger, notifier }),
  };
  for (const [label, at] of SWEEP_MOMENTS) {
    handed = 0;
    let took = 0;
    const { result: s, memory: m } = await measureMemory(async () => {
      queries = 0;
      t = performance.now();
      const summary = await runReviewSweep(deps, new Date(at));
      took = performance.now() - t;
      return summary;
    });
    console.log(
      `${label.padEnd(16)} ${(took / 1000).toFixed(2).padStart(7)} s  ${String(queries).padStart(5)} queries  sent ${s.sent} (${handed} handed over)  heap kept ${MB(m.heapBefore)} → ${MB(m.heapAfter)} MB, peak heap ${MB(m.peakHeap)} MB, peak RSS ${MB(m.peakRss)} MB`,
    );
  }
} finally {
  await database.close();
  file.remove();
}
