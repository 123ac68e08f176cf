// Sweeps that stop and resume (issue 17): sends are claimed in fixed-size batches, never a whole
// partnership at once; a sweep told to stop ends after the message it is sending and hands the
// rest of its batch back; the next sweep sends what is left, and nobody gets a message twice.
// Time is the test's: the sweep's `now` and a FakeClock; a stop is an AbortController the
// notifier or the pacing pause aborts at a chosen message.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { runReviewSweep, type ReviewSweepDeps } from '../../src/services/review/sweep.ts';
import { SEND_BATCH, sendBatchSize } from '../../src/services/review/send-batches.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier } from '../support/timed-notifier.ts';
import { demoRoster, sweepDeps } from './helpers.ts';

let db: (TestDatabase & { partnership: PartnershipRef }) | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const OPENING = new Date('2026-09-01T08:05:00Z'); // Tuesday 1 September, 09:05 in London

/** Records what it is handed, and lets the test act at the moment the n-th message is handed over. */
class HookedNotifier extends TimedRecordingNotifier {
  onSend: (n: number) => void | Promise<void> = () => undefined;
  override async sendToPerson(personId: string, reply: Reply): Promise<boolean> {
    const delivered = await super.sendToPerson(personId, reply);
    await this.onSend(this.sent.length);
    return delivered;
  }
}

function setup(t: TestDatabase) {
  const clock = new FakeClock(OPENING);
  const notifier = new HookedNotifier(clock);
  const deps = (extra: Partial<ReviewSweepDeps> = {}): ReviewSweepDeps => ({
    ...sweepDeps(t.stores, notifier),
    clock,
    ...extra,
  });
  const rows = () => t.database.db.scheduledSend.findMany({ orderBy: { key: 'asc' } });
  /** one line per message handed over: whom, and which send */
  const handed = () => notifier.sent.map((s) => `${s.personId} ${s.reply.summary.slice(0, 30)}`);
  return { clock, notifier, deps, rows, handed };
}

const duplicates = (lines: string[]) => lines.filter((l, i) => lines.indexOf(l) !== i);

describe('review sweeps that stop and resume', () => {
  it('a sweep told to stop ends after the message it is sending; the next one sends the rest, each once', async () => {
    db = await createDemoDatabase();
    for (let i = 1; i < 5; i++) await db.stores.rosters.importRoster(`partnership-${i}`, demoRoster());
    const { notifier, deps, rows, handed } = setup(db);
    const stop = new AbortController();
    // The 20th message is accepted by the platform while the server is told to stop.
    notifier.onSend = (n) => {
      if (n === 20) stop.abort();
    };
    // two partnerships a page, six messages a batch: the 20th is the second of the fourth batch
    const first = await runReviewSweep(deps({ batchSize: 2, sendBatch: 6, signal: stop.signal }), OPENING);
    expect(first).toMatchObject({ sent: 20, failed: 0, stopped: true });
    expect(notifier.sent).toHaveLength(20);
    const stopped = await rows();
    // Only the first page (26 messages) was recorded; what it did not send is free for the next sweep.
    expect(stopped).toHaveLength(26);
    expect(stopped.filter((r) => r.status === 'sent')).toHaveLength(20);
    const left = stopped.filter((r) => r.status !== 'sent');
    expect(left).toHaveLength(6);
    // four handed back from the batch being sent, two never claimed: none held, no attempt counted
    expect(left.every((r) => r.status === 'pending' && r.attempts === 0 && r.claimedUntil === null)).toBe(true);

    const second = await runReviewSweep(deps({ batchSize: 2, sendBatch: 6 }), OPENING);
    expect(second).toMatchObject({ sent: 45, failed: 0, skipped: 0, stopped: false });
    expect(notifier.sent).toHaveLength(65); // five partnerships of 13 messages
    expect(duplicates(handed())).toEqual([]);
    const done = await rows();
    expect(done).toHaveLength(65);
    expect(done.every((r) => r.status === 'sent' && r.attempts === 1 && r.claimedUntil === null)).toBe(true);
  });

  it('paced: each message is recorded as sent before the next goes, and a stop during a pause sends nothing more', async () => {
    db = await createDemoDatabase();
    const { notifier, deps, rows } = setup(db);
    const stop = new AbortController();
    const recordedWhenHanded: number[] = [];
    notifier.onSend = async () => {
      recordedWhenHanded.push(await db!.database.db.scheduledSend.count({ where: { status: 'sent' } }));
    };
    let pauses = 0;
    const summary = await runReviewSweep(
      deps({
        paceMs: 250,
        signal: stop.signal,
        // the fifth pause (before the sixth message) is cut short by the stop; it never ends by itself
        sleep: () => (++pauses === 5 ? (stop.abort(), new Promise<void>(() => undefined)) : Promise.resolve()),
      }),
      OPENING,
    );
    expect(summary).toMatchObject({ due: 13, sent: 5, stopped: true });
    // when message n was handed over, the n - 1 before it were already recorded as sent
    expect(recordedWhenHanded).toEqual([0, 1, 2, 3, 4]);
    const after = await rows();
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(5);
    expect(after.filter((r) => r.status === 'pending' && r.attempts === 0 && r.claimedUntil === null)).toHaveLength(8);
  });

  it('claims a fixed-size batch at a time, however large the partnership', async () => {
    db = await createDemoDatabase();
    const extra = Array.from({ length: 40 }, (_, i) => ({
      name: `Extra Member ${i}`,
      kind: 'member',
      resident: true,
      voting: true,
      roles: [],
      email: `extra.${i}@example.org`,
    }));
    await db.stores.rosters.importRoster('northfield', demoRoster({ add: extra }));
    const { notifier, deps, rows } = setup(db);
    const held: number[] = [];
    notifier.onSend = async () => {
      held.push(
        await db!.database.db.scheduledSend.count({ where: { status: 'pending', claimedUntil: { not: null } } }),
      );
    };
    const summary = await runReviewSweep(deps({ sendBatch: 10 }), OPENING);
    expect(summary).toMatchObject({ due: 53, sent: 53, stopped: false });
    // while a message goes out, its batch (at most ten) is claimed, never the partnership's 53
    expect(Math.max(...held)).toBe(10);
    expect(held.every((n) => n >= 1 && n <= 10)).toBe(true);
    expect((await rows()).every((r) => r.status === 'sent' && r.claimedUntil === null)).toBe(true);
    // The default size: about two seconds of sending when paced; unpaced, SEND_BATCH.
    expect(sendBatchSize({ ...deps(), paceMs: 250 })).toBe(8);
    expect(sendBatchSize({ ...deps(), paceMs: 5_000 })).toBe(1);
    expect(sendBatchSize(deps())).toBe(SEND_BATCH);
  });
});
