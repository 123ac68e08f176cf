// The review-season job: for every partnership, work out what is due now and send each message
// exactly once. Order: record the unique keys (pending) -> claim a batch of them for a while ->
// send (an event the chat layer renders and delivers; its Delivery says whether the person was
// reached) -> mark each sent as the platform accepts it, or failed. The key is in the database
// before anything goes out, so a restart, a second process or a late tick finds it and does not
// send again; a claim that expires unconfirmed (its sender was killed) is tried again
// (docs/review.md, "Exactly once"). Told to stop, a sweep ends after the message it is sending.
import { isOpen, isQuiet, reviewYear, seasonAt } from '../../domain/review/calendar.ts';
import { planReviewSends } from '../../domain/review/plan.ts';
import type { PartnershipRef, PartnershipScope } from '../ports/index.ts';
import { sendPage, type ReviewSweepDeps, type Sending, type SweepSummary, type Work } from './send-batches.ts';

export type { ReviewSweepDeps, SweepSummary } from './send-batches.ts';

/** A timer that ends early when the signal is aborted (the server shutting down mid-pause). */
const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

/** An injected sleep (tests), ended early the same way. */
const raced = (sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal) =>
  !signal
    ? sleep(ms)
    : new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          resolve();
        };
        signal.addEventListener('abort', done);
        sleep(ms).then(done, done);
      });

/** Sweeps the partnerships in `scope` (the scheduler: live ones at the real time, the playground's at its pretend time). */
export async function runReviewSweep(
  deps: ReviewSweepDeps,
  now: Date,
  scope: PartnershipScope = 'all',
): Promise<SweepSummary> {
  const summary: SweepSummary = { partnerships: 0, due: 0, sent: 0, failed: 0, skipped: 0, stopped: false };
  const batchSize = Math.min(Math.max(deps.batchSize ?? 200, 1), 500);
  const startedAt = deps.clock.now().getTime();
  const sending: Sending = {
    deps,
    now,
    summary,
    pace: makePacer(deps),
    elapsedNow: () => new Date(now.getTime() + Math.max(0, deps.clock.now().getTime() - startedAt)),
  };
  const stop = () => {
    if (deps.signal?.aborted) summary.stopped = true;
    return summary.stopped;
  };
  let after: string | null = null;
  pages: for (;;) {
    if (stop()) break;
    const page = await deps.stores.reviews.listPartnerships(after, batchSize, scope);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    // Cheap filter before loading rosters: most hours, most partnerships have nothing to do.
    const active = page.filter((p) => !isQuiet(now, p.settings) && isOpen(now, seasonAt(now, p.settings)));
    for (const [year, group] of byYear(active, now)) {
      if (stop()) break pages;
      const work: Work[] = [];
      for (const state of await deps.stores.reviews.loadSeasonStates(group, year)) {
        summary.partnerships++;
        const plan = planReviewSends(state, now);
        if (plan.status && (plan.due.length || plan.skipped.length)) work.push({ state, plan });
      }
      await sendPage(sending, work);
    }
    if (page.length < batchSize) break;
  }
  if (summary.stopped) deps.logger.info('review sweep stopped', { ...summary });
  else if (summary.due) deps.logger.info('review sweep', { ...summary });
  return summary;
}

function byYear(partnerships: PartnershipRef[], now: Date): Map<number, PartnershipRef[]> {
  const out = new Map<number, PartnershipRef[]>();
  for (const p of partnerships) {
    const year = reviewYear(now, p.settings);
    const group = out.get(year);
    if (group) group.push(p);
    else out.set(year, [p]);
  }
  return out;
}

/** A pause before every message but the first; cut short (and skipped) once the sweep is told to stop. */
function makePacer(deps: ReviewSweepDeps): () => Promise<void> {
  const ms = deps.paceMs ?? 0;
  const { signal, sleep } = deps;
  let first = true;
  return async () => {
    const wait = !first && ms > 0 && !signal?.aborted;
    first = false;
    if (wait) await (sleep ? raced(sleep, ms, signal) : defaultSleep(ms, signal));
  };
}
