// How a date and time are said (docs/house-style.md): "Fri 4 Dec, 5pm". Pure, so a rule's own
// message (a closing time that has passed) says times the way every reply does; the views'
// formatters (src/bot/views/text.ts) are built on these.
import { DateTime } from 'luxon';

// Written out rather than from the runtime's locale data, which spells September "Sep" or "Sept"
// depending on the ICU version.
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Fri 4 Dec", or "Fri 4 Dec 2026" with the year. */
export const dayWords = (t: DateTime, year: boolean | undefined): string =>
  `${WEEKDAYS[t.weekday - 1]} ${t.day} ${MONTHS[t.month - 1]}${year ? ` ${t.year}` : ''}`;

/** "5pm", "5:30pm", "12pm" (noon), "12am" (midnight): the UK's spoken 12-hour clock. */
export function clockWords(t: DateTime): string {
  const hour = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const minutes = t.minute ? `:${String(t.minute).padStart(2, '0')}` : '';
  return `${hour}${minutes}${t.hour < 12 ? 'am' : 'pm'}`;
}

/** "Fri 4 Dec, 5pm" (with the year when asked) in the time zone. */
export const whenWords = (at: Date, timeZone: string, year?: boolean): string => {
  const t = DateTime.fromJSDate(at, { zone: timeZone });
  return `${dayWords(t, year)}, ${clockWords(t)}`;
};
