// The review-season job: for every partnership, work out what is due now and send each message
// exactly once. Order per message: record the unique key (pending) -> claim it -> send -> mark
// sent or failed. The key is in the database before anything goes out, so a restart, a second
// process or a late tick finds it and does not send again (docs/review.md, "Exactly once").
import { isOpen, isQuiet, reviewYear, seasonAt } from '../domain/review/calendar.js';
import { planReviewSends, retryAfter, STALE_PENDING_MS, type DueSend, type SeasonState } from '../domain/review/plan.js';
import type { ReviewStatus } from '../domain/review/status.js';
import type { Reply } from '../bot/reply.js';
import { confirmationRequest, nudgeMessage, seasonOpenMessage } from '../bot/views/review-messages.js';
import type { Logger, Notifier, PartnershipRef, ReviewStore } from '../ports/index.js';

export interface ReviewSweepDeps {
  reviews: ReviewStore;
  notifier: Notifier;
  logger: Logger;
  /** pause between two messages, so chat platforms' rate limits are respected (0 in tests) */
  paceMs?: number;
  /** partnerships loaded per page */
  batchSize?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SweepSummary {
  partnerships: number;
  due: number;
  sent: number;
  failed: number;
  /** taken by another process between planning and recording */
  skipped: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runReviewSweep(deps: ReviewSweepDeps, now: Date): Promise<SweepSummary> {
  const summary: SweepSummary = { partnerships: 0, due: 0, sent: 0, failed: 0, skipped: 0 };
  const batchSize = deps.batchSize ?? 200;
  const pacer = makePacer(deps.paceMs ?? 0, deps.sleep ?? defaultSleep);
  let after: string | null = null;
  for (;;) {
    const page = await deps.reviews.listPartnerships(after, batchSize);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    // Cheap filter before loading rosters: most hours, most partnerships have nothing to do.
    const active = page.filter((p) => !isQuiet(now, p.settings) && isOpen(now, seasonAt(now, p.settings)));
    for (const [year, group] of byYear(active, now)) {
      for (const state of await deps.reviews.loadSeasonStates(group, year)) {
        summary.partnerships++;
        const plan = planReviewSends(state, now);
        if (!plan.status || !plan.due.length) continue;
        summary.due += plan.due.length;
        await sendAll(deps, state, plan.status, plan.due, now, pacer, summary);
      }
    }
    if (page.length < batchSize) break;
  }
  if (summary.due) deps.logger.info('review sweep', { ...summary });
  return summary;
}

function byYear(partnerships: PartnershipRef[], now: Date): Map<number, PartnershipRef[]> {
  const out = new Map<number, PartnershipRef[]>();
  for (const p of partnerships) {
    const year = reviewYear(now, p.settings);
    out.set(year, [...(out.get(year) ?? []), p]);
  }
  return out;
}

function makePacer(ms: number, sleep: (ms: number) => Promise<void>) {
  let first = true;
  return async () => {
    if (!first && ms > 0) await sleep(ms);
    first = false;
  };
}

/**
 * Record every due key first (one partnership's worth), then send them one by one. If the
 * process dies part-way, the rows it never started (attempts 0) are taken over by a later sweep
 * after STALE_PENDING_MS; a row whose send had started is never sent again.
 */
async function sendAll(deps: ReviewSweepDeps, state: SeasonState, status: ReviewStatus, due: DueSend[], now: Date, pace: () => Promise<void>, summary: SweepSummary) {
  const partnershipId = state.roster.partnership.id!;
  const mine: DueSend[] = [];
  for (const item of due) {
    if (item.claim.type === 'insert') {
      if (await deps.reviews.reserveSend({ key: item.key, partnershipId, kind: item.kind, recipientId: item.recipientId }, now)) mine.push(item);
      else summary.skipped++;
    } else {
      mine.push(item);
    }
  }
  for (const item of mine) {
    const expected = item.claim.type === 'claim' ? { status: item.claim.status, attempts: item.claim.attempts } : { status: 'pending' as const, attempts: 0 };
    const staleBefore = item.claim.type === 'claim' && item.claim.status === 'pending' ? new Date(now.getTime() - STALE_PENDING_MS) : undefined;
    if (!(await deps.reviews.claimSend(item.key, expected, now, staleBefore))) {
      summary.skipped++;
      continue;
    }
    const reply = message(item, state, status);
    if (!reply) {
      await deps.reviews.finishSend(item.key, { status: 'failed', at: now, nextAttemptAt: null });
      continue;
    }
    await pace();
    let delivered = false;
    try {
      delivered = await deps.notifier.sendToPerson(item.recipientId, reply);
    } catch (error) {
      deps.logger.warn('review message failed', { key: item.key, code: (error as { code?: string }).code });
    }
    const attempts = expected.attempts + 1;
    await deps.reviews.finishSend(item.key, delivered ? { status: 'sent', at: now } : { status: 'failed', at: now, nextAttemptAt: retryAfter(attempts, now) });
    if (delivered) summary.sent++;
    else summary.failed++;
  }
}

function message(item: DueSend, state: SeasonState, status: ReviewStatus): Reply | null {
  const person = state.roster.people.find((p) => p.id === item.recipientId);
  if (!person) return null;
  switch (item.kind) {
    case 'review-open': return seasonOpenMessage(status, state.roster, person);
    case 'review-nudge': return nudgeMessage(status, state.roster);
    case 'review-confirm': return confirmationRequest(person, state.roster, status.year, item.reminder ?? 0, status.season.closes);
  }
}
