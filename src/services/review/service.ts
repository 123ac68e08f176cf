// The review's operations for the rep and the chair, and a member's own view: each checks its
// permission first (src/services/actor.ts), then the review's state, then writes once.
import { isOpen } from '../../domain/review/calendar.ts';
import type { NudgeOutlook } from '../../domain/review/nudges.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import type { Confirmation } from '../../domain/review/types.ts';
import { can } from '../../domain/permissions.ts';
import type { Person, Roster } from '../../domain/roster.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadReview } from './load.ts';
import { outlookOf } from './nudges.ts';
import type { AnswersForm, ReviewResult } from './refusals.ts';

const refused = <T>(refusal: Extract<ReviewResult<T>, { ok: false }>['error']): ReviewResult<T> => ({
  ok: false,
  error: refusal,
});

/** What `/partnership review` shows this person. */
export type ReviewView =
  | { kind: 'whole'; status: ReviewStatus; roster: Roster; now: Date; outlook: NudgeOutlook }
  | { kind: 'own'; person: Person; roster: Roster; year: number; confirmation: Confirmation | null; open: boolean }
  /** paid workers: the review is not theirs to run or confirm */
  | { kind: 'none' };

/** The whole review for the rep and the chair; a member's own confirmation; nothing for the rest. */
export async function showReview(deps: ServiceDeps, actor: Actor): Promise<ReviewResult<ReviewView>> {
  const allowed = authorize(actor, 'review.status');
  if (!allowed.ok && allowed.refusal.code === 'unknown-person') return refused(allowed.refusal);
  const person = actor.person!;
  const now = deps.clock.now();
  if (!allowed.ok && !can(person, 'review.confirm')) return { ok: true, value: { kind: 'none' } };
  const { year, status } = await loadReview(deps.stores.reviews, actor.roster, now);
  if (allowed.ok) {
    const outlook = await outlookOf(deps, actor.roster, actor.partnership.settings, status, now);
    return { ok: true, value: { kind: 'whole', status, roster: actor.roster, now, outlook } };
  }
  const confirmation = status.confirmations.get(person.id) ?? null;
  return {
    ok: true,
    value: { kind: 'own', person, roster: actor.roster, year, confirmation, open: isOpen(now, status.season) },
  };
}

/** What the answers form needs: where the review stands and the bot's evidence for each question. */
export async function openAnswers(deps: ServiceDeps, actor: Actor): Promise<ReviewResult<AnswersForm>> {
  const allowed = authorize(actor, 'review.answer');
  if (!allowed.ok) return refused(allowed.refusal);
  const { year, status } = await loadReview(deps.stores.reviews, actor.roster, deps.clock.now());
  if (status.submission) return refused({ code: 'review-submitted', year, submittedAt: status.submission.submittedAt });
  return { ok: true, value: await answersForm(deps, actor, year, status) };
}

/** The evidence beside the answers form, for the year's review as it stands. */
export async function answersForm(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
  status: ReviewStatus,
): Promise<AnswersForm> {
  const evidence = await deps.stores.reviews.decisionEvidence(actor.partnership.id, year);
  const policies = await deps.stores.policies.list(actor.partnership.id);
  return { status, roster: actor.roster, evidence, policies, now: deps.clock.now() };
}
