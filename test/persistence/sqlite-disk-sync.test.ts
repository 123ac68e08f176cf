// What is acknowledged is on disk first (docs/database.md, "Syncs"). better-sqlite3 is built so
// that a connection in WAL mode that never sets `synchronous` commits without a disk sync, while
// the pragma still reads FULL; reading the pragma proves nothing. These tests watch the system
// calls (strace), the one outside witness of a sync: a real SQLite file, a real server process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_SIGNING_SECRET, signedBlockAction } from '../../bench/lib/slack-request.ts';
import { adaptiveCardInvoke } from '../../bench/lib/teams-request.ts';
import { startFakeBotConnector } from '../fakes/bot-connector.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { startServerProcess } from '../postgres/server-process.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { ROOT, TMP_DIR } from '../support/paths.ts';

const HAS_STRACE = spawnSync('strace', ['-f', '-qq', '-e', 'trace=none', 'true']).status === 0;

interface Call {
  pid: string;
  text: string;
}

/** strace -f lines as "pid text"; a call split by another thread's is joined back at its end. */
function readTrace(path: string): Call[] {
  const open = new Map<string, string>();
  const calls: Call[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, text] = m as unknown as [string, string, string];
    if (text.endsWith('<unfinished ...>')) open.set(pid, text.replace(/\s*<unfinished \.\.\.>$/, ''));
    else if (text.startsWith('<...')) {
      calls.push({ pid, text: `${open.get(pid) ?? ''}${text.replace(/^<\.\.\. \w+ resumed>/, '')}` });
      open.delete(pid);
    } else calls.push({ pid, text });
  }
  return calls;
}

const isLogSync = (c: Call) => /^f(data)?sync\(\d+<[^>]*-wal>\)\s*= 0/.test(c.text);

/**
 * The server's requests to `path` and their answers, from its trace: for each answer, whether the
 * log was synced after its request was read; and how many log syncs the thread that reads the
 * requests (the event loop) made itself while they ran, during which it could answer nobody. Those
 * are counted from the first answer on: the first write after start creates the log file, which
 * SQLite syncs (with its folder) where it writes, once.
 */
function answers(calls: Call[], path: string): { acks: { synced: boolean }[]; loopSyncs: number } {
  const acks: { synced: boolean }[] = [];
  const waiting = new Map<string, boolean>(); // socket fd -> a sync was seen since its request
  let loop: string | undefined;
  let loopSyncs = 0;
  const request = new RegExp(`^read\\((\\d+)<(?:TCP|socket)[^>]*>, "POST ${path.replace(/\//g, '\\/')}`);
  for (const c of calls) {
    if (isLogSync(c)) {
      for (const fd of waiting.keys()) waiting.set(fd, true);
      if (c.pid === loop && waiting.size && acks.length) loopSyncs++;
    }
    const read = request.exec(c.text);
    if (read) {
      waiting.set(read[1]!, false);
      loop ??= c.pid;
    }
    const answer = /^writev?\((\d+)<(?:TCP|socket)[^>]*>, (\[\{iov_base=)?"HTTP\/1\.1 200/.exec(c.text);
    if (answer && waiting.has(answer[1]!)) {
      acks.push({ synced: waiting.get(answer[1]!)! });
      waiting.delete(answer[1]!);
    }
  }
  return { acks, loopSyncs };
}

const TRACED = ['-f', '-qq', '-y', '-s', '24', '-e', 'trace=fsync,fdatasync,read,write,writev'];

const TITLE = `SQLite commits reach the disk (watched with strace${HAS_STRACE ? '' : '; skipped: strace is not installed'})`;

describe.skipIf(!HAS_STRACE)(TITLE, () => {
  const dir = mkdtempSync(join(TMP_DIR, 'disk-sync-'));
  let api: FakeSlackApi;

  beforeAll(async () => {
    api = await startFakeSlackApi();
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the log at every commit, off the event loop for "later" commits, and not for unsynced ones', () => {
    const target = newDatabaseUrl();
    const trace = join(dir, 'commits.trace');
    try {
      const run = spawnSync(
        'strace',
        ['-f', '-qq', '-y', '-s', '40', '-e', 'trace=fsync,fdatasync,write', '-o', trace, process.execPath]
          .concat(['--import', 'tsx', join(ROOT, 'test', 'persistence', 'disk-sync-process.ts')])
          .concat([target.url.replace(/^file:/, '')]),
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const calls = readTrace(trace);
      const main = calls.find((c) => c.text.includes('"PHASE prisma'))!.pid;
      const phases = new Map<string, Call[]>();
      let phase = '';
      for (const c of calls) {
        const m = /"PHASE (\w+)/.exec(c.text);
        if (m) phase = m[1]!;
        else if (phase && isLogSync(c)) phases.set(phase, [...(phases.get(phase) ?? []), c]);
      }
      // three commits each: Prisma's and the prepared statements' are synced as they commit
      expect(phases.get('prisma')?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(phases.get('synced')?.length ?? 0).toBeGreaterThanOrEqual(3);
      // "later": synced by a thread-pool thread, never blocking the event loop
      const later = phases.get('later') ?? [];
      expect(later.length).toBeGreaterThanOrEqual(3);
      expect(later.every((c) => c.pid !== main)).toBe(true);
      expect(phases.get('unsynced') ?? []).toEqual([]);
      // `runUnsynced`: committed, never synced by the call (the next synced commit covers it)
      expect(phases.get('runUnsynced') ?? []).toEqual([]);
    } finally {
      target.remove();
    }
  });

  it('acknowledges a Slack click only after the log holding its inbox row is synced, never syncing on the event loop', async () => {
    const target = newDatabaseUrl();
    const trace = join(dir, 'server.trace');
    const wrap = ['strace', ...TRACED, '-o', trace];
    const server = await startServerProcess(
      {
        DATABASE_URL: target.url,
        SEED_DEMO: 'false',
        SCHEDULER: 'false',
        SLACK_BOT_TOKEN: 'xoxb-sync',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: api.url,
        SLACK_BOT_USER_ID: 'U0BOT',
        SLACK_BOT_ID: 'B0BOT',
      },
      240_000,
      wrap,
    );
    try {
      for (let i = 0; i < 3; i++) {
        const click = signedBlockAction({
          actionId: 'decision.vote',
          value: `no-such-decision-${i}:0`,
          userId: `U0SYNC${i}`,
          responseUrl: api.responseUrl(`sync-${i}`),
        });
        const res = await fetch(`${server.url}${click.path}`, {
          method: 'POST',
          headers: click.headers,
          body: click.body,
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await server.stop();
    }
    try {
      const { acks, loopSyncs } = answers(readTrace(trace), '/slack/events');
      expect(acks).toEqual([{ synced: true }, { synced: true }, { synced: true }]);
      // the syncs ran on the thread pool: the event loop never waited for the disk
      expect(loopSyncs).toBe(0);
    } finally {
      target.remove();
    }
  });

  it('answers a Teams click in a personal chat only after its rows are synced, never syncing on the event loop', async () => {
    // Each click is a person's first in their personal chat: the bot stores the chat's reference
    // and the inbox row, then answers (the decision does not exist: nothing else is written).
    const target = newDatabaseUrl();
    const trace = join(dir, 'teams.trace');
    const connector = await startFakeBotConnector();
    const server = await startServerProcess(
      { DATABASE_URL: target.url, SEED_DEMO: 'false', SCHEDULER: 'false' },
      240_000,
      ['strace', ...TRACED, '-o', trace],
    );
    try {
      for (let i = 0; i < 3; i++) {
        const invoke = adaptiveCardInvoke({
          verb: 'decision.vote',
          data: { pb: { kind: 'action', actionId: 'decision.vote', value: `no-such-decision-${i}:0` } },
          userId: `aad-sync-${i}`,
          serviceUrl: connector.url,
          personal: true,
        });
        const res = await fetch(`${server.url}${invoke.path}`, {
          method: 'POST',
          headers: invoke.headers,
          body: invoke.body,
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await server.stop();
      await connector.close();
    }
    try {
      const { acks, loopSyncs } = answers(readTrace(trace), '/api/messages');
      expect(acks).toEqual([{ synced: true }, { synced: true }, { synced: true }]);
      expect(loopSyncs).toBe(0);
    } finally {
      target.remove();
    }
  });
});
