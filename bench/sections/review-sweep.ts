// Section 4: the review-season nudge sweep (src/services/review/sweep.ts runReviewSweep, as the scheduler
// runs it) for 150, 1,000 and 10,000 partnerships in one SQLite file: time, SQL statements and
// memory at the season's busiest moments, with a Notifier that only counts what it is handed.
// CPU time is given beside the wall time: on a shared machine the wall time mostly says how busy it was.
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { subscribeNotifications } from '../../src/bot/notifications/index.ts';
import { EventBus } from '../../src/services/events.ts';
import { systemClock, type Notifier } from '../../src/services/ports/index.ts';
import { runReviewSweep } from '../../src/services/review/sweep.ts';
import { SWEEP_MOMENTS, createSweepDatabase, seedPartnerships } from '../lib/review-world.ts';
import { measureMemory } from '../lib/memory.ts';
import { loadavg } from 'node:os';
import { ms } from '../lib/stats.ts';
import type { BenchContext, Section } from '../report.ts';

export const SWEEP_SIZES = [150, 1_000, 10_000] as const;
const TARGET_MS = 10_000;
/** A size whose seeding and sweeps would push the whole run past this is skipped and said so. */
const SIZE_BUDGET_MS = Number(process.env.BENCH_SWEEP_BUDGET_MS ?? 180_000);
const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

interface Swept {
  moment: string;
  ms: number;
  /** CPU time of the process during the sweep (all its threads: the garbage collector's helpers too) */
  cpuMs: number;
  /** one-minute load average as the sweep started */
  load: number;
  queries: number;
  sent: number;
  handed: number;
  heapBefore: number;
  heapAfter: number;
  peakHeap: number;
  peakRss: number;
}

async function sweepAt(ctx: BenchContext, size: number): Promise<{ seedMs: number; sweeps: Swept[] }> {
  const file = await createSweepDatabase();
  let t = performance.now();
  await seedPartnerships(file.url, size);
  const seedMs = performance.now() - t;
  ctx.log(`sweep: ${size} partnerships seeded in ${ms(seedMs)}`);
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
    const sweeps: Swept[] = [];
    for (const [moment, at] of SWEEP_MOMENTS) {
      handed = 0;
      let took = 0;
      let cpuMs = 0;
      const load = loadavg()[0] ?? 0;
      const { result: s, memory } = await measureMemory(async () => {
        queries = 0;
        t = performance.now();
        const cpu = process.cpuUsage();
        const summary = await runReviewSweep(deps, new Date(at));
        took = performance.now() - t;
        const used = process.cpuUsage(cpu);
        cpuMs = (used.user + used.system) / 1000;
        return summary;
      });
      sweeps.push({ moment, ms: took, cpuMs, load, queries, sent: s.sent, handed, ...memory });
    }
    return { seedMs, sweeps };
  } finally {
    await database.close();
    file.remove();
  }
}

export const reviewSweep: Section = {
  id: '4',
  title: 'Review-season nudge sweep by number of partnerships',
  async run(ctx) {
    const rows: string[][] = [];
    const data: Record<string, unknown> = {};
    const notes: string[] = [];
    let largest: { size: number; worst: number; heapGrowth: number } | null = null;
    let spent = 0;
    for (const size of SWEEP_SIZES) {
      if (spent > SIZE_BUDGET_MS) {
        notes.push(
          `${size.toLocaleString('en-GB')} partnerships not measured: the smaller sizes already took ${ms(spent)} (budget ${ms(SIZE_BUDGET_MS)}, BENCH_SWEEP_BUDGET_MS).`,
        );
        rows.push([size.toLocaleString('en-GB'), '**not measured (time budget)**', '', '', '', '', '', '', '', '']);
        continue;
      }
      const started = performance.now();
      const { seedMs, sweeps } = await sweepAt(ctx, size);
      spent += performance.now() - started;
      data[size] = { seedMs, sweeps };
      for (const s of sweeps) {
        rows.push([
          size.toLocaleString('en-GB'),
          s.moment,
          ms(s.ms),
          ms(s.cpuMs),
          s.load.toFixed(1),
          s.queries.toLocaleString('en-GB'),
          `${s.sent.toLocaleString('en-GB')} (${s.handed.toLocaleString('en-GB')})`,
          `${MB(s.heapBefore)} → ${MB(s.heapAfter)}`,
          MB(s.peakHeap),
          MB(s.peakRss),
        ]);
      }
      const worst = Math.max(...sweeps.map((s) => s.ms));
      largest = { size, worst, heapGrowth: Math.max(...sweeps.map((s) => s.heapAfter - s.heapBefore)) };
    }
    const complete = largest?.size === 10_000;
    return {
      id: this.id,
      title: this.title,
      about:
        'N partnerships of 13 people in a fresh SQLite file (bench/lib/review-world.ts), swept by runReviewSweep at four moments of the ' +
        "season in the benchmark process, with a Notifier that counts what it is handed. Time: wall time; CPU time: the process's " +
        '(all its threads), which a busy machine inflates far less; load average: one minute, as the sweep started. Queries: SQL ' +
        "statements sent during the sweep (Prisma's and the fast path's). Memory (bench/lib/memory.ts): heap used after a full garbage collection before and after the sweep (what it " +
        'kept; "memory flat" is judged on this), and the highest heap used and resident set size sampled every 10 ms during it (the whole ' +
        'benchmark process, so they include the seeded data, earlier sections and garbage not yet collected).',
      tables: [
        {
          columns: [
            'Partnerships',
            'Moment',
            'Time',
            'CPU time',
            'Load average',
            'Queries',
            'Sent (handed to the notifier)',
            'Heap kept before → after',
            'Peak heap',
            'Peak RSS',
          ],
          rows,
        },
      ],
      targets: [
        {
          text: '10,000-partnership sweep under 10 s with memory flat',
          met: complete ? largest!.worst < TARGET_MS && largest!.heapGrowth < 64 * 2 ** 20 : null,
          note: complete
            ? `slowest moment ${ms(largest!.worst)}, heap kept grew by at most ${MB(largest!.heapGrowth)}`
            : 'the 10,000 size was not measured (time budget)',
        },
      ],
      notes,
      data,
    };
  },
};
