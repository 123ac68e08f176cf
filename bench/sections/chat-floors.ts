// Sections 1 and 2: a vote click through the full server against the bare platform floor. The
// floors are measured here; the full-server scenarios plug in as `FullServerScenario`s once the
// Slack/Teams adapters and votes are on the branch (see docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { type Child } from '../lib/child.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../lib/fake-slack-api.ts';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/load.ts';
import { ms, perSecond, ratio } from '../lib/stats.ts';
import type { BenchContext, Target } from '../report.ts';

export const CONCURRENCIES = [1, 32] as const;
/** The paced run (durable-floor section): one person clicking, with this pause after each answer. */
export const PACED_MS = 10;
/** requests of the paced run at most, after its warm-up of `PACED_WARMUP` */
export const PACED_MAX = 400;
export const PACED_WARMUP = 20;

/** A server under load: started, given requests, stopped. */
export interface Scenario {
  label: string;
  start(ctx: BenchContext, api: FakeSlackApi): Promise<Child>;
  request(i: number): LoadRequest;
  /** outbound Web API calls each request must cause (checked after the run), e.g. chat.update */
  expectCalls?: string;
  /** bounds of each load run (runLoad's defaults: 200 warm-up requests, at most 4,000 measured) */
  warmup?: number;
  maxRequests?: number;
  /** after the load runs, while the server is still up (a burst, a count of what was stored) */
  after?(server: Child, api: FakeSlackApi): Promise<void>;
  /** also a run at concurrency 1 with `PACED_MS` between an answer and the next request */
  paced?: boolean;
}

export interface Measured {
  label: string;
  runs: (LoadResult & {
    /** the pause after each answer: 0 in the closed-loop runs */
    pauseMs: number;
    outboundPerRequest: number | null;
    outbound: Record<string, number>;
    /** the server process's CPU time (user + system) per request sent, warm-up included; null where unreadable */
    cpuMsPerRequest: number | null;
  })[];
}

/**
 * CPU time a process has used so far, in ms (Linux /proc; null elsewhere). Unlike latency it
 * hardly moves with other work on a shared machine, so it says what a change saved.
 */
export function cpuMsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on Linux */
const CLOCK_TICKS = 100;

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function measure(ctx: BenchContext, scenario: Scenario): Promise<Measured> {
  const api = await startFakeSlackApi();
  const server = await scenario.start(ctx, api);
  const runs: Measured['runs'] = [];
  try {
    const loads = [
      ...CONCURRENCIES.map((concurrency) => ({ concurrency, pauseMs: 0 })),
      ...(scenario.paced ? [{ concurrency: 1, pauseMs: PACED_MS }] : []),
    ];
    for (const { concurrency, pauseMs } of loads) {
      ctx.log(`${scenario.label}: concurrency ${concurrency}${pauseMs ? `, ${pauseMs} ms between clicks` : ''}`);
      const before = scenario.expectCalls ? (api.calls.get(scenario.expectCalls) ?? 0) : 0;
      const all = new Map(api.calls);
      const cpuBefore = cpuMsOf(server.process.pid);
      const result = await runLoad({
        baseUrl: server.url,
        concurrency,
        request: (i) => scenario.request(runs.length * 100_000 + i),
        ...(scenario.warmup !== undefined ? { warmup: scenario.warmup } : {}),
        ...(scenario.maxRequests !== undefined ? { maxRequests: scenario.maxRequests } : {}),
        // paced: a short warm-up (each click takes the pause), the usual four seconds measured
        ...(pauseMs ? { pauseMs, warmup: PACED_WARMUP, maxRequests: PACED_MAX } : {}),
      });
      const sent = result.warmupSent + result.requests + result.errors;
      const cpuAfter = cpuMsOf(server.process.pid);
      const cpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && sent ? (cpuAfter - cpuBefore) / sent : null;
      let outboundPerRequest: number | null = null;
      if (scenario.expectCalls) {
        // The call happens after the ack: give the last few a moment to arrive.
        for (let waited = 0; waited < 3_000 && (api.calls.get(scenario.expectCalls) ?? 0) - before < sent; waited += 50)
          await sleep(50);
        outboundPerRequest = ((api.calls.get(scenario.expectCalls) ?? 0) - before) / sent;
      }
      const outbound = Object.fromEntries(
        [...api.calls].map(([k, v]) => [k, v - (all.get(k) ?? 0)]).filter(([, v]) => Number(v) > 0),
      );
      runs.push({ ...result, pauseMs, outboundPerRequest, outbound, cpuMsPerRequest });
    }
    await scenario.after?.(server, api);
  } finally {
    await server.stop();
    await api.close();
  }
  return { label: scenario.label, runs };
}

export const FLOOR_COLUMNS = [
  'Path',
  'Concurrency',
  'p50',
  'p99',
  'Requests/s',
  'Requests (errors)',
  'Outbound calls per request',
];

export function floorRows(m: Measured, outbound: string): string[][] {
  return m.runs.map((r) => [
    m.label,
    String(r.concurrency),
    ms(r.p50),
    ms(r.p99),
    perSecond(r.rps),
    `${r.requests} (${r.errors})`,
    r.outboundPerRequest === null ? 'none expected' : `${r.outboundPerRequest.toFixed(2)} ${outbound}`,
  ]);
}

/** The issue's targets for a full path against its floor; not measured while the path is absent. */
export function ratioTargets(floor: Measured, full: Measured | null, why: string): Target[] {
  const f1 = floor.runs.find((r) => r.concurrency === 1);
  const f32 = floor.runs.find((r) => r.concurrency === 32);
  const u1 = full?.runs.find((r) => r.concurrency === 1);
  const u32 = full?.runs.find((r) => r.concurrency === 32);
  const p50 = u1 && f1 ? u1.p50 / f1.p50 : null;
  const rate = u32 && f32 ? u32.rps / f32.rps : null;
  return [
    {
      text: 'p50 at concurrency 1 at most 2x the floor',
      met: p50 === null ? null : p50 <= 2,
      note: p50 === null ? why : `${ratio(p50)} the floor`,
    },
    {
      text: 'sustained rate at concurrency 32 at least half the floor',
      met: rate === null ? null : rate >= 0.5,
      note: rate === null ? why : `${ratio(rate)} the floor`,
    },
  ];
}

export function floorErrors(m: Measured): string[] {
  return m.runs
    .filter((r) => r.errors > 0)
    .map((r) => `${m.label} at concurrency ${r.concurrency}: ${r.errors} errors, first: ${r.firstError ?? 'unknown'}`);
}
