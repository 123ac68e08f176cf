// A member's one-click membership confirmation, and the rep's "the changes are right". Every click
// is checked again here: who clicked, which year the button was for, whether the review is open.
import { reviewYear, seasonOf } from '../../domain/review/calendar.ts';
import { nudgeRecipients } from '../../domain/review/plan.ts';
import { CHANGES_CONFIRMED, type ConfirmChoice } from '../../domain/review/types.ts';
import type { Person } from '../../domain/roster.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadReview } from './load.ts';
import type { ReviewResult } from './refusals.ts';

export interface Confirmed {
  person: Person;
  year: number;
  choice: ConfirmChoice;
  at: Date;
  /** for a member who left: whether the rep (or the chair) was reached; null otherwise */
  told: boolean | null;
}

/** `year` and `choice` are null when the button's value did not carry them (an older or altered button). */
export async function confirmMembership(
  deps: ServiceDeps,
  actor: Actor,
  input: { year: number | null; choice: ConfirmChoice | null },
): Promise<ReviewResult<Confirmed>> {
  const allowed = authorize(actor, 'review.confirm');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const { person } = allowed;
  const { year, choice } = input;
  if (year === null || choice === null) return { ok: false, error: { code: 'stale' } };
  const now = deps.clock.now();
  const { partnership, roster } = actor;
  const settings = partnership.settings;
  const current = reviewYear(now, settings);
  if (year !== current) return { ok: false, error: { code: 'review-over', year, current } };
  const closes = seasonOf(year, settings).closes;
  if (now > closes) return { ok: false, error: { code: 'review-closed', year, closes } };
  const { status } = await loadReview(deps.stores.reviews, roster, now, year);
  if (status.submission)
    return { ok: false, error: { code: 'review-submitted', year, submittedAt: status.submission.submittedAt } };

  await deps.stores.reviews.confirmMembership(partnership.id, {
    personId: person.id,
    year,
    resident: choice === 'resident',
    member: choice !== 'left',
    confirmedAt: now,
  });
  deps.logger.info('membership confirmed', { partnershipId: partnership.id, personId: person.id, year });
  let told: boolean | null = null;
  if (choice === 'left') {
    const recipientIds = nudgeRecipients(roster).filter((id) => id !== person.id);
    const delivery = await deps.events.emit('MemberLeft', { roster, personId: person.id, year, recipientIds });
    told = delivery.reached.length > 0;
  }
  return { ok: true, value: { person, year, choice, at: now, told } };
}

/** The rep checked the changes since last year's review: holds while the list is the one they saw. */
export async function confirmChanges(
  deps: ServiceDeps,
  actor: Actor,
  input: { fingerprint: string },
): Promise<ReviewResult<{ count: number; lastYear: number | undefined }>> {
  const allowed = authorize(actor, 'review.answer');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const now = deps.clock.now();
  const { year, status } = await loadReview(deps.stores.reviews, actor.roster, now);
  if (!status.changes?.length) return { ok: false, error: { code: 'no-changes' } };
  if (status.changesFingerprint !== input.fingerprint)
    return {
      ok: false,
      error: { code: 'changes-changed', changes: status.changes, fingerprint: status.changesFingerprint },
    };
  await deps.stores.reviews.saveAnswers(
    actor.roster.partnership.id!,
    year,
    [{ question: CHANGES_CONFIRMED, choice: null, text: input.fingerprint }],
    allowed.person.id,
    now,
  );
  return { ok: true, value: { count: status.changes.length, lastYear: status.lastYear?.year } };
}
