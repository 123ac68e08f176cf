// What will happen to the rep's nudges, in words (src/domain/review/nudges.ts works it out): the
// one place every reply about nudges takes its sentences from (pause, resume, submit, reopen, the
// status), so none of them can say the nudges are on when nothing will be sent.
import { formatDay, formatWhen } from './text.ts';
import type { NudgeOutlook } from '../../domain/review/nudges.ts';
import { plural } from '../../domain/roster.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';

type Scheduled = Extract<NudgeOutlook, { state: 'scheduled' }>;

export const REOPEN_HINT = 'If it was marked by mistake, `/partnership review reopen` undoes it.';

/** Why no nudge (and no review message at all) will be sent, or null when nudges are scheduled. */
export function noNudgesText(o: NudgeOutlook, settings: PartnershipSettings): string | null {
  switch (o.state) {
    case 'submitted':
      return `No review messages will be sent for the ${o.year} review: it was marked as submitted on ${formatDay(o.submittedAt, settings)}. ${REOPEN_HINT}`;
    case 'season-over':
      return `No review messages will be sent: the ${o.year} review season ended on ${formatDay(o.closes, settings)}.`;
    case 'no-recipient':
      return 'Nobody would be nudged: there is no rep, and no chair, on the roster.';
    case 'scheduled':
      return null;
  }
}

const nudgesOff = (settings: PartnershipSettings): boolean =>
  !settings.review.nudgeDays.length && !settings.review.finalMonthNudgeDays.length;

/** When the next nudge would come (a nudge goes only if something is outstanding then). */
export function nextNudgeText(o: Scheduled, settings: PartnershipSettings): string {
  const { next } = o;
  if (!next)
    return nudgesOff(settings)
      ? 'No nudges will be sent: the review settings have no nudge days.'
      : `No nudges will be sent: no nudge day is left before the deadline, ${formatDay(o.closes, settings)}.`;
  if (next.due)
    return `The nudge of ${formatWhen(next.at, settings)} has not gone yet: it goes at my next hourly check${o.quietUntil ? ` after ${formatWhen(o.quietUntil, settings)}` : ''}, if something is still outstanding then.`;
  return `The next nudge would come on ${formatWhen(next.at, settings)}${o.pausedUntil ? ', the first nudge day after the pause' : ''}, if something is still outstanding then.`;
}

/** How much is outstanding now (nothing outstanding: the slot passes without a nudge). */
export function outstandingNowText(o: Scheduled): string {
  return o.outstanding
    ? `${plural(o.outstanding, 'thing is', 'things are')} outstanding now.`
    : 'Nothing is outstanding now.';
}

/** Members' confirmation reminders: they do not depend on the rep's nudges being paused. */
export function remindersText(o: Scheduled): string | null {
  if (o.opens) return null;
  return o.unconfirmed
    ? `Members’ confirmation reminders carry on: ${plural(o.unconfirmed, 'member has', 'members have')} not confirmed yet.`
    : null;
}

/** The whole outlook, as sentences: for replies that are not about pausing. */
export function nudgeOutlookText(o: NudgeOutlook, settings: PartnershipSettings): string {
  const stopped = noNudgesText(o, settings);
  if (stopped !== null || o.state !== 'scheduled') return stopped ?? '';
  const lines = [
    o.opens ? `Nothing is sent before the ${o.year} review season opens on ${formatWhen(o.opens, settings)}.` : '',
    o.pausedUntil ? `The rep’s nudges are paused until ${formatWhen(o.pausedUntil, settings)}.` : '',
    nextNudgeText(o, settings),
    o.next ? outstandingNowText(o) : '',
  ];
  return lines.filter(Boolean).join(' ');
}

/** One short line for the status's facts. */
export function nudgeFact(o: NudgeOutlook, settings: PartnershipSettings, cadence: string): string {
  switch (o.state) {
    case 'submitted':
      return 'none: the review is marked as submitted';
    case 'season-over':
      return `none: the season ended on ${formatDay(o.closes, settings)}`;
    case 'no-recipient':
      return 'none: there is no rep or chair on the roster';
    case 'scheduled': {
      if (nudgesOff(settings)) return 'off';
      const paused = o.pausedUntil ? `snoozed until ${formatWhen(o.pausedUntil, settings)}; ` : '';
      const next = o.next
        ? `next: ${o.next.due ? 'at my next hourly check' : formatWhen(o.next.at, settings)}`
        : 'no nudge day left before the deadline';
      return `${paused}${cadence}; ${next}`;
    }
  }
}
