// "Run scheduled jobs now" answers what was sent and, when nothing was, why: quiet hours, a quiet
// day, not review season, already sent, nothing open. The reasons come from the same calendar and
// planner the jobs use (src/domain/review), at the playground's date, so they cannot disagree.
import { DateTime } from 'luxon';
import { formatClock, formatDay, formatWhen } from '../../src/bot/views/text.ts';
import { isOpen, isQuiet, nextAllowed, nextNudgeSlot, seasonAt, seasonOf } from '../../src/domain/review/calendar.ts';
import { planReviewSends } from '../../src/domain/review/plan.ts';
import { reminderDueAt } from '../../src/domain/decisions/lifecycle.ts';
import type { PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import { CHANNEL_ID, type Timeline } from './timeline.ts';

/** What the jobs' run sent, as the page shows it. */
export interface SentReport {
  /** new messages in #partnership-channel */
  channel: number;
  /** new direct messages, by person */
  direct: { name: string; count: number }[];
  /** earlier messages changed in place (a decision card closing) */
  updated: number;
}

/** Messages the bot added or changed after `cursor` (the timeline's cursor before the run). */
export function sentSince(timeline: Timeline, cursor: number, nameOf: (personId: string) => string): SentReport {
  const report: SentReport = { channel: 0, direct: [], updated: 0 };
  const direct = new Map<string, number>();
  for (const m of timeline.changedSince(cursor)) {
    if (m.author.type !== 'bot') continue;
    if (m.seq <= cursor) report.updated++;
    else if (m.channelId === CHANNEL_ID) report.channel++;
    else direct.set(m.channelId.slice('dm-'.length), (direct.get(m.channelId.slice('dm-'.length)) ?? 0) + 1);
  }
  report.direct = [...direct].map(([id, count]) => ({ name: nameOf(id), count }));
  return report;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "Sent 2 direct messages (Margaret Okafor, Sam Taylor) and 1 message in #partnership-channel." or null. */
export function describeSent(sent: SentReport): string | null {
  const parts: string[] = [];
  const directCount = sent.direct.reduce((n, d) => n + d.count, 0);
  if (directCount)
    parts.push(
      `${plural(directCount, 'direct message')} (to ${list(sent.direct.map((d) => (d.count > 1 ? `${d.name} ×${d.count}` : d.name)))})`,
    );
  if (sent.channel) parts.push(`${plural(sent.channel, 'message')} in #partnership-channel`);
  const updated = sent.updated ? `${plural(sent.updated, 'earlier message')} updated in place.` : '';
  if (!parts.length) return updated || null;
  return `Sent ${list(parts)}.${updated ? ` ${updated}` : ''}`;
}

/** Why the review-season job sent nothing at `now`, in a sentence. */
export async function whyNoReviewMessage(
  stores: Pick<Stores, 'reviews'>,
  partnership: PartnershipRef,
  now: Date,
): Promise<string> {
  const settings = partnership.settings;
  const review = settings.review;
  const local = DateTime.fromJSDate(now, { zone: settings.timeZone }).setLocale('en-GB');
  const season = seasonAt(now, settings);
  if (isQuiet(now, settings)) {
    const day = local.toFormat('cccc');
    const quietDay = review.quietDays.includes(day.toLowerCase() as (typeof review.quietDays)[number]);
    const why = quietDay
      ? `${day} is a quiet day (setting review.quietDays)`
      : `${formatClock(local.toFormat('H:mm'))} is in the quiet hours, ${formatClock(review.quietFrom)} to ${formatClock(review.quietTo)} (settings review.quietFrom and review.quietTo)`;
    return `Review season: nothing sent, because ${why}: no scheduled message goes out then. The next time one can is ${formatWhen(nextAllowed(now, settings), settings)}.`;
  }
  if (!isOpen(now, season)) {
    if (now < season.opens)
      return `Review season: nothing sent, because it is not review season yet: the ${season.year} review opens on ${formatWhen(season.opens, settings)} (setting review.opensOn).`;
    const next = seasonOf(season.year + 1, settings);
    return `Review season: nothing sent, because the ${season.year} review season is over (its deadline was ${formatDay(season.closes, settings)}); the ${next.year} review opens on ${formatWhen(next.opens, settings)}.`;
  }
  const [state] = await stores.reviews.loadSeasonStates([partnership], season.year);
  if (state?.record.submission)
    return `Review season: nothing sent, because the ${season.year} review has been submitted: no more review messages this year.`;
  const snoozed = review.snoozedUntil && new Date(review.snoozedUntil) > now ? new Date(review.snoozedUntil) : null;
  if (snoozed)
    return `Review season: no nudge, because the review is paused until ${formatWhen(snoozed, settings)} (review resume ends the pause).`;
  const pending = state ? planReviewSends(state, now).due.length : 0;
  if (pending)
    return `Review season: ${plural(pending, 'message')} due but not delivered yet; they are tried again at the next run.`;
  const nudge = nextNudgeSlot(now, settings);
  return `Review season: nothing new was due: the opening message and this week's nudge (if any) were already sent, and membership confirmations are not due again yet. ${nudge ? `The next nudge is on ${formatWhen(nudge.at, settings)}.` : 'No nudge day is left before the deadline.'}`;
}

/** Why the decisions job closed nothing and reminded nobody, in a sentence. */
export async function whyNoDecisionMessage(
  stores: Pick<Stores, 'decisions'>,
  partnership: PartnershipRef,
  now: Date,
): Promise<string> {
  const open = (await stores.decisions.list(partnership.id, 'open', 'sandbox')).filter((d) => d.closesAt > now);
  if (!open.length) return 'Decisions: nothing sent, because no decision is open.';
  const settings = partnership.settings;
  const closes = open.reduce((a, b) => (a.closesAt <= b.closesAt ? a : b));
  const reminders = open
    .filter((d) => !d.remindersSentAt)
    .map((d) => reminderDueAt(d))
    .filter((at): at is Date => at !== null && at > now)
    .sort((a, b) => a.getTime() - b.getTime());
  const closing =
    open.length === 1
      ? `the open decision has not reached its closing time yet (it closes on ${formatWhen(closes.closesAt, settings)})`
      : `none of the ${open.length} open decisions has reached its closing time yet (the next closes on ${formatWhen(closes.closesAt, settings)})`;
  return (
    `Decisions: nothing sent, because ${closing}` +
    (reminders[0] ? `; the next reminder is due on ${formatWhen(reminders[0], settings)}.` : '.')
  );
}
