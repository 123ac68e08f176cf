// Exactly once, whatever happens to the servers: two scheduler instances on one database, a
// process killed while sending (its claims expire and are sent later), a week of downtime,
// failed sends.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/domain/chat/reply.ts';
import { CLAIM_MS } from '../../src/domain/review/plan.ts';
import { runReviewSweep, type SweepSummary } from '../../src/services/review/sweep.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { ROOT } from '../support/paths.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { demoRoster, hourlyTicks, logOf, sweep, sweepDeps } from './helpers.ts';

let db: (TestDatabase & { partnership: PartnershipRef }) | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

type Mode = 'record' | 'hold' | 'crash';
type Said = 'summary' | 'held';

interface Child {
  ready: Promise<void>;
  /** resolves once the process has printed one more line of this kind than now (or has ended) */
  next(kind: Said): Promise<void>;
  /** a line on its standard input: sweep at the next time, or (held) go on */
  say(): void;
  done: Promise<{ stdout: string; signal: string | null }>;
}

/** A sweep in its own process (test/review/sweep-process.ts), driven line by line. */
function sweepProcess(mode: Mode, url: string, times: string[]): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'review', 'sweep-process.ts'), mode, url, ...times],
    { cwd: ROOT },
  );
  let stdout = '';
  let stderr = '';
  let ended = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const count = (kind: Said) =>
    stdout.split('\n').filter((l) => (kind === 'held' ? l === 'held' : l.startsWith('{"summary"'))).length;
  const waiting: { kind: Said; above: number; resolve: () => void }[] = [];
  const settle = () => {
    for (const w of [...waiting])
      if (ended || count(w.kind) > w.above) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout.on('data', (d) => {
    stdout += d;
    if (stdout.startsWith('ready\n')) markReady();
    settle();
  });
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ stdout: string; signal: string | null }>((resolve, reject) =>
    child.on('close', (code, signal) => {
      ended = true; // a killed process says no more
      settle();
      if (code !== 0 && signal === null) reject(new Error(`sweep process failed (${code}): ${stderr}`));
      else resolve({ stdout: stdout.replace(/^ready\n/, ''), signal });
    }),
  );
  const next = (kind: Said) =>
    new Promise<void>((resolve) => {
      waiting.push({ kind, above: count(kind), resolve });
      settle();
    });
  const say = () => {
    if (!ended) child.stdin.write('go\n');
  };
  return { ready, next, say, done };
}

/** One sweep at the process's next time, to its end. */
async function sweepOnce(child: Child): Promise<void> {
  const swept = child.next('summary');
  child.say();
  await swept;
}

const OPENING = new Date('2026-09-01T08:05:00Z'); // Tuesday 1 September, 09:05 in London

describe('review season: exactly once', () => {
  it('two scheduler processes on one database never send the same message twice, even when one sweeps while the other is mid-batch', async () => {
    db = await createDemoDatabase();
    const count = 15;
    for (let i = 1; i < count; i++) await db.stores.rosters.importRoster(`partnership-${i}`, demoRoster());
    const times = [OPENING, new Date('2026-09-07T09:05:00Z'), new Date('2026-09-15T08:05:00Z')].map((d) =>
      d.toISOString(),
    );
    // The worst moment for two servers: one has recorded the time's keys and claimed its batch,
    // and is sending its first message, when the other plans the same sends.
    const [holder, other] = [sweepProcess('hold', db!.url, times), sweepProcess('record', db!.url, times)];
    await Promise.all([holder.ready, other.ready]);
    for (let i = 0; i < times.length; i++) {
      const held = holder.next('held');
      const swept = holder.next('summary');
      holder.say();
      const holding = await Promise.race([held.then(() => true), swept.then(() => false)]);
      await sweepOnce(other);
      if (holding) holder.say();
      await swept;
    }
    const outputs = await Promise.all([holder.done, other.done]);
    const lines = outputs.flatMap((o) =>
      o.stdout
        .trim()
        .split('\n')
        .filter((l) => l && l !== 'held')
        .map(
          (l) =>
            JSON.parse(l) as { pid: number; at: string; personId: string; summary: string } | { summary: SweepSummary },
        ),
    );
    const sent = lines.flatMap((l) => ('pid' in l ? [l] : []));
    const summaries = lines.flatMap((l) => ('pid' in l ? [] : [l.summary]));
    const messages = sent.map((s) => `${s.at} ${s.summary} -> ${s.personId}`);

    expect(messages.filter((l, i) => messages.indexOf(l) !== i)).toEqual([]);
    // per partnership: opening, requests; Monday 7's nudge; on Tuesday 15 the nudge of Monday 14
    // (caught up) and the first reminders
    expect(sent).toHaveLength(count * (2 + 11 + 1 + 1 + 11));
    // The other swept while the holder's keys were recorded and its batch claimed: it found
    // nothing of its own to send, so every message went from the holder, once.
    const senders = new Set(sent.map((s) => s.pid)).size;
    expect(senders).toBe(1);
    expect(summaries.reduce((n, s) => n + s.failed, 0)).toBe(0);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(sent.length);
    const rows = await db.database.db.scheduledSend.findMany();
    expect(rows).toHaveLength(count * 26);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a process killed while sending: its claimed batch is sent once, by the first sweep after the claim expires', async () => {
    db = await createDemoDatabase();
    const crashing = sweepProcess('crash', db.url, [OPENING.toISOString()]);
    await crashing.ready;
    await sweepOnce(crashing);
    const child = await crashing.done;
    expect(child.signal).toBe('SIGKILL');
    const rows = await db.database.db.scheduledSend.findMany();
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1 && r.claimedUntil !== null)).toBe(true);
    const expires = Math.min(...rows.map((r) => r.claimedUntil!.getTime()));
    expect(expires).toBeGreaterThanOrEqual(OPENING.getTime() + CLAIM_MS);

    // The restarted server sweeps on its own clock: while the claim holds, nothing goes.
    const clock = new FakeClock(OPENING);
    const notifier = new RecordingNotifier(clock);
    const sweepOn = async (at: Date) => {
      clock.set(at);
      return runReviewSweep({ ...sweepDeps(db!.stores, notifier), clock }, at);
    };
    await sweepOn(new Date(expires - 1));
    expect(notifier.sent).toEqual([]);
    // From the moment it expires: every message of the batch once (none had been handed over).
    await sweepOn(new Date(expires));
    for (const tick of hourlyTicks('2026-09-01T09:05:00Z', '2026-09-02T08:05:00Z')) await sweepOn(tick);
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    const what = (kind: string, personId: string | null) =>
      `${kind === 'review-open' ? 'open' : 'confirm'} -> ${roster.people.find((p) => p.id === personId)!.name}`;
    expect(
      notifier.sent
        .map((s) => what(/ is open: /.test(s.reply.summary) ? 'review-open' : 'review-confirm', s.personId))
        .sort(),
    ).toEqual(rows.map((r) => what(r.kind, r.recipientId)).sort());
    expect(notifier.sent.every((s) => s.at.getTime() === expires)).toBe(true);
    const after = await db.database.db.scheduledSend.findMany();
    expect(after.every((r) => r.status === 'sent' && r.attempts === 2 && r.claimedUntil === null)).toBe(true);

    // A send recorded but never claimed (its sender died in between) is nobody's: the next sweep takes it.
    const sam = roster.people.find((p) => p.name === 'Sam Taylor')!;
    const key = 'nudge:2026-W37:' + sam.id;
    const recordedAt = new Date('2026-09-07T09:05:00Z');
    expect(
      await db.stores.reviews.reserveSends(
        [{ key, partnershipId: db.partnership.id, kind: 'review-nudge', recipientId: sam.id, status: 'pending' }],
        recordedAt,
      ),
    ).toEqual(new Set([key]));
    notifier.sent.length = 0;
    await sweepOn(recordedAt);
    await sweepOn(new Date(recordedAt.getTime() + 60 * 60_000));
    expect(notifier.sent.map((s) => s.personId)).toEqual([sam.id]);
    expect(await db.database.db.scheduledSend.findFirst({ where: { key } })).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('after a week of downtime, what is due now goes once, not once per missed tick', async () => {
    db = await createDemoDatabase();
    const clock = new FakeClock(OPENING);
    const notifier = new RecordingNotifier(clock);
    const ticks = [
      ...hourlyTicks('2026-09-01T00:05:00Z', '2026-09-10T00:05:00Z'),
      ...hourlyTicks('2026-09-18T08:05:00Z', '2026-09-22T00:05:00Z'),
    ];
    for (const tick of ticks) {
      clock.set(tick);
      await sweep(db.stores, notifier, tick);
    }
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    const members = roster.people.filter((p) => p.kind === 'member').map((p) => p.name);
    expect(logOf(notifier.sent, roster)).toEqual([
      'Tue 2026-09-01 09:05 BST open -> Margaret Okafor',
      'Tue 2026-09-01 09:05 BST open -> Sam Taylor',
      ...members.map((n) => `Tue 2026-09-01 09:05 BST confirm -> ${n}`),
      'Mon 2026-09-07 10:05 BST nudge -> Sam Taylor',
      // down from Thursday 10 to Friday 18 September: Monday's nudge and Tuesday's reminders are
      // caught up once, at the first tick back
      'Fri 2026-09-18 09:05 BST nudge -> Sam Taylor',
      ...members.map((n) => `Fri 2026-09-18 09:05 BST reminder 1 -> ${n}`),
      'Mon 2026-09-21 10:05 BST nudge -> Sam Taylor',
    ]);
  });

  it('a person who cannot be reached is tried again after an hour, a day and three days, then the rep is told', async () => {
    db = await createDemoDatabase();
    const clock = new FakeClock(OPENING);
    const notifier = new RecordingNotifier(clock);
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    const rosa = roster.people.find((p) => p.name === 'Rosa Novak')!;
    notifier.unreachable.add(rosa.id);
    const attempts: string[] = [];
    for (const tick of hourlyTicks('2026-09-01T08:05:00Z', '2026-09-07T09:05:00Z')) {
      clock.set(tick);
      const before =
        (await db.database.db.scheduledSend.findFirst({ where: { key: `confirm:2026:${rosa.id}:0` } }))?.attempts ?? 0;
      await sweep(db.stores, notifier, tick);
      const after = (await db.database.db.scheduledSend.findFirst({ where: { key: `confirm:2026:${rosa.id}:0` } }))!
        .attempts;
      if (after > before) attempts.push(tick.toISOString());
    }
    expect(attempts).toEqual([
      '2026-09-01T08:05:00.000Z',
      '2026-09-01T09:05:00.000Z',
      '2026-09-02T09:05:00.000Z',
      '2026-09-05T09:05:00.000Z',
    ]);
    expect(notifier.sent.some((s) => s.personId === rosa.id)).toBe(false);
    const nudge = notifier.sent.find((s) => /still to do/.test(s.reply.summary))!;
    expect(replyText(nudge.reply)).toContain('I could not reach Rosa Novak privately to ask them to confirm');
  });

  it('paces the messages: a pause between two of them, none before the first', async () => {
    db = await createDemoDatabase();
    const notifier = new RecordingNotifier(new FakeClock(OPENING));
    const pauses: number[] = [];
    const summary = await runReviewSweep(
      {
        ...sweepDeps(db.stores, notifier),
        paceMs: 250,
        sleep: async (ms) => {
          pauses.push(ms);
        },
      },
      OPENING,
    );
    expect(summary).toEqual({ partnerships: 1, due: 13, sent: 13, failed: 0, skipped: 0, stopped: false });
    expect(pauses).toEqual(Array.from({ length: 12 }, () => 250));
  });
});
