// Review-season settings, per partnership (RULES.md sections 5 and 6): when the season opens,
// the deadline, how often the rep is nudged, the quiet hours, and the snooze. Defaults follow the
// programme's calendar (September to December) and "not over-burdening" volunteers.
import { z } from 'zod';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Luxon's weekday number (1 = Monday) for a day name. */
export const weekdayNumber = (d: Weekday): number => WEEKDAYS.indexOf(d) + 1;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const monthDay = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{2}-\d{2}$/, `${what} must be MM-DD, for example 09-01 for 1 September`)
    .refine((v) => {
      const [m = 0, d = 0] = v.split('-').map(Number);
      return m >= 1 && m <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[m - 1] ?? 0);
    }, `${what} is not a date in the calendar`);

const clockTime = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${what} must be a 24-hour time HH:MM, for example 09:00`);

const weekdays = z.array(z.enum(WEEKDAYS)).max(7);

export const reviewSettingsSchema = z
  .object({
    /** the season opens on this day (MM-DD) at `opensAt`, in the partnership's time zone */
    opensOn: monthDay('The opening day').default('09-01'),
    opensAt: clockTime('The opening time').default('09:00'),
    /** the review is due by the end of this day (MM-DD), in the same year */
    deadline: monthDay('The deadline').default('12-31'),
    /** the rep's nudges: on these weekdays (once a week by default; empty: no nudges) */
    nudgeDays: weekdays.default(['monday']),
    /** in the deadline's month (December by default) nudges come more often */
    finalMonthNudgeDays: weekdays.default(['monday', 'thursday']),
    nudgeAt: clockTime('The nudge time').default('10:00'),
    /** no scheduled message between these times (wrapping past midnight) or on these days */
    quietFrom: clockTime('The start of quiet hours').default('20:00'),
    quietTo: clockTime('The end of quiet hours').default('08:00'),
    quietDays: weekdays.default(['sunday']),
    /** members are asked once to confirm their membership, plus at most this many reminders */
    confirmationReminders: z
      .number({ error: 'must be 0, 1 or 2' })
      .int('must be 0, 1 or 2')
      .min(0, 'must be 0, 1 or 2')
      .max(2, 'must be 0, 1 or 2 (at most two reminders)')
      .default(2),
    confirmationReminderDays: z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(60, 'must be at most 60 days')
      .default(14),
    /** the rep's nudges pause until this instant (a chair or the rep snoozes for a week) */
    snoozedUntil: z.string().datetime({ offset: true }).optional(),
  })
  .refine((s) => s.deadline > s.opensOn, {
    message: 'The deadline must come after the opening day, in the same year',
    path: ['deadline'],
  });

export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const SNOOZE_DAYS = 7;
