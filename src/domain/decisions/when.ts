// Closing times typed the way people talk ("Friday 5pm", "tomorrow 9am", "Fri 4 Dec, 5pm"), read as
// wall-clock time in the partnership's zone (Europe/London), stored as an instant (UTC).
// chrono reads the words; luxon places the wall-clock time in the zone, so "5pm" stays 17:00 on
// either side of the October and March clock changes.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.ts';
import { whenWords } from '../when-words.ts';

export const MAX_DAYS_AHEAD = 60;
/** A date without a time closes at the end of the working day. */
const DEFAULT_HOUR = 17;
/**
 * The validator's examples, in the house style (docs/house-style.md), so what a reply says (a
 * closing time as "Fri 4 Dec, 5pm") can be typed back; "30/11 17:00" is read too.
 */
const EXAMPLES = '“Friday 5pm”, “tomorrow 9am”, “in 3 days” or “Fri 4 Dec, 5pm”';

export function parseClosingTime(text: string, now: Date, timeZone = 'Europe/London'): Result<Date, string> {
  const input = text.trim();
  if (!input) return fail(`When should the vote close? For example ${EXAMPLES}.`);
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  // chrono works in the system's zone: hand it the zone's wall clock as a system-local date.
  const reference = new Date(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const results = chrono.en.GB.parse(input.slice(0, 200), reference, { forwardDate: true });
  if (results.length === 0) return fail(`I couldn’t read “${input.slice(0, 80)}” as a closing time. Try ${EXAMPLES}.`);
  if (results.length > 1)
    return fail(
      `“${input.slice(0, 80)}” names more than one time (${results.map((r) => `“${r.text}”`).join(', ')}). Give just one, for example ${EXAMPLES}.`,
    );
  const start = results[0]!.start;
  const tags = start.tags();
  let closes: DateTime;
  if (tags.has('result/relativeDateAndTime')) {
    // "in 2 hours": a span of real time from now, whatever the clocks do.
    closes = DateTime.fromJSDate(now).plus({ milliseconds: start.date().getTime() - reference.getTime() });
  } else {
    const timed = start.isCertain('hour') || tags.has('result/relativeDate');
    closes = DateTime.fromObject(
      {
        year: start.get('year') ?? local.year,
        month: start.get('month') ?? local.month,
        day: start.get('day') ?? local.day,
        hour: timed ? (start.get('hour') ?? DEFAULT_HOUR) : DEFAULT_HOUR,
        minute: timed ? (start.get('minute') ?? 0) : 0,
      },
      { zone: timeZone },
    );
  }
  if (!closes.isValid) return fail(`“${input.slice(0, 80)}” is not a real date. Try ${EXAMPLES}.`);
  const closesAt = closes.toJSDate();
  if (closesAt.getTime() <= now.getTime()) {
    return fail(
      `${whenWords(closesAt, timeZone, true)} has already passed. Give a closing time in the future, for example ${EXAMPLES}.`,
    );
  }
  const days = (closesAt.getTime() - now.getTime()) / 86_400_000;
  if (days > MAX_DAYS_AHEAD) {
    return fail(
      `${whenWords(closesAt, timeZone, true)} is ${Math.floor(days)} days away; a vote can stay open for at most ${MAX_DAYS_AHEAD} days. Choose an earlier time, or put it to a meeting.`,
    );
  }
  return ok(closesAt);
}

/** ISO 8601 with the zone's offset, for exports: 2026-11-27T17:00:00+00:00. */
export const isoInZone = (at: Date, timeZone = 'Europe/London'): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? at.toISOString();
