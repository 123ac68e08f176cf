// Marking the review as submitted: what must be done first (the four answers, and the plan and
// timeline when out of criteria), and what is still open that the rep confirms knowingly
// (members who have not confirmed, people who say they have left but are still on the roster,
// details to fix, changes to check, criteria checks that fail). Submitting stops every review
// message for the year, so it is never done without the rep seeing this list first.
import { createHash } from 'node:crypto';
import type { Outstanding, ReviewStatus } from './status.ts';

/** Something still open when the review is marked as submitted (src/bot/views/review-submit.ts words it). */
export type OpenItem =
  | Outstanding
  /** a criteria or make-up check that fails (its channel-safe title and message) */
  | { kind: 'failing-check'; title: string; message: string };

/** What stops the review from being marked as submitted at all. */
export const submitBlockers = (status: ReviewStatus): Outstanding[] =>
  status.outstanding.filter((o) => o.kind === 'questions' || o.kind === 'plan');

/** Everything still open, in the order the status lists it, then the failing checks. */
export function openItems(status: ReviewStatus): OpenItem[] {
  const failing = status.criteria.checks
    .filter((c) => c.status === 'fail')
    .map((c): OpenItem => ({ kind: 'failing-check', title: c.title, message: c.message }));
  return [...status.outstanding, ...failing];
}

/**
 * Identifies the list the rep was shown, so that "yes, mark it as submitted" holds only while
 * the list is the same: a member confirming or a check changing in between shows the list again.
 */
export const openFingerprint = (items: readonly OpenItem[]): string =>
  createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
