// Declarations through the full server (bin/server.mjs, Slack receiver), on SQLite or PostgreSQL:
// signed `decision.declare.none` clicks, each a member declaring "no interest" for the first time
// (declare-world.ts), written before the ack. Measured: concurrency 1 (p50) and 32 (rate, p99),
// then a burst of 120 concurrent declarations on one decision nobody has declared on (max, p99),
// and the declarations the database holds against the clicks answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../../adapters/persistence/database.ts';
import type { BenchContext } from '../report.ts';
import { ROOT, startChild } from './child.ts';
import { createDeclareWorld, declarationOf, type DeclareWorld } from './declare-world.ts';
import { startFakeSlackApi } from './fake-slack-api.ts';
import { runLoad, type LoadResult } from './load.ts';
import { BENCH_SIGNING_SECRET, signedBlockAction } from './slack-request.ts';
import { VOTERS } from './vote-world.ts';

const TEAM = 'T0BENCH';
const CHANNEL = 'C0BENCH';
const CARD_TS = '1700000000.000100';
const PROMPT_TS = '1700000002.000300';
/** decisions for the steady runs: VOTERS fresh declarations each, more than both runs can send */
const STEADY_DECISIONS = 20;
export const BURST = 120;

export interface DeclarationsMeasured {
  provider: Provider;
  /** concurrency 1 and 32 */
  runs: LoadResult[];
  burst: LoadResult;
  /** clicks answered 200, warm-ups included */
  answered: number;
  /** declarations the database holds */
  stored: number;
  /** clicks that found every member already declared (not new declarations) */
  repeats: number;
}

async function databaseFor(ctx: BenchContext, provider: Provider): Promise<{ url: string; remove(): void } | null> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-declarations-'));
    return { url: `file:${join(dir, 'declarations.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const cluster = await ctx.postgres();
  if (!cluster) return null;
  return { url: await cluster.createDatabase(`bench_declarations_${Date.now()}`), remove: () => undefined };
}

/** null when PostgreSQL is asked for and not installed. */
export async function measureDeclarations(ctx: BenchContext, provider: Provider): Promise<DeclarationsMeasured | null> {
  const database = await databaseFor(ctx, provider);
  if (!database) return null;
  const api = await startFakeSlackApi();
  let world: DeclareWorld | null = null;
  try {
    ctx.log(`declarations (${provider}): preparing ${STEADY_DECISIONS + 1} decisions of ${VOTERS + 1} members`);
    world = await createDeclareWorld(
      database.url,
      provider,
      { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
      CARD_TS,
      (i) => `U0MEMBER${i}`,
      STEADY_DECISIONS + 1,
    );
    const w = world;
    const burstDecision = w.decisionIds[STEADY_DECISIONS]!;
    const steady: DeclareWorld = { ...w, decisionIds: w.decisionIds.slice(0, STEADY_DECISIONS) };
    const responseUrl = `${api.url}response_url`;
    const click = (decisionId: string, member: number) =>
      signedBlockAction({
        actionId: 'decision.declare.none',
        value: decisionId,
        userId: w.userId(member),
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: PROMPT_TS,
        ephemeral: true,
        responseUrl,
      });
    const server = await startChild(
      join(ROOT, 'bin', 'server.mjs'),
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        SEED_DEMO: 'false',
        SCHEDULER: 'false',
        PLAYGROUND: 'false',
        LOG_LEVEL: 'error',
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: api.url,
        SLACK_BOT_USER_ID: 'U0BOT',
        SLACK_BOT_ID: 'B0BOT',
      },
      { ready: /running at (\S+)/ },
    );
    let clicks = 0;
    let repeats = 0;
    const runs: LoadResult[] = [];
    let burst: LoadResult;
    try {
      for (const concurrency of [1, 32]) {
        ctx.log(`declarations (${provider}): concurrency ${concurrency}`);
        runs.push(
          await runLoad({
            baseUrl: server.url,
            concurrency,
            request: () => {
              const n = clicks++;
              const next = declarationOf(steady, n);
              if (next) return click(next.decisionId, next.member);
              repeats++;
              return click(steady.decisionIds[0]!, 1 + (n % VOTERS));
            },
          }),
        );
      }
      ctx.log(`declarations (${provider}): a burst of ${BURST} on one decision`);
      burst = await runLoad({
        baseUrl: server.url,
        concurrency: BURST,
        warmup: 0,
        maxRequests: BURST,
        maxMs: 60_000,
        request: (i) => click(burstDecision, 1 + i),
      });
    } finally {
      await server.stop();
    }
    const answered = runs.reduce((n, r) => n + r.warmupSent + r.requests, 0) + burst.requests;
    return { provider, runs, burst, answered, stored: await w.declarations(), repeats };
  } finally {
    await api.close();
    database.remove();
  }
}
