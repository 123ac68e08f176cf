// How the review sweep sends a page's messages: in fixed-size batches, each claimed for a while
// (CLAIM_MS), sent one by one, and confirmed as the platform accepts them. A sweep told to stop
// finishes the message it is sending, records it, and hands the rest of its batch back; a sweep
// that is killed leaves its batch claimed, and the claim's expiry lets the next sweep try the
// unconfirmed sends again (docs/review.md, "Exactly once").
import { CLAIM_MS, retryAfter, type DueSend, type Plan, type SeasonState } from '../../domain/review/plan.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import type { ServiceDeps } from '../deps.ts';
import type { Delivery } from '../events.ts';
import type { FinishedSends, SendClaim, SendRef } from '../ports/index.ts';

export interface ReviewSweepDeps extends ServiceDeps {
  /** pause between two messages, so chat platforms' rate limits are respected (0 in tests) */
  paceMs?: number;
  /** partnerships loaded per page (at most 500: the database limits a query's parameters) */
  batchSize?: number;
  /** messages claimed and sent at a time (default: SEND_BATCH_MS' worth when paced, else SEND_BATCH) */
  sendBatch?: number;
  sleep?: (ms: number) => Promise<void>;
  /** once aborted (the server is shutting down), the sweep stops after the message it is sending */
  signal?: AbortSignal;
}

export interface SweepSummary {
  partnerships: number;
  due: number;
  sent: number;
  failed: number;
  /** taken by another process between planning and claiming */
  skipped: number;
  /** told to stop before it was done: what it did not send is left to the next sweep */
  stopped: boolean;
}

/** A paced batch is about this long, so that a stop or a crash leaves little claimed. */
export const SEND_BATCH_MS = 2_000;
/** Messages per batch when not paced: a claim and a mark per this many keeps a big opening day fast. */
export const SEND_BATCH = 500;
/** Sends the platform accepted are recorded at least this often (and after every message when paced). */
export const CONFIRM_EVERY_MS = 250;

export interface Work {
  state: SeasonState;
  plan: Plan;
}

interface Queued {
  item: DueSend;
  work: Work;
  claim: SendClaim;
}

/** What sending a page needs from the sweep around it. */
export interface Sending {
  deps: ReviewSweepDeps;
  now: Date;
  summary: SweepSummary;
  /** waits before every message but the sweep's first; returns at once when told to stop */
  pace(): Promise<void>;
  /** the sweep's `now` moved on by the time it has been running: claims are measured in it */
  elapsedNow(): Date;
}

export const sendBatchSize = (deps: ReviewSweepDeps): number => {
  if (deps.sendBatch) return Math.max(1, Math.floor(deps.sendBatch));
  const paceMs = deps.paceMs ?? 0;
  return paceMs > 0 ? Math.max(1, Math.floor(SEND_BATCH_MS / paceMs)) : SEND_BATCH;
};

const stopRequested = (deps: ReviewSweepDeps) => deps.signal?.aborted ?? false;

/**
 * A page of partnerships' sends. Their new keys are recorded first (pending, attempts 0), with the
 * nudge slots that had nothing to say (skipped); a key another process recorded first is not ours
 * to send. Then the due sends, new and recorded earlier alike, go in batches of a fixed size.
 */
export async function sendPage(sending: Sending, work: Work[]): Promise<void> {
  const { deps, now, summary } = sending;
  const rows = work.flatMap((w) => {
    const partnershipId = w.state.roster.partnership.id!;
    return [
      ...w.plan.due
        .filter((d) => d.claim.type === 'insert')
        .map((d) => ({
          key: d.key,
          partnershipId,
          kind: d.kind,
          recipientId: d.recipientId,
          status: 'pending' as const,
        })),
      ...w.plan.skipped.map((d) => ({
        key: d.key,
        partnershipId,
        kind: d.kind,
        recipientId: d.recipientId,
        status: 'skipped' as const,
      })),
    ];
  });
  const reserved = rows.length ? await deps.stores.reviews.reserveSends(rows, now) : new Set<string>();
  const queue: Queued[] = [];
  for (const w of work) {
    const partnershipId = w.state.roster.partnership.id!;
    for (const item of w.plan.due) {
      summary.due++;
      if (item.claim.type === 'claim')
        queue.push({
          item,
          work: w,
          claim: { partnershipId, key: item.key, status: item.claim.status, attempts: item.claim.attempts },
        });
      else if (reserved.has(item.key))
        queue.push({ item, work: w, claim: { partnershipId, key: item.key, status: 'pending', attempts: 0 } });
      else summary.skipped++; // recorded by another process meanwhile: theirs to send
    }
  }
  const size = sendBatchSize(deps);
  // A batch's last outcomes are recorded with the next batch's claim (one commit), the page's last at its end.
  let finished: FinishedSends[] = [];
  for (let i = 0; i < queue.length; i += size) {
    if (stopRequested(deps)) {
      summary.stopped = true;
      break;
    }
    finished = await sendBatch(sending, queue.slice(i, i + size), finished);
  }
  for (const { sends, outcome } of finished) await deps.stores.reviews.finishSends(sends, outcome);
}

/**
 * Claim a batch (recording the previous batch's outcomes in the same transaction), send it one
 * message at a time, confirm what went; returns the outcomes still to record. On a stop, records
 * them and hands back what did not go.
 */
async function sendBatch(sending: Sending, batch: Queued[], previous: FinishedSends[]): Promise<FinishedSends[]> {
  const { deps, summary } = sending;
  const reviews = deps.stores.reviews;
  const claimAt = sending.elapsedNow();
  const until = new Date(claimAt.getTime() + CLAIM_MS);
  const won = new Set(
    await reviews.claimSends(
      batch.map((q) => q.claim),
      claimAt,
      until,
      previous,
    ),
  );
  const claimed = batch.filter((q) => won.has(q.item.key));
  summary.skipped += batch.length - claimed.length; // claimed by another process first
  const outcomes = new Outcomes(sending);
  for (let i = 0; i < claimed.length; i++) {
    const { item, work, claim } = claimed[i]!;
    const attempts = claim.attempts + 1;
    let delivered = false;
    if (work.state.roster.people.some((p) => p.id === item.recipientId)) {
      await sending.pace();
      if (stopRequested(deps)) {
        await outcomes.flush();
        await reviews.releaseSends(
          claimed.slice(i).map((q) => q.claim),
          until,
        );
        summary.stopped = true;
        return [];
      }
      try {
        delivered = (await announce(deps, item, work.state, work.plan.status!)).reached.includes(item.recipientId);
      } catch (error) {
        deps.logger.warn('review message failed', { key: item.key, code: (error as { code?: string }).code });
      }
    }
    if (delivered) await outcomes.sent(claim);
    else outcomes.failed(claim, attempts);
  }
  return outcomes.take();
}

/**
 * The outcomes of a batch's sends, written a few at a time. "Sent" is written as soon as the
 * platform accepted the message when paced (one statement per message is nothing next to the
 * pause), otherwise at least every CONFIRM_EVERY_MS, so a crash can repeat only the last moment's
 * messages. Failures wait for the end of the batch: repeating one costs nobody a second message.
 */
class Outcomes {
  private sentKeys: SendRef[] = [];
  private readonly failedKeys = new Map<number, SendRef[]>(); // by attempts made: they wait alike before the next
  private confirmedAt: number;

  constructor(private readonly sending: Sending) {
    this.confirmedAt = sending.deps.clock.now().getTime();
  }

  async sent(send: SendRef): Promise<void> {
    this.sentKeys.push(send);
    const { deps } = this.sending;
    const due = (deps.paceMs ?? 0) > 0 || deps.clock.now().getTime() - this.confirmedAt >= CONFIRM_EVERY_MS;
    if (due) await this.writeSent();
  }

  failed(send: SendRef, attempts: number): void {
    const sends = this.failedKeys.get(attempts);
    if (sends) sends.push(send);
    else this.failedKeys.set(attempts, [send]);
  }

  /** What is still to record (counted as recorded: the caller records it). */
  take(): FinishedSends[] {
    const { now, summary } = this.sending;
    const out: FinishedSends[] = [];
    if (this.sentKeys.length) out.push({ sends: this.sentKeys, outcome: { status: 'sent', at: now } });
    summary.sent += this.sentKeys.length;
    this.sentKeys = [];
    for (const [attempts, sends] of this.failedKeys) {
      out.push({ sends, outcome: { status: 'failed', at: now, nextAttemptAt: retryAfter(attempts, now) } });
      summary.failed += sends.length;
    }
    this.failedKeys.clear();
    return out;
  }

  async flush(): Promise<void> {
    for (const { sends, outcome } of this.take()) await this.sending.deps.stores.reviews.finishSends(sends, outcome);
  }

  private async writeSent(): Promise<void> {
    const { deps, now, summary } = this.sending;
    this.confirmedAt = deps.clock.now().getTime();
    if (!this.sentKeys.length) return;
    const keys = this.sentKeys;
    this.sentKeys = [];
    await deps.stores.reviews.finishSends(keys, { status: 'sent', at: now });
    summary.sent += keys.length;
  }
}

/** The event for one due send: the chat layer renders it and says whether the person was reached. */
function announce(deps: ReviewSweepDeps, item: DueSend, state: SeasonState, status: ReviewStatus): Promise<Delivery> {
  const { roster } = state;
  const about = { roster, recipientId: item.recipientId, sendKey: item.key };
  switch (item.kind) {
    case 'review-open':
      return deps.events.emit('ReviewSeasonOpened', { ...about, status });
    case 'review-nudge':
      return deps.events.emit('ReviewNudgeDue', { ...about, status });
    case 'review-confirm':
      return deps.events.emit('MembershipConfirmationRequested', {
        ...about,
        year: status.year,
        reminder: item.reminder ?? 0,
        deadline: status.season.closes,
      });
  }
}
