// The review-season job: for every partnership, work out what is due now and send each message
// exactly once. Order: record the unique keys (pending) -> claim them -> send (an event the chat
// layer renders and delivers; its Delivery says whether the person was reached) -> mark sent or
// failed. The key is in the database before anything goes out, so a restart, a second
// process or a late tick finds it and does not send again (docs/review.md, "Exactly once").
import { isOpen, isQuiet, reviewYear, seasonAt } from '../../domain/review/calendar.ts';
import {
  planReviewSends,
  retryAfter,
  STALE_PENDING_MS,
  type DueSend,
  type Plan,
  type SeasonState,
} from '../../domain/review/plan.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import type { ServiceDeps } from '../deps.ts';
import type { Delivery } from '../events.ts';
import type { PartnershipRef, PartnershipScope } from '../ports/index.ts';

export interface ReviewSweepDeps extends ServiceDeps {
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

/** Sweeps the partnerships in `scope` (the scheduler: live ones at the real time, the playground's at its pretend time). */
export async function runReviewSweep(
  deps: ReviewSweepDeps,
  now: Date,
  scope: PartnershipScope = 'all',
): Promise<SweepSummary> {
  const summary: SweepSummary = { partnerships: 0, due: 0, sent: 0, failed: 0, skipped: 0 };
  const batchSize = Math.min(Math.max(deps.batchSize ?? 200, 1), 500);
  const pacer = makePacer(deps.paceMs ?? 0, deps.sleep ?? defaultSleep);
  let after: string | null = null;
  for (;;) {
    const page = await deps.stores.reviews.listPartnerships(after, batchSize, scope);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    // Cheap filter before loading rosters: most hours, most partnerships have nothing to do.
    const active = page.filter((p) => !isQuiet(now, p.settings) && isOpen(now, seasonAt(now, p.settings)));
    for (const [year, group] of byYear(active, now)) {
      const work: Work[] = [];
      for (const state of await deps.stores.reviews.loadSeasonStates(group, year)) {
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
    const group = out.get(year);
    if (group) group.push(p);
    else out.set(year, [p]);
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

/** Messages claimed ahead at once: about five seconds' worth when paced, else this many. */
const CLAIM_AHEAD_MS = 5_000;
const CLAIM_BATCH = 500;

interface Claimed {
  item: DueSend;
  work: Work;
  /** attempts made, counting this one */
  attempts: number;
}

/**
 * A page of partnerships' sends. All their keys are recorded first (pending, attempts 0), with
 * the nudge slots that had nothing to say (skipped); a key another process recorded first is not
 * ours to send. Then, a group at a time, keys are claimed for an attempt (a conditional update),
 * sent one by one, and marked sent or failed. If this process dies, the rows of the group it was
 * sending stay pending and are never sent again (at most once); rows it never claimed are taken
 * over by a later sweep after STALE_PENDING_MS (docs/review.md, "Exactly once").
 */
async function sendPage(
  deps: ReviewSweepDeps,
  work: Work[],
  now: Date,
  pace: () => Promise<void>,
  summary: SweepSummary,
) {
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
  const paceMs = deps.paceMs ?? 0;
  const size = paceMs > 0 ? Math.max(1, Math.floor(CLAIM_AHEAD_MS / paceMs)) : CLAIM_BATCH;
  for (const group of groups(
    work.filter((w) => w.plan.due.length),
    size,
  )) {
    const claimed = await claimGroup(deps, group, reserved, now, summary);
    await sendGroup(deps, claimed, now, pace, summary);
  }
}

function groups(work: Work[], size: number): Work[][] {
  const out: Work[][] = [];
  let current: Work[] = [];
  let count = 0;
  for (const w of work) {
    current.push(w);
    count += w.plan.due.length;
    if (count >= size) {
      out.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

async function claimGroup(
  deps: ReviewSweepDeps,
  group: Work[],
  reserved: Set<string>,
  now: Date,
  summary: SweepSummary,
): Promise<Claimed[]> {
  const fresh = group.flatMap((work) =>
    work.plan.due.filter((d) => d.claim.type === 'insert').map((item) => ({ item, work })),
  );
  summary.due += group.reduce((n, w) => n + w.plan.due.length, 0);
  const ours = fresh.filter((f) => reserved.has(f.item.key));
  const keys = new Set(
    ours.length
      ? await deps.stores.reviews.claimReserved(
          ours.map((f) => f.item.key),
          now,
        )
      : [],
  );
  const claimed: Claimed[] = ours.filter((f) => keys.has(f.item.key)).map((f) => ({ ...f, attempts: 1 }));
  summary.skipped += fresh.length - claimed.length; // recorded or taken over by another process
  // Rows recorded earlier (failed and due again, or pending and abandoned): claimed together, on the state planned.
  const again = group.flatMap((work) =>
    work.plan.due.flatMap((item) => (item.claim.type === 'claim' ? [{ item, work, claim: item.claim }] : [])),
  );
  if (again.length) {
    const won = new Set(
      await deps.stores.reviews.claimSends(
        again.map(({ item, claim }) => ({ key: item.key, status: claim.status, attempts: claim.attempts })),
        now,
        new Date(now.getTime() - STALE_PENDING_MS),
      ),
    );
    for (const { item, work, claim } of again) {
      if (won.has(item.key)) claimed.push({ item, work, attempts: claim.attempts + 1 });
      else summary.skipped++;
    }
  }
  return claimed;
}

async function sendGroup(
  deps: ReviewSweepDeps,
  claimed: Claimed[],
  now: Date,
  pace: () => Promise<void>,
  summary: SweepSummary,
) {
  const sent: string[] = [];
  const failed = new Map<number, string[]>(); // by attempts made: they wait alike before the next
  for (const { item, work, attempts } of claimed) {
    let delivered = false;
    if (work.state.roster.people.some((p) => p.id === item.recipientId)) {
      await pace();
      try {
        delivered = (await announce(deps, item, work.state, work.plan.status!)).reached.includes(item.recipientId);
      } catch (error) {
        deps.logger.warn('review message failed', { key: item.key, code: (error as { code?: string }).code });
      }
    }
    if (delivered) sent.push(item.key);
    else if (failed.has(attempts)) failed.get(attempts)!.push(item.key);
    else failed.set(attempts, [item.key]);
  }
  if (sent.length) await deps.stores.reviews.finishSends(sent, { status: 'sent', at: now });
  for (const [n, keys] of failed)
    await deps.stores.reviews.finishSends(keys, { status: 'failed', at: now, nextAttemptAt: retryAfter(n, now) });
  summary.sent += sent.length;
  summary.failed += [...failed.values()].reduce((a, k) => a + k.length, 0);
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
