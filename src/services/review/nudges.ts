// The rep's nudges: pausing them for a week and starting them again, and what will actually
// happen to them given the review's real state (src/domain/review/nudges.ts), for every reply
// that speaks of them.
import { currentNudgeSlot } from '../../domain/review/calendar.ts';
import { nudgeOutlook, type NudgeOutlook } from '../../domain/review/nudges.ts';
import { SNOOZE_DAYS } from '../../domain/review/settings.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import type { Roster } from '../../domain/roster.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadReview } from './load.ts';
import type { ReviewResult } from './refusals.ts';

/** The outlook with these settings; asks the database only whether the current slot was decided. */
export async function outlookOf(
  deps: Pick<ServiceDeps, 'stores'>,
  roster: Roster,
  settings: PartnershipSettings,
  status: ReviewStatus,
  now: Date,
): Promise<NudgeOutlook> {
  const slot = status.submission ? null : currentNudgeSlot(now, settings);
  const currentSlotDecided = slot
    ? await deps.stores.reviews.nudgeSlotDecided(roster.partnership.id!, slot.period)
    : true;
  return nudgeOutlook({ now, roster, settings, status, currentSlotDecided });
}

export interface Paused {
  /** true: paused now; false: the pause was cleared */
  on: boolean;
  until: Date;
  /** whether a pause was in force before this */
  wasPaused: boolean;
  outlook: NudgeOutlook;
}

/** Pauses the rep's nudges for SNOOZE_DAYS (`on`), or starts them again; says what will happen now. */
export async function snoozeNudges(
  deps: ServiceDeps,
  actor: Actor,
  input: { on: boolean },
): Promise<ReviewResult<Paused>> {
  const allowed = authorize(actor, 'review.snooze');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const { partnership, roster } = actor;
  const now = deps.clock.now();
  const settings = partnership.settings;
  const until = new Date(now.getTime() + SNOOZE_DAYS * 24 * 60 * 60_000);
  const was = settings.review.snoozedUntil ? new Date(settings.review.snoozedUntil) : null;
  const review = { ...settings.review };
  if (input.on) review.snoozedUntil = until.toISOString();
  else delete review.snoozedUntil;
  const after = { ...settings, review };
  await deps.stores.rosters.updateSettings(partnership.id, after, allowed.person.id);
  deps.logger.info('review nudges snoozed', { partnershipId: partnership.id, on: input.on });
  const { status } = await loadReview(deps.stores.reviews, roster, now);
  const outlook = await outlookOf(deps, roster, after, status, now);
  return { ok: true, value: { on: input.on, until, wasPaused: !!was && was > now, outlook } };
}
