// "Pretend it is 1 October": a clock the playground can move. It wraps the real clock with an
// offset, so time keeps flowing from the pretended moment. It is the playground's alone: its bot
// and the scheduled jobs' runs for its sandbox partnerships use it; Slack, Teams, cron's runs for
// every other partnership and the housekeeping jobs keep the real clock (adapters/web/index.ts).
import { DateTime } from 'luxon';
import type { Clock } from '../../src/services/ports/index.ts';
import { fail, ok, type Result } from '../../src/domain/result.ts';

/** Dates typed without a zone are read in England's time, like everything else the bot shows. */
export const PLAYGROUND_ZONE = 'Europe/London';
/** A date alone means this time of day (a working morning, when nudges go out). */
const DEFAULT_TIME = { hour: 9, minute: 0 };

export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** From now on, `now()` starts at `at` and moves with real time. */
  pretend(at: Date): void {
    this.offsetMs = at.getTime() - this.base.now().getTime();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/**
 * Reads a date as people in England write it, day first: "01/10/2026" or "1/10/2026 14:30"
 * (24-hour), what the page's fields send; or "2026-10-01", "2026-10-01T14:30" (England's local
 * time) or a full ISO 8601 time with a zone, for scripts. Years outside 2000-2100 are refused:
 * they are typing mistakes, not review seasons.
 */
export function parsePretendTime(text: string): Result<Date, string> {
  const input = text.trim();
  const example =
    'Give a date like 01/10/2026 (day/month/year), or a date and time like 01/10/2026 14:30 (24-hour); 2026-10-01 and 2026-10-01T14:30 work too.';
  if (!input) return fail(`The date is empty. ${example}`);
  const zone = { zone: PLAYGROUND_ZONE, locale: 'en-GB' };
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?$/.exec(input);
  let parsed: DateTime;
  if (british) {
    const [, day, month, year, hour, minute] = british;
    if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59))
      return fail(`“${hour}:${minute}” is not a time: times are 24-hour, from 00:00 to 23:59. ${example}`);
    parsed = DateTime.fromObject(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        ...(hour === undefined ? DEFAULT_TIME : { hour: Number(hour), minute: Number(minute) }),
      },
      zone,
    );
    if (!parsed.isValid)
      return fail(`“${input.slice(0, 40)}” is not a date on the calendar: dates are day/month/year. ${example}`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(input)) {
    parsed = DateTime.fromISO(input, zone).set(DEFAULT_TIME);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(input)) {
    parsed = DateTime.fromISO(input, zone);
  } else {
    parsed = DateTime.fromISO(input, { setZone: true });
  }
  if (!parsed.isValid) return fail(`“${input.slice(0, 40)}” is not a date I can read. ${example}`);
  if (parsed.year < 2000 || parsed.year > 2100)
    return fail(`Pick a date between the years 2000 and 2100 (got ${parsed.year}).`);
  return ok(parsed.toJSDate());
}

export function describeClock(clock: OffsetClock): {
  now: string;
  pretending: boolean;
  offsetMs: number;
  zone: string;
} {
  const offsetMs = clock.offset;
  return { now: clock.now().toISOString(), pretending: offsetMs !== 0, offsetMs, zone: PLAYGROUND_ZONE };
}
