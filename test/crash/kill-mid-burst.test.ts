// Nothing acknowledged is ever lost (issue 17, part 4): real server processes (bin/server.mjs) and
// a fake Slack Web API on loopback; a burst of signed clicks on one open decision (half votes, half
// "No interest" declarations, each from a different member); the receiving process is killed with
// SIGKILL as the 24th click is acknowledged, while the rest are in flight; it is restarted. Then
// every click that got HTTP 200 must be stored, and nothing stored twice. Clicks that got no 200
// may or may not be stored. Half the members click for the first time, and Slack rate-limits the
// burst of users.info calls that asks who they are (a 429 with Retry-After: 3 s, as Slack does):
// their processing takes over 3 s, longer than Slack waits for an acknowledgement, so only a click
// that is on disk before it is acknowledged survives the kill. On SQLite: one process. On PostgreSQL: two processes on one database,
// clicks sent to one of them (the one killed); either may finish what the dead one had taken.
// The benchmark runs the same with 120 clicks (bench/sections/crash-burst.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crashClicks,
  crashDeclared,
  crashLinked,
  sendBurstAndKill,
  settledCheck,
  tallyCrash,
  type CrashClick,
} from '../../bench/lib/crash-burst.ts';
import { createDecisionWorld, readStoredClicks, type DecisionWorld } from '../../bench/lib/decision-world.ts';
import { BENCH_SIGNING_SECRET } from '../../bench/lib/slack-request.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { startServerProcess, type ServerProcess } from '../postgres/server-process.ts';
import { TEST_PROVIDER, testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/eventually.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';

const CLICKS = 36;
const KILL_AFTER_ACKS = 24;
/** Seconds a claimed inbox item is held before another process may take it over (default 30). */
const INBOX_CLAIM_SECONDS = 2;
const TEAM = 'T0CRASH';
const CHANNEL = 'C0CRASH';

const describeClick = (c: CrashClick) => `member ${c.member} (${c.kind})`;

describe(`kill -9 of the receiving server mid-burst (${TEST_PROVIDER})`, () => {
  let target: { url: string; remove(): void };
  let api: FakeSlackApi;
  let world: DecisionWorld;
  const servers: ServerProcess[] = [];

  const start = async () => {
    const server = await startServerProcess({
      DATABASE_URL: target.url,
      SEED_DEMO: 'false',
      SCHEDULER: 'false',
      SLACK_BOT_TOKEN: 'xoxb-crash',
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: api.url,
      SLACK_BOT_USER_ID: 'U0BOT',
      SLACK_BOT_ID: 'B0BOT',
      INBOX_CLAIM_SECONDS: String(INBOX_CLAIM_SECONDS),
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    target = await testDatabaseUrl();
    const members = CLICKS + 1;
    const userId = (i: number) => `U0CRASH${i}`;
    api = await startFakeSlackApi(
      Array.from({ length: members }, (_, i) => ({ id: userId(i), teamId: TEAM, email: `member${i}@example.org` })),
    );
    world = await createDecisionWorld({
      databaseUrl: target.url,
      conversation: { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
      members,
      decisions: 1,
      userId,
      declared: crashDeclared,
      linked: crashLinked,
    });
    for (let i = 1; i < members; i++) if (!crashLinked(i)) api.failNext('users.info', { status: 429, retryAfter: 3 });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await api?.close();
    target?.remove();
  });

  it('stores every acknowledged vote and declaration once, whatever was in flight', async () => {
    // PostgreSQL: a second replica on the same database, which may take over the dead one's work.
    const [receiver] = await Promise.all([start(), ...(TEST_PROVIDER === 'postgres' ? [start()] : [])]);
    const clicks = crashClicks(world, {
      clicks: CLICKS,
      teamId: TEAM,
      channelId: CHANNEL,
      responseUrl: (i) => api.responseUrl(`crash-${i}`),
    });
    expect(clicks.filter((c) => c.kind === 'vote')).toHaveLength(CLICKS / 2);

    const burst = await sendBurstAndKill({
      url: receiver!.url,
      clicks,
      concurrency: CLICKS, // one burst: every click on the wire at once
      killAfterAcks: KILL_AFTER_ACKS,
      kill: () => receiver!.child.kill('SIGKILL'),
    });
    expect(burst.killed, `the receiver was killed at the ${KILL_AFTER_ACKS}th acknowledgement`).toBe(true);
    await receiver!.stop();
    await start(); // the restarted receiver, on the same database

    // Waiting for recovery: the restarted process (or, on PostgreSQL, the other replica) takes over
    // what the dead one had received, once its claim has expired. Settled = every acknowledged click
    // is stored and nothing changed for 3 claim periods (or nothing changed for 30 s while some
    // acknowledged click is missing: lost). The limit is only a hang guard.
    await eventually(
      settledCheck({
        read: () => readStoredClicks(target.url, world.decisionIds[0]!),
        clicks,
        outcomes: burst.outcomes,
        quietMs: 3 * INBOX_CLAIM_SECONDS * 1_000,
        giveUpQuietMs: 30_000,
      }),
      'processing to settle after the restart',
      240_000,
    );

    const tally = tallyCrash(clicks, burst.outcomes, await readStoredClicks(target.url, world.decisionIds[0]!));
    expect(tally.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(
      tally.lost.map(describeClick),
      `acknowledged but not stored (sent ${tally.sent}, acknowledged ${tally.acknowledged}, stored ${tally.stored})`,
    ).toEqual([]);
    expect(tally.doubled.map((d) => `${describeClick(d.click)}: ${d.why}`)).toEqual([]);
    // and the durable inbox is settled too: nothing left pending, no body kept
    const database = await openDatabase(target.url);
    try {
      // a click that was written but never acknowledged may still be finishing
      await eventually(
        async () => (await database.db.inboxItem.count({ where: { status: 'pending' } })) === 0,
        'the inbox to have nothing pending',
        120_000,
      );
      const items = await database.db.inboxItem.findMany({ select: { status: true, body: true } });
      expect(items.filter((i) => i.body !== null)).toEqual([]);
      expect(items.length).toBeGreaterThanOrEqual(tally.acknowledged);
    } finally {
      await database.close();
    }
    // Every server's log is free of the database driver's deprecation warnings (pg warns when a
    // connection is handed a query while another is running: inbox-marking.ts queues them).
    for (const server of servers) expect(server.output()).not.toContain('DeprecationWarning');
  });
});
