// The review season's calendar, in the partnership's own time zone (Europe/London by default, so
// 10:00 stays 10:00 across the October clock change): when the season is open, when the quiet
// hours are, and which nudge slot is the current one.
import { DateTime } from 'luxon';
import type { PartnershipSettings } from '../settings.ts';
import { weekdayNumber, type ReviewSettings, type Weekday } from './settings.ts';

export interface Season {
  year: number;
  opens: Date;
  /** the end of the deadline day */
  closes: Date;
}

/**
 * Time-zone arithmetic is the costly part of a sweep over thousands of partnerships, and they
 * share `now` and, mostly, their settings: results are remembered (pure functions, bounded cache).
 */
function memo<A extends unknown[], R>(key: (...args: A) => string, fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (cache.has(k)) return cache.get(k)!;
    if (cache.size >= 1000) cache.clear();
    const value = fn(...args);
    cache.set(k, value);
    return value;
  };
}

const calendarKeys = new WeakMap<PartnershipSettings, string>();
/** The settings the calendar depends on, as a cache key; computed once per settings object (a sweep asks several times per partnership). */
function calendarKey(s: PartnershipSettings): string {
  let key = calendarKeys.get(s);
  if (key === undefined) {
    key = `${s.timeZone}|${JSON.stringify({ ...s.review, snoozedUntil: undefined })}`;
    calendarKeys.set(s, key);
  }
  return key;
}

const local = (at: Date, settings: PartnershipSettings): DateTime =>
  DateTime.fromJSDate(at, { zone: settings.timeZone });

const hm = (time: string): { hour: number; minute: number } => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
};

const md = (monthDay: string): { month: number; day: number } => {
  const [month = 1, day = 1] = monthDay.split('-').map(Number);
  return { month, day };
};

/** The season of the calendar year `now` falls in (it may not have opened yet, or be over). */
export const seasonAt = (now: Date, settings: PartnershipSettings): Season =>
  seasonOf(reviewYear(now, settings), settings);

export const seasonOf = memo(
  (year: number, settings: PartnershipSettings) => `${year}|${calendarKey(settings)}`,
  computeSeason,
);

function computeSeason(year: number, settings: PartnershipSettings): Season {
  const r = settings.review;
  const zone = settings.timeZone;
  const opens = DateTime.fromObject({ year, ...md(r.opensOn), ...hm(r.opensAt) }, { zone });
  const closes = DateTime.fromObject({ year, ...md(r.deadline) }, { zone }).endOf('day');
  return { year, opens: opens.toJSDate(), closes: closes.toJSDate() };
}

export const isOpen = (now: Date, season: Season): boolean => now >= season.opens && now <= season.closes;

const minutesOf = (t: DateTime): number => t.hour * 60 + t.minute;
const toMinutes = (time: string): number => hm(time).hour * 60 + hm(time).minute;

/** No scheduled message at night or on quiet days (Sundays by default). */
export const isQuiet = memo(
  (now: Date, settings: PartnershipSettings) => `${now.getTime()}|${calendarKey(settings)}`,
  computeQuiet,
);

function computeQuiet(now: Date, settings: PartnershipSettings): boolean {
  const r = settings.review;
  const t = local(now, settings);
  if (r.quietDays.some((d) => weekdayNumber(d) === t.weekday)) return true;
  const from = toMinutes(r.quietFrom);
  const to = toMinutes(r.quietTo);
  const m = minutesOf(t);
  if (from === to) return false;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** The first moment at or after `now` outside the quiet hours and days (what a deferred send waits for). */
export function nextAllowed(now: Date, settings: PartnershipSettings): Date {
  if (!isQuiet(now, settings)) return now;
  const start = local(now, settings).startOf('day');
  for (let i = 0; i <= 8; i++) {
    const day = start.plus({ days: i });
    for (const candidate of [day, day.set(hm(settings.review.quietTo))]) {
      const at = candidate.toJSDate();
      if (at > now && !isQuiet(at, settings)) return at;
    }
  }
  return now; // every hour of every day is quiet: the settings refuse nothing, so say "now"
}

export interface NudgeSlot {
  at: Date;
  /** ISO week, with the slot's number when there are several a week: 2026-W40, 2026-W50-2 */
  period: string;
}

function nudgeDaysFor(day: DateTime, r: ReviewSettings, deadlineMonth: number): readonly Weekday[] {
  return day.month === deadlineMonth ? r.finalMonthNudgeDays : r.nudgeDays;
}

/**
 * The latest nudge slot at or before `now` within the season, or null. Only the latest one: after
 * downtime the rep gets one nudge for what is outstanding now, not one per missed slot.
 */
export const currentNudgeSlot = memo(
  (now: Date, settings: PartnershipSettings) => `${now.getTime()}|${calendarKey(settings)}`,
  computeNudgeSlot,
);

/** The nudge slot on `day` (a local start of day), or null when it is not a nudge day. */
function slotOn(day: DateTime, r: ReviewSettings, deadlineMonth: number): NudgeSlot | null {
  const days = nudgeDaysFor(day, r, deadlineMonth);
  if (!days.some((d) => weekdayNumber(d) === day.weekday)) return null;
  const sorted = [...new Set(days.map(weekdayNumber))].sort((a, b) => a - b);
  const week = `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
  return {
    at: day.set(hm(r.nudgeAt)).toJSDate(),
    period: sorted.length > 1 ? `${week}-${sorted.indexOf(day.weekday) + 1}` : week,
  };
}

function computeNudgeSlot(now: Date, settings: PartnershipSettings): NudgeSlot | null {
  const r = settings.review;
  const season = seasonAt(now, settings);
  const deadlineMonth = md(r.deadline).month;
  const today = local(now, settings).startOf('day');
  for (let i = 0; i < 8; i++) {
    const slot = slotOn(today.minus({ days: i }), r, deadlineMonth);
    if (!slot || slot.at > now) continue;
    if (slot.at < season.opens || slot.at > season.closes) return null;
    return slot;
  }
  return null;
}

/**
 * The first nudge slot after `after` within that review year's season (from its opening when
 * `after` is earlier), or null when no nudge day is left before the deadline. What a reply says
 * about "the next nudge" comes from here, so it cannot drift from what the sweep does.
 */
export function nextNudgeSlot(after: Date, settings: PartnershipSettings): NudgeSlot | null {
  const r = settings.review;
  const season = seasonAt(after, settings);
  if (after > season.closes) return null;
  const from = after < season.opens ? season.opens : after;
  const deadlineMonth = md(r.deadline).month;
  const last = local(season.closes, settings).startOf('day');
  for (let day = local(from, settings).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    const slot = slotOn(day, r, deadlineMonth);
    if (slot && slot.at > after && slot.at >= season.opens && slot.at <= season.closes) return slot;
  }
  return null;
}

// Days for files are written into every row of an export: remembered by instant and zone, like
// the calendar above. (Dates in messages: src/bot/views/text.ts.)
const dayKey = (at: Date, settings: PartnershipSettings): string => `${at.getTime()}|${settings.timeZone}`;

/** "2026-09-01": for files */
export const isoDay = memo(
  dayKey,
  (at: Date, settings: PartnershipSettings): string => local(at, settings).toISODate() ?? at.toISOString().slice(0, 10),
);

/** The review year `now` belongs to (the calendar year in the partnership's zone). */
export const reviewYear = memo(
  (now: Date, settings: PartnershipSettings) => `${now.getTime()}|${settings.timeZone}`,
  (now: Date, settings: PartnershipSettings): number => local(now, settings).year,
);
