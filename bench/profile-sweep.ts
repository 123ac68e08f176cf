// Profiles the review sweep: N partnerships (default 1,000) seeded as in section 4, then each
// moment swept with its SQL statements counted by kind; the moment named by --moment (default
// "season opens") is CPU-profiled on its own (written to --out, default /tmp/sweep.cpuprofile), or
// with --heap its allocations sampled (a .heapprofile for Chrome DevTools' Memory tab).
//   npx tsx bench/profile-sweep.ts [partnerships] [--moment "Monday nudges"] [--out file] [--batch 500] [--heap]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { silentLogger } from '../adapters/log.ts';
import { openDatabase } from '../adapters/persistence/database.ts';
import { createStores } from '../adapters/persistence/index.ts';
import { subscribeNotifications } from '../src/bot/notifications/index.ts';
import { EventBus } from '../src/services/events.ts';
import { systemClock, type Notifier } from '../src/services/ports/index.ts';
import { runReviewSweep } from '../src/services/review/sweep.ts';
import { SWEEP_MOMENTS, createSweepDatabase, seedPartnerships } from './lib/review-world.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    moment: { type: 'string', default: 'season opens' },
    out: { type: 'string', default: '/tmp/sweep.cpuprofile' },
    batch: { type: 'string' },
    heap: { type: 'boolean', default: false },
  },
});
const partnerships = Number(positionals[0] ?? 1_000);
const file = await createSweepDatabase();
const statements = new Map<string, { n: number; ms: number }>();
// The statement's verb and table, e.g. `UPDATE ScheduledSend`: enough to see what repeats.
const kindOf = (sql: string) =>
  /^\s*(\w+)(?:.*?\b(?:FROM|INTO|UPDATE)\s+[`"]?(?:main[`"]?\.[`"]?)?(\w+))?/is
    .exec(sql)
    ?.slice(1)
    .filter(Boolean)
    .join(' ') ?? sql.slice(0, 20);
const record = (sql: string, ms: number) => {
  const s = statements.get(kindOf(sql)) ?? { n: 0, ms: 0 };
  statements.set(kindOf(sql), { n: s.n + 1, ms: s.ms + ms });
};
await seedPartnerships(file.url, partnerships);
const database = await openDatabase(file.url, { onQuery: record });
const session = new Session();
session.connect();
try {
  const notifier: Notifier = {
    sendToPerson: async () => true,
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
    statements.clear();
    const profiled = label === values.moment;
    if (profiled && values.heap)
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 32_768,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    else if (profiled) await session.post('Profiler.enable').then(() => session.post('Profiler.start'));
    const t = performance.now();
    const cpu = process.cpuUsage();
    const s = await runReviewSweep(
      { ...deps, ...(values.batch ? { batchSize: Number(values.batch) } : {}) },
      new Date(at),
    );
    const took = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (profiled && values.heap)
      writeFileSync(values.out!, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
    else if (profiled) writeFileSync(values.out!, JSON.stringify((await session.post('Profiler.stop')).profile));
    const total = [...statements.values()].reduce((a, b) => a + b.n, 0);
    console.log(
      `${label.padEnd(16)} ${(took / 1000).toFixed(2).padStart(7)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)  sent ${s.sent}, ${total} statements (count, ms in the database): ${[...statements].map(([k, v]) => `${k} ${v.n} ${Math.round(v.ms)}`).join(', ')}`,
    );
  }
  console.log(`profile of "${values.moment}": ${values.out}`);
} finally {
  session.disconnect();
  await database.close();
  file.remove();
}
