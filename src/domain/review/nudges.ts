// What will actually happen to the rep's nudges (and members' reminders), given the review's real
// state: submitted, out of season, paused, or on. Every reply that speaks of nudges (pause,
// resume, submit, reopen, the status) says what this says, and it follows the same rules as the
// sweep (src/domain/review/plan.ts): nothing out of season or once submitted; a paused slot is
// skipped, not sent later; each slot is decided once, at the first sweep after it.
import type { PartnershipSettings } from '../settings.ts';
import type { Roster } from '../roster.ts';
import { currentNudgeSlot, isOpen, isQuiet, nextAllowed, nextNudgeSlot } from './calendar.ts';
import { nudgeRecipients } from './plan.ts';
import type { ReviewStatus } from './status.ts';

/** When the next nudge slot is decided (a nudge goes then only if something is outstanding). */
export interface NextNudge {
  at: Date;
  /** a slot that has passed but not been decided yet: the sweep's next run decides it */
  due: boolean;
}

export type NudgeOutlook =
  /** marked as submitted: no review message at all until it is reopened */
  | { state: 'submitted'; year: number; submittedAt: Date }
  /** past the deadline: no review message until next year's season */
  | { state: 'season-over'; year: number; closes: Date }
  /** nobody to nudge: no rep, and no chair, on the roster */
  | { state: 'no-recipient'; year: number }
  | {
      state: 'scheduled';
      year: number;
      /** the season's opening, when it has not opened yet (nothing at all is sent before it) */
      opens: Date | null;
      /** the deadline: no review message after it */
      closes: Date;
      /** nudges are paused until then */
      pausedUntil: Date | null;
      /** null: no nudge day left before the deadline (or none set) */
      next: NextNudge | null;
      /** things outstanding now: with none, a slot passes without a nudge */
      outstanding: number;
      /** members who have not confirmed, who still get the reminders due to them (in season) */
      unconfirmed: number;
      /** quiet hours or a quiet day now: a slot due now waits for the first allowed time */
      quietUntil: Date | null;
    };

export interface OutlookInput {
  now: Date;
  roster: Roster;
  /** the partnership's settings as they are now (a pause just set or cleared included) */
  settings: PartnershipSettings;
  status: ReviewStatus;
  /** whether the current nudge slot has been decided (sent or skipped) already */
  currentSlotDecided: boolean;
}

export function nudgeOutlook(input: OutlookInput): NudgeOutlook {
  const { now, roster, settings, status } = input;
  const year = status.year;
  if (status.submission) return { state: 'submitted', year, submittedAt: status.submission.submittedAt };
  if (now > status.season.closes) return { state: 'season-over', year, closes: status.season.closes };
  if (!nudgeRecipients(roster).length) return { state: 'no-recipient', year };
  const snoozed = settings.review.snoozedUntil ? new Date(settings.review.snoozedUntil) : null;
  const pausedUntil = snoozed && snoozed > now ? snoozed : null;
  const open = isOpen(now, status.season);
  return {
    state: 'scheduled',
    year,
    opens: now < status.season.opens ? status.season.opens : null,
    closes: status.season.closes,
    pausedUntil,
    next: nextNudge(input, pausedUntil),
    outstanding: status.outstanding.length,
    unconfirmed: open ? status.unconfirmed.length : 0,
    quietUntil: isQuiet(now, settings) ? nextAllowed(now, settings) : null,
  };
}

function nextNudge(input: OutlookInput, pausedUntil: Date | null): NextNudge | null {
  const { now, settings, currentSlotDecided, status } = input;
  // a slot of a later year's season is not this review's (a pause may run past the deadline)
  const inSeason = (slot: { at: Date } | null) => (slot && slot.at <= status.season.closes ? slot : null);
  // While paused, every slot the sweep meets is skipped: the first one after the pause counts.
  const current = pausedUntil ? null : currentNudgeSlot(now, settings);
  if (current && !currentSlotDecided) return { at: current.at, due: true };
  const slot = inSeason(nextNudgeSlot(pausedUntil ?? now, settings));
  // a slot in the quiet hours is decided at the first allowed time after it
  return slot ? { at: nextAllowed(slot.at, settings), due: false } : null;
}
