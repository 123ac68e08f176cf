// Section 7 (issue 17, part 4, full size): the crash test of the suite (test/crash/kill-mid-burst.test.ts)
// with 120 clicks: a burst of votes and declarations on one decision to a real server process,
// kill -9 of that process as the 80th click is acknowledged, restart, and then what was sent,
// acknowledged, stored and lost. On SQLite (one process) and PostgreSQL (two processes on one
// database, the clicks sent to the one killed). Two bursts each: every member already linked to
// Slack (as in the report), and half of them clicking for the first time while Slack
// rate-limits users.info (as in the suite's test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployMigrations } from '../../adapters/persistence/index.ts';
import { startFakeSlackApi } from '../../test/fakes/slack-api.ts';
import { ROOT, startChild, type Child } from '../lib/child.ts';
import {
  crashClicks,
  crashDeclared,
  crashLinked,
  sendBurstAndKill,
  settledCheck,
  tallyCrash,
  type CrashTally,
} from '../lib/crash-burst.ts';
import { createDecisionWorld, readStoredClicks } from '../lib/decision-world.ts';
import { BENCH_SIGNING_SECRET } from '../lib/slack-request.ts';
import type { BenchContext, Section } from '../report.ts';

const CLICKS = 120;
const KILL_AFTER_ACKS = 80;
const INBOX_CLAIM_SECONDS = 2;
const TEAM = 'T0CRASH';
const CHANNEL = 'C0CRASH';
/** The wait for processing to settle gives up after this long (a hang guard, not a measurement). */
const SETTLE_LIMIT_MS = 180_000;

type Provider = 'sqlite' | 'postgres';
type Variant = 'linked' | 'first clicks';

interface CrashRun {
  provider: Provider;
  variant: Variant;
  processes: number;
  tally: CrashTally;
  inFlightAtKill: number;
  killed: boolean;
  settleSeconds: number;
}

async function databaseFor(ctx: BenchContext, provider: Provider, name: string) {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-crash-'));
    const url = `file:${join(dir, 'crash.db')}`;
    await deployMigrations(url, 'sqlite');
    return { url, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const cluster = await ctx.postgres();
  if (!cluster) return null;
  const url = await cluster.createDatabase(name);
  await deployMigrations(url, 'postgres');
  return { url, remove: () => undefined }; // the cluster is thrown away at the end of the run
}

async function crashRun(ctx: BenchContext, provider: Provider, variant: Variant, n: number): Promise<CrashRun | null> {
  const target = await databaseFor(ctx, provider, `crash_${n}`);
  if (!target) return null;
  const members = CLICKS + 1;
  const userId = (i: number) => `U0CRASH${i}`;
  const api = await startFakeSlackApi(
    Array.from({ length: members }, (_, i) => ({ id: userId(i), teamId: TEAM, email: `member${i}@example.org` })),
  );
  const servers: Child[] = [];
  try {
    const world = await createDecisionWorld({
      databaseUrl: target.url,
      conversation: { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
      members,
      decisions: 1,
      userId,
      declared: crashDeclared,
      ...(variant === 'first clicks' ? { linked: crashLinked } : {}),
    });
    if (variant === 'first clicks')
      for (let i = 1; i < members; i++) if (!crashLinked(i)) api.failNext('users.info', { status: 429, retryAfter: 3 });
    const start = async () => {
      const server = await startChild(
        join(ROOT, 'bin', 'server.mjs'),
        {
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: target.url,
          SEED_DEMO: 'false',
          SCHEDULER: 'false',
          PLAYGROUND: 'false',
          LOG_LEVEL: 'error',
          SLACK_BOT_TOKEN: 'xoxb-crash',
          SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
          SLACK_API_URL: api.url,
          SLACK_BOT_USER_ID: 'U0BOT',
          SLACK_BOT_ID: 'B0BOT',
          INBOX_CLAIM_SECONDS: String(INBOX_CLAIM_SECONDS),
        },
        { ready: /running at (\S+)/, timeoutMs: 120_000 },
      );
      servers.push(server);
      return server;
    };
    const processes = provider === 'postgres' ? 2 : 1;
    const [receiver] = await Promise.all(Array.from({ length: processes }, start));
    const clicks = crashClicks(world, {
      clicks: CLICKS,
      teamId: TEAM,
      channelId: CHANNEL,
      responseUrl: (i) => api.responseUrl(`crash-${i}`),
    });
    ctx.log(`crash (${provider}, ${variant}): ${CLICKS} clicks, kill -9 at the ${KILL_AFTER_ACKS}th acknowledgement`);
    const burst = await sendBurstAndKill({
      url: receiver!.url,
      clicks,
      concurrency: CLICKS,
      killAfterAcks: KILL_AFTER_ACKS,
      kill: () => receiver!.process.kill('SIGKILL'),
    });
    await receiver!.stop();
    await start();
    const settling = Date.now();
    const settled = settledCheck({
      read: () => readStoredClicks(target.url, world.decisionIds[0]!),
      clicks,
      outcomes: burst.outcomes,
      quietMs: 3 * INBOX_CLAIM_SECONDS * 1_000,
      giveUpQuietMs: 15_000,
    });
    while (!(await settled())) {
      if (Date.now() - settling > SETTLE_LIMIT_MS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const tally = tallyCrash(clicks, burst.outcomes, await readStoredClicks(target.url, world.decisionIds[0]!));
    return {
      provider,
      variant,
      processes,
      tally,
      inFlightAtKill: burst.inFlightAtKill,
      killed: burst.killed,
      settleSeconds: (Date.now() - settling) / 1000,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await api.close();
    target.remove();
  }
}

export const crashBurst: Section = {
  id: '7',
  title: 'Kill -9 mid-burst: acknowledged clicks against stored ones',
  async run(ctx) {
    const runs: CrashRun[] = [];
    const skipped: string[] = [];
    let n = 0;
    for (const provider of ['sqlite', 'postgres'] as const)
      for (const variant of ['linked', 'first clicks'] as const) {
        const r = await crashRun(ctx, provider, variant, n++);
        if (r) runs.push(r);
        else skipped.push(`${provider} (${variant}): PostgreSQL is not available on this machine`);
      }
    const rows = runs.map((r) => [
      r.provider === 'sqlite' ? 'SQLite, 1 process' : `PostgreSQL, ${r.processes} processes`,
      r.variant === 'linked' ? 'all linked' : 'half first clicks, users.info rate-limited',
      String(r.tally.sent),
      String(r.tally.acknowledged),
      r.killed ? String(r.inFlightAtKill) : 'not killed: all answered first',
      String(r.tally.stored),
      String(r.tally.lost.length),
      String(r.tally.doubled.length),
    ]);
    return {
      id: this.id,
      title: this.title,
      about:
        `${CLICKS} signed clicks at once on one open decision, each from a different member: half votes (members who had ` +
        'declared), half "No interest" declarations (`decision.declare.none`). The receiving server (bin/server.mjs) is killed ' +
        `with SIGKILL as the ${KILL_AFTER_ACKS}th click is acknowledged, then restarted (INBOX_CLAIM_SECONDS=${INBOX_CLAIM_SECONDS}); ` +
        'once nothing has changed in the database for 3 claim periods (or 15 s while an acknowledged click is still missing), ' +
        'the database is read. Sent: clicks on the wire; acknowledged: HTTP 200; stored: the vote or declaration is in the ' +
        'database; lost: acknowledged and not stored; doubled: audited twice. "First clicks": half the members are not linked yet, ' +
        'so the server asks Slack who they are (users.info), and Slack answers the burst with 429, Retry-After 3 s. ' +
        'The same test runs small (36 clicks) in the suite: test/crash/kill-mid-burst.test.ts.',
      tables: [
        {
          columns: [
            'Database',
            'Members',
            'Sent',
            'Acknowledged',
            'In flight at the kill',
            'Stored',
            'Lost',
            'Doubled',
          ],
          rows,
        },
      ],
      targets: [
        {
          text: 'nothing acknowledged is lost, nothing is stored twice',
          met: runs.length ? runs.every((r) => r.tally.lost.length === 0 && r.tally.doubled.length === 0) : null,
          note: runs
            .map((r) => `${r.provider} (${r.variant}): ${r.tally.lost.length} lost, ${r.tally.doubled.length} doubled`)
            .join('; '),
        },
      ],
      notes: skipped,
      data: runs.map((r) => ({
        ...r,
        tally: { ...r.tally, lost: r.tally.lost.map((c) => c.member), doubled: r.tally.doubled.length },
      })),
    };
  },
};
