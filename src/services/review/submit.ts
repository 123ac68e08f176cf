// Marking this year's review as submitted, and undoing it. Submitting stops every review message
// for the year, so it takes two steps: the rep is shown what is still open and confirms; the
// confirmation holds only for the list they saw. Whoever may submit may reopen, which brings the
// nudges back as the season has them.
import { reviewYear } from '../../domain/review/calendar.ts';
import { reviewDocument } from '../../domain/review/document.ts';
import type { NudgeOutlook } from '../../domain/review/nudges.ts';
import { openFingerprint, openItems, submitBlockers, type OpenItem } from '../../domain/review/submit.ts';
import type { Submission } from '../../domain/review/types.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadReview, type LoadedReview } from './load.ts';
import { outlookOf } from './nudges.ts';
import type { ReviewRefusal, ReviewResult } from './refusals.ts';

/** What the rep confirms: what is still open, and the list's fingerprint for the confirm button. */
export interface SubmitPrompt {
  year: number;
  open: OpenItem[];
  fingerprint: string;
  deadline: Date;
}

export interface Submitted {
  submission: Submission;
  /** what was still open when it was marked (the rep confirmed it, or typed the confirmation) */
  open: OpenItem[];
}

export interface Reopened {
  year: number;
  /** when it had been marked as submitted */
  submittedAt: Date;
  outlook: NudgeOutlook;
}

/**
 * The confirmation: `shown` is what the confirm button carried (the year and the list's
 * fingerprint; null parts when the value did not carry them), or 'typed' for
 * `/partnership review submit confirm`.
 */
export type SubmitConfirmation = { shown: { year: number | null; fingerprint: string | null } } | { shown: 'typed' };

/** Why this year's review cannot be submitted now (or null): already submitted, or questions unanswered. */
function notSubmittable({ year, status }: LoadedReview): ReviewRefusal | null {
  if (status.submission) return { code: 'review-submitted', year, submittedAt: status.submission.submittedAt };
  const blockers = submitBlockers(status);
  if (blockers.length) {
    const others = openItems(status).filter((o) => o.kind !== 'questions' && o.kind !== 'plan');
    return { code: 'submit-blocked', blockers, others };
  }
  return null;
}

/** `/partnership review submit`: what is still open, to confirm. Changes nothing. */
export async function prepareSubmit(deps: ServiceDeps, actor: Actor): Promise<ReviewResult<SubmitPrompt>> {
  const allowed = authorize(actor, 'review.submit');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const loaded = await loadReview(deps.stores.reviews, actor.roster, deps.clock.now());
  const refusal = notSubmittable(loaded);
  if (refusal) return { ok: false, error: refusal };
  const open = openItems(loaded.status);
  return {
    ok: true,
    value: { year: loaded.year, open, fingerprint: openFingerprint(open), deadline: loaded.status.season.closes },
  };
}

/** Records that the rep submitted this year's review: its snapshot is what next year compares with. */
export async function submitReview(
  deps: ServiceDeps,
  actor: Actor,
  input: SubmitConfirmation,
): Promise<ReviewResult<Submitted>> {
  const allowed = authorize(actor, 'review.submit');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const now = deps.clock.now();
  const { roster } = actor;
  const current = reviewYear(now, roster.partnership.settings);
  if (input.shown !== 'typed') {
    const { year, fingerprint } = input.shown;
    if (year === null || fingerprint === null) return { ok: false, error: { code: 'stale' } };
    if (year !== current) return { ok: false, error: { code: 'review-over', year, current } };
  }
  const loaded = await loadReview(deps.stores.reviews, roster, now);
  const refusal = notSubmittable(loaded);
  if (refusal) return { ok: false, error: refusal };
  const { year, status } = loaded;
  const open = openItems(status);
  const fingerprint = openFingerprint(open);
  if (input.shown !== 'typed' && input.shown.fingerprint !== fingerprint)
    return { ok: false, error: { code: 'open-changed', year, open, fingerprint, deadline: status.season.closes } };
  const evidence = await deps.stores.reviews.decisionEvidence(actor.partnership.id, year);
  const policies = await deps.stores.policies.list(actor.partnership.id);
  const document = reviewDocument(status, roster, evidence, now, policies);
  const submission: Submission = { year, submittedAt: now, submittedById: allowed.person.id, document };
  await deps.stores.reviews.saveSubmission(
    actor.partnership.id,
    submission,
    open.map((o) => o.kind),
  );
  deps.logger.info('review submitted', { partnershipId: actor.partnership.id, year, open: open.length });
  return { ok: true, value: { submission, open } };
}

/**
 * Undoes "submitted" for this year's review. `shown`: the year the reopen button carried (null
 * when its value did not carry one), or 'typed' for `/partnership review reopen`.
 */
export async function reopenReview(
  deps: ServiceDeps,
  actor: Actor,
  input: { shown: { year: number | null } | 'typed' },
): Promise<ReviewResult<Reopened>> {
  const allowed = authorize(actor, 'review.submit');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const now = deps.clock.now();
  const { roster, partnership } = actor;
  const year = reviewYear(now, partnership.settings);
  if (input.shown !== 'typed') {
    const shown = input.shown.year;
    if (shown === null) return { ok: false, error: { code: 'stale' } };
    if (shown !== year) return { ok: false, error: { code: 'review-over', year: shown, current: year } };
  }
  const submittedAt = await deps.stores.reviews.reopenSubmission(partnership.id, year, allowed.person.id, now);
  if (!submittedAt) return { ok: false, error: { code: 'not-submitted', year } };
  deps.logger.info('review reopened', { partnershipId: partnership.id, year });
  const { status } = await loadReview(deps.stores.reviews, roster, now, year);
  const outlook = await outlookOf(deps, roster, partnership.settings, status, now);
  return { ok: true, value: { year, submittedAt, outlook } };
}
