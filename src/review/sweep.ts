// The review-season job: for every partnership, work out what is due now and send each message
// exactly once. Order: record the unique keys (pending) -> claim them -> send -> mark sent or
// failed. The key is in the database before anything goes out, so a restart, a second
// process or a late tick finds it and does not send again (docs/review.md, "Exactly once").
import { isOpen, isQuiet, reviewYear, seasonAt } from '../domain/review/calendar.js';
import { planReviewSends, retryAfter, STALE_PENDING_MS, type DueSend, type Plan, type SeasonState } from '../domain/review/plan.js';
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
  /** partnerships loaded per page (at most 500: the database limits a query's parameters) */
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
  const batchSize = Math.min(Math.max(deps.batchSize ?? 200, 1), 500);
  const pacer = makePacer(deps.paceMs ?? 0, deps.sleep ?? defaultSleep);
  let after: string | null = null;
  for (;;) {
    const page = await deps.reviews.listPartnerships(after, batchSize);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    // Cheap filter before loading rosters: most hours, most partnerships have nothing to do.
    const active = page.filter((p) => !isQuiet(now, p.settings) && isOpen(now, seasonAt(now, p.settings)));
    for (const [year, group] of byYear(active, now)) {
      const work: Work[] = [];
      for (const state of await deps.reviews.loadSeasonStates(group, year)) {
        summary.partnerships++;
        const plan = planReviewSends(state, now);
        if (plan.status && (plan.due.length || plan.skipped.length)) work.push({ state, plan });
      }
      await sendPage(deps, work, now, pacer, summary);
    }
    if (page.length < batchSize) break;
  }
  if (summary.due) deps.logger.info('review sweep', { ...summary });
  return summary;
}

interface Work {
  state: SeasonState;
  plan: Plan;
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
 * A page of partnerships' sends. All their keys are recorded first (pending, attempts 0), with
 * the nudge slots that had nothing to say (skipped). Then, a partnership at a time, its keys are
 * claimed for a first attempt (attempts 1), sent one by one and marked sent or failed. A key
 * another process recorded first is not ours to send. If this process dies, rows it had claimed
 * stay pending and are never sent again (at most once); rows it never claimed are taken over by
 * a later sweep after STALE_PENDING_MS (docs/review.md, "Exactly once").
 */
async function sendPage(deps: ReviewSweepDeps, work: Work[], now: Date, pace: () => Promise<void>, summary: SweepSummary) {
  const rows = work.flatMap(({ state, plan }) => {
    const partnershipId = state.roster.partnership.id!;
    return [
      ...plan.due.filter((d) => d.claim.type === 'insert').map((d) => ({ key: d.key, partnershipId, kind: d.kind, recipientId: d.recipientId, status: 'pending' as const })),
      ...plan.skipped.map((d) => ({ key: d.key, partnershipId, kind: d.kind, recipientId: d.recipientId, status: 'skipped' as const })),
    ];
  });
  const reserved = rows.length ? await deps.reviews.reserveSends(rows, now) : new Set<string>();
  for (const { state, plan } of work) {
    summary.due += plan.due.length;
    if (plan.due.length) await sendPartnership(deps, state, plan, reserved, now, pace, summary);
  }
}

async function sendPartnership(deps: ReviewSweepDeps, state: SeasonState, plan: Plan, reserved: Set<string>, now: Date, pace: () => Promise<void>, summary: SweepSummary) {
  const fresh = plan.due.filter((d) => d.claim.type === 'insert');
  const ours = fresh.filter((d) => reserved.has(d.key));
  summary.skipped += fresh.length - ours.length;
  const claimed = new Set(ours.length ? await deps.reviews.claimReserved(ours.map((d) => d.key), now) : []);
  summary.skipped += ours.length - claimed.size; // taken over by another process meanwhile
  const mine = ours.filter((d) => claimed.has(d.key));
  const attempts = new Map<string, number>(mine.map((d) => [d.key, 1]));
  for (const d of plan.due) {
    if (d.claim.type !== 'claim') continue;
    const staleBefore = d.claim.status === 'pending' ? new Date(now.getTime() - STALE_PENDING_MS) : undefined;
    if (await deps.reviews.claimSend(d.key, { status: d.claim.status, attempts: d.claim.attempts }, now, staleBefore)) {
      mine.push(d);
      attempts.set(d.key, d.claim.attempts + 1);
    } else {
      summary.skipped++;
    }
  }

  const sent: string[] = [];
  const failed = new Map<number, string[]>(); // by attempts made: they wait alike before the next
  for (const item of mine) {
    const reply = message(item, state, plan.status!);
    let delivered = false;
    if (reply) {
      await pace();
      try {
        delivered = await deps.notifier.sendToPerson(item.recipientId, reply);
      } catch (error) {
        deps.logger.warn('review message failed', { key: item.key, code: (error as { code?: string }).code });
      }
    }
    if (delivered) sent.push(item.key);
    else {
      const n = attempts.get(item.key) ?? 1;
      failed.set(n, [...(failed.get(n) ?? []), item.key]);
    }
  }
  await deps.reviews.finishSends(sent, { status: 'sent', at: now });
  for (const [n, keys] of failed) await deps.reviews.finishSends(keys, { status: 'failed', at: now, nextAttemptAt: retryAfter(n, now) });
  summary.sent += sent.length;
  summary.failed += [...failed.values()].reduce((a, k) => a + k.length, 0);
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
