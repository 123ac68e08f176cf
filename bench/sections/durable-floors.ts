// Section 6 (issue 17, part 3): votes and declarations through the full server against the
// durable floor (the least a durable click can cost: one upsert in one transaction on SQLite with
// synchronous = FULL, then the answer) and the bare floor (no database at all), on Slack and on
// Teams, measured side by side in one run; and a burst of 120 declarations on one decision.
import type { BurstResult } from '../lib/burst.ts';
import {
  BURST,
  DECLARE_DECISIONS,
  floorScenario,
  fullServerScenario,
  type ClickScenario,
  type Platform,
} from '../lib/click-scenarios.ts';
import { ms, perSecond, ratio } from '../lib/stats.ts';
import type { BenchContext, Section, Table, Target } from '../report.ts';
import { floorErrors, measure, PACED_MS, type Measured } from './chat-floors.ts';

/** The issue's targets for the full server against the durable floor. */
export const TARGETS = { p50Ratio: 1.3, rateRatio: 1.0, p99Ms: 500, burstMs: 1_000 } as const;

interface PathResult {
  label: string;
  measured: Measured;
  burst: BurstResult | null;
  stored: { clicks: number; stored: number } | null;
}

interface PlatformResult {
  platform: Platform;
  bare: PathResult;
  durable: PathResult;
  vote: PathResult;
  declare: PathResult;
}

/** The closed-loop run at `concurrency`, or the paced run (one person, a pause after each answer). */
const run = (m: Measured, concurrency: number | 'paced') =>
  m.runs.find((r) => (concurrency === 'paced' ? r.pauseMs > 0 : r.concurrency === concurrency && r.pauseMs === 0));

async function measurePath(ctx: BenchContext, s: ClickScenario): Promise<PathResult> {
  try {
    const measured = await measure(ctx, s.scenario);
    return { label: s.scenario.label, measured, burst: s.burst(), stored: s.stored() };
  } finally {
    s.remove();
  }
}

async function measurePlatform(ctx: BenchContext, platform: Platform): Promise<PlatformResult> {
  return {
    platform,
    bare: await measurePath(ctx, floorScenario(platform, false)),
    durable: await measurePath(ctx, floorScenario(platform, true)),
    vote: await measurePath(ctx, fullServerScenario(platform, 'vote')),
    declare: await measurePath(ctx, fullServerScenario(platform, 'declare')),
  };
}

const name = (p: Platform) => (p === 'slack' ? 'Slack' : 'Teams');

function pathRows(r: PlatformResult): string[][] {
  const bare1 = run(r.bare.measured, 1);
  const bare32 = run(r.bare.measured, 32);
  const durable1 = run(r.durable.measured, 1);
  const durable32 = run(r.durable.measured, 32);
  const durablePaced = run(r.durable.measured, 'paced');
  return [r.bare, r.durable, r.vote, r.declare].flatMap((path) =>
    path.measured.runs.map((x) => {
      const [bare, durable] = x.pauseMs
        ? [undefined, durablePaced]
        : x.concurrency === 1
          ? [bare1, durable1]
          : [bare32, durable32];
      const p50 = (f: typeof bare) => (f ? ratio(x.p50 / f.p50) : 'n/a');
      const rate = (f: typeof bare) => (f ? ratio(x.rps / f.rps) : 'n/a');
      return [
        name(r.platform),
        path.label,
        x.pauseMs ? `1, ${x.pauseMs} ms after each answer` : String(x.concurrency),
        ms(x.p50),
        ms(x.p99),
        perSecond(x.rps),
        `${x.requests} (${x.errors})`,
        `${p50(durable)} / ${p50(bare)}`,
        `${rate(durable)} / ${rate(bare)}`,
        x.cpuMsPerRequest === null ? 'n/a' : `${x.cpuMsPerRequest.toFixed(2)} ms`,
      ];
    }),
  );
}

function burstRows(r: PlatformResult): string[][] {
  return [r.durable, r.declare].map((path) => {
    const b = path.burst;
    return b
      ? [name(r.platform), path.label, `${b.answered} of ${b.sent}`, ms(b.p50), ms(b.p99), ms(b.max)]
      : [name(r.platform), path.label, 'not run', '', '', ''];
  });
}

function targetsFor(r: PlatformResult): Target[] {
  const d1 = run(r.durable.measured, 1);
  const d32 = run(r.durable.measured, 32);
  const out: Target[] = [];
  for (const [kind, path] of [
    ['votes', r.vote],
    ['declarations', r.declare],
  ] as const) {
    const u1 = run(path.measured, 1);
    const u32 = run(path.measured, 32);
    const p50 = u1 && d1 ? u1.p50 / d1.p50 : null;
    const rate = u32 && d32 ? u32.rps / d32.rps : null;
    const where = `${name(r.platform)} ${kind}`;
    out.push(
      {
        text: `${where}: p50 at concurrency 1 at most ${TARGETS.p50Ratio}x the durable floor`,
        met: p50 === null ? null : p50 <= TARGETS.p50Ratio,
        note: p50 === null ? 'no run' : `${ms(u1!.p50)} against ${ms(d1!.p50)}: ${ratio(p50)}`,
      },
      {
        text: `${where}: sustained rate at concurrency 32 at least ${TARGETS.rateRatio}x the durable floor`,
        met: rate === null ? null : rate >= TARGETS.rateRatio,
        note: rate === null ? 'no run' : `${perSecond(u32!.rps)} against ${perSecond(d32!.rps)}: ${ratio(rate)}`,
      },
      {
        text: `${where}: p99 at concurrency 32 under ${TARGETS.p99Ms} ms`,
        met: u32 ? u32.p99 < TARGETS.p99Ms && u32.errors === 0 : null,
        note: u32 ? `${ms(u32.p99)}${u32.errors ? `, ${u32.errors} errors` : ''}` : 'no run',
      },
    );
  }
  const b = r.declare.burst;
  out.push({
    text: `${name(r.platform)}: a burst of ${BURST} concurrent declarations on one decision, each answered within ${TARGETS.burstMs / 1000} s`,
    met: b ? b.errors === 0 && b.max <= TARGETS.burstMs : null,
    note: b ? `max ${ms(b.max)}, p99 ${ms(b.p99)}, ${b.answered} of ${b.sent} answered` : 'not run',
  });
  return out;
}

function storedNotes(r: PlatformResult): string[] {
  return [r.vote, r.declare].flatMap((path) =>
    path.stored
      ? [
          `${name(r.platform)}, ${path.label}: ${path.stored.clicks.toLocaleString('en-GB')} clicks sent (warm-ups and burst included), ` +
            `${path.stored.stored.toLocaleString('en-GB')} ${path.label.includes('vote') ? 'votes and changes' : 'declarations'} stored.`,
        ]
      : [],
  );
}

export const durableFloors: Section = {
  id: '6',
  title: 'Votes and declarations against the durable floor (Slack and Teams)',
  async run(ctx) {
    const results: PlatformResult[] = [];
    for (const platform of ['slack', 'teams'] as const) results.push(await measurePlatform(ctx, platform));
    const tables: Table[] = [
      {
        caption:
          'Load runs (ratios: the p50 and the rate against the durable floor / the bare floor, same concurrency)',
        columns: [
          'Platform',
          'Path',
          'Concurrency',
          'p50',
          'p99',
          'Requests/s',
          'Requests (errors)',
          'p50 vs durable / bare',
          'Rate vs durable / bare',
          'Server CPU per request',
        ],
        rows: results.flatMap(pathRows),
      },
      {
        caption: `A burst of ${BURST} concurrent declarations on one decision (each its own connection)`,
        columns: ['Platform', 'Path', 'Answered', 'p50', 'p99', 'Max'],
        rows: results.flatMap(burstRows),
      },
    ];
    // every ratio in the run's output as well as in latest.md
    for (const row of tables[0]!.rows)
      ctx.log(
        `${row[0]} ${row[1]}, c=${row[2]}: p50 ${row[3]}, p99 ${row[4]}, ${row[5]}; p50 ${row[7]}, rate ${row[8]} (vs durable / bare); server CPU ${row[9]} per request`,
      );
    for (const row of tables[1]!.rows)
      ctx.log(`${row[0]} ${row[1]}, burst of ${BURST}: ${row[2]}, p99 ${row[4]}, max ${row[5]}`);
    return {
      id: this.id,
      title: this.title,
      about:
        'Each path in its own process, the load generator (closed loop, keep-alive, concurrency 1 and 32 after a warm-up) in the ' +
        'benchmark process. **Bare floor**: ack (and `chat.update`) or an echo, no database. **Durable floor** ' +
        '(`bench/floors/durable-bolt.ts`, `durable-teams.ts`): per click one upsert in one transaction on SQLite in WAL mode with ' +
        '`synchronous = FULL`, then the ack and the reply to `response_url` (Slack) or the invoke answer (Teams): the least a ' +
        'durable vote or declaration can cost. **Full server**: bin/server.mjs on a fresh SQLite file with 501 voting members; ' +
        'votes: each click a new vote or a change from the private ballot (`decision.vote`, `decision.vote~2`: on Slack the ' +
        "ballot is a message only the member sees in the channel, on Teams it is in the member's personal chat, where the " +
        'channel card\'s Vote button sends it); declarations: each click a first "No interest" (`decision.declare.none`) from ' +
        `the prompt in the direct messages / personal chat, spread over ${DECLARE_DECISIONS} open decisions. Burst: ${BURST} ` +
        'declarations at once on one more decision, after the load runs. **Paced** (durable floor and full server): one ' +
        `person clicking, ${PACED_MS} ms after each answer, so each click finds the server done with the one before: the ` +
        'p50 a member feels, where the closed loop at concurrency 1 measures how fast one event loop gets through clicks ' +
        "back to back (its ratio is close to the CPU per click's). " +
        "**Server CPU per request**: the server process's user + system CPU time over the run (warm-up included) per request " +
        '(from /proc): it moves far less than latency with other work on the machine.',
      tables,
      targets: results.flatMap(targetsFor),
      notes: [
        ...results.flatMap((r) => [r.bare, r.durable, r.vote, r.declare].flatMap((p) => floorErrors(p.measured))),
        ...results.flatMap(storedNotes),
      ],
      data: results,
    };
  },
};
