// SIGTERM during a big review sweep, to a real server process (`node bin/server.mjs`): the
// server stops after the message it is sending instead of finishing the sweep, exits cleanly,
// and the next server to start sends the rest, nobody getting a message twice. Slack is a fake
// Web API on loopback that holds the answer to one chat.postMessage until the server has said it
// is shutting down, so the signal lands mid-sweep whatever the machine's speed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { parseSettings } from '../../src/domain/settings.ts';
import { startServerProcess, type ServerProcess } from '../postgres/server-process.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/eventually.ts';
import { demoRoster } from './helpers.ts';

const TEAM = 'T1';

/** A Slack Web API that opens direct channels and records posts; the n-th post's answer can be held back. */
class HoldingSlack {
  readonly posts: { channel: string; text: string }[] = [];
  private server: Server | null = null;
  private holdAt = 0;
  private releaseHeld: () => void = () => undefined;
  private markHeld: () => void = () => undefined;
  /** resolves when the post to hold has arrived */
  held = new Promise<void>((resolve) => (this.markHeld = resolve));
  url = '';

  hold(n: number): void {
    this.holdAt = n;
  }

  release(): void {
    this.holdAt = 0;
    this.releaseHeld();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += String(d)));
      req.on('end', () => {
        const args = Object.fromEntries(new URLSearchParams(raw));
        const method = (req.url ?? '').split('?')[0]!.replace(/^\/api\//, '');
        const answer = (body: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (method === 'conversations.open') return answer({ ok: true, channel: { id: `D${args.users}` } });
        if (method !== 'chat.postMessage') return answer({ ok: false, error: 'unknown_method' });
        this.posts.push({ channel: String(args.channel), text: String(args.text ?? '') });
        const ok = { ok: true, channel: args.channel, ts: `${1_700_000_000 + this.posts.length}.000100` };
        if (this.posts.length !== this.holdAt) return answer(ok);
        this.releaseHeld = () => answer(ok);
        this.markHeld();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server)
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  }
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** The demo roster and 300 more members, each linked to Slack, in a season open all year with no quiet hours. */
async function bigPartnership(database: Database): Promise<{ messages: number; recipients: number }> {
  const stores = createStores(database);
  const extra = Array.from({ length: 300 }, (_, i) => ({
    name: `Member ${i}`,
    kind: 'member',
    resident: true,
    voting: true,
    roles: [],
    email: `member.${i}@example.org`,
  }));
  await stores.rosters.importRoster('bigsweep', demoRoster({ add: extra }));
  const partnership = (await stores.rosters.findPartnership('bigsweep'))!;
  const settings = parseSettings({
    review: {
      opensOn: '01-01',
      opensAt: '00:00',
      deadline: '12-31',
      quietFrom: '00:00',
      quietTo: '00:00',
      quietDays: [],
      nudgeDays: [],
      finalMonthNudgeDays: [],
    },
  });
  await stores.rosters.updateSettings(partnership.id, settings, null);
  const people = (await stores.rosters.loadRoster(partnership.id)).people;
  for (const [i, person] of people.entries()) await stores.directory.linkIdentity(person.id, 'slack', TEAM, `U${i}`);
  // every member is asked to confirm; the rep and the chair (a member) get the season's opening
  const members = people.filter((p) => p.kind === 'member').length;
  return { messages: members + 2, recipients: members + 1 };
}

function exitOf(server: ServerProcess): Promise<number | null> {
  return server.exited;
}

/** A real server on `url` with the scheduler on, unpaced, talking to the fake Slack at `slackUrl`. */
const serverEnv = (url: string, slackUrl: string, more: Record<string, string> = {}) => ({
  DATABASE_URL: url,
  SEED_DEMO: 'false',
  SCHEDULER: 'true',
  LOG_LEVEL: 'info',
  REVIEW_SEND_INTERVAL_MS: '0',
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'test-signing-secret',
  SLACK_API_URL: slackUrl,
  SLACK_BOT_USER_ID: 'UBOT',
  SLACK_BOT_ID: 'BBOT',
  ...more,
});

describe('shutting down during a big review sweep', () => {
  it('SIGTERM stops the sweep after the message being sent; the next server sends the rest, each once', async () => {
    const target = newDatabaseUrl();
    cleanup.push(() => target.remove());
    const database = await openDatabase(target.url);
    cleanup.push(() => database.close());
    const { messages: expected, recipients } = await bigPartnership(database);
    const slack = await new HoldingSlack().start();
    cleanup.push(() => slack.close());
    const env = serverEnv(target.url, slack.url);

    // The first server's start-up sweep: four messages answered, the fifth held while it is told to stop.
    slack.hold(5);
    const first = await startServerProcess(env);
    cleanup.push(async () => void (await first.stop()));
    await slack.held;
    first.child.kill('SIGTERM');
    await eventually(() => first.output().includes('shutting down'), 'the server saying it is shutting down');
    slack.release();
    expect(await exitOf(first), first.output()).toBe(0);
    expect(first.output()).toContain('review sweep stopped');
    expect(slack.posts).toHaveLength(5); // it did not go on with the sweep's other messages

    const rows = await database.db.scheduledSend.findMany();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(5);
    const unsent = rows.filter((r) => r.status !== 'sent');
    // recorded, and free for the next server: handed back (or never claimed), no attempt counted
    expect(unsent.length).toBe(rows.length - 5);
    expect(unsent.every((r) => r.status === 'pending' && r.attempts === 0 && r.claimedUntil === null)).toBe(true);

    // The next server's start-up sweep sends what is left.
    const second = await startServerProcess(env);
    cleanup.push(async () => void (await second.stop()));
    await eventually(
      async () => (await database.db.scheduledSend.count({ where: { status: 'sent' } })) === expected,
      'every review message sent',
      240_000,
    );
    expect(await second.stop()).toBe(0);
    expect(await database.db.scheduledSend.count()).toBe(expected);
    expect(slack.posts).toHaveLength(expected);
    const perPerson = new Map<string, number>();
    for (const p of slack.posts) perPerson.set(p.channel, (perPerson.get(p.channel) ?? 0) + 1);
    expect(perPerson.size).toBe(recipients);
    // one message each, but the chair: the opening and the confirmation request
    expect([...perPerson.values()].sort().reverse().slice(0, 2)).toEqual([2, 1]);
    const texts = slack.posts.map((p) => `${p.channel} ${p.text}`);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('a chat call that never answers does not hold the server up: it exits after SHUTDOWN_GRACE_SECONDS, the message unconfirmed', async () => {
    const target = newDatabaseUrl();
    cleanup.push(() => target.remove());
    const database = await openDatabase(target.url);
    cleanup.push(() => database.close());
    await bigPartnership(database);
    const slack = await new HoldingSlack().start();
    cleanup.push(() => slack.close());

    slack.hold(3); // never released while the server runs
    const server = await startServerProcess(
      serverEnv(target.url, slack.url, { SHUTDOWN_GRACE_SECONDS: '1', REVIEW_SEND_INTERVAL_MS: '1' }),
    );
    cleanup.push(async () => void (await server.stop()));
    await slack.held;
    server.child.kill('SIGTERM');
    // No second signal: the server ends by itself once the grace period is over.
    expect(await exitOf(server), server.output()).toBe(1);
    expect(server.output()).toContain('shutdown cut short');
    expect(server.output()).toContain('E_SHUTDOWN_GRACE');
    expect(slack.posts).toHaveLength(3);

    // Paced (as servers are), each accepted message is recorded as it goes: two accepted and
    // recorded, never to be sent again; the unanswered one is not marked sent, so once its claim expires
    // the next sweep sends it (docs/review.md, "Exactly once").
    const rows = await database.db.scheduledSend.findMany();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'pending' && r.attempts === 1 && r.claimedUntil !== null)).not.toHaveLength(
      0,
    );
  });
});
