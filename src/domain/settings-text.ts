// Every per-partnership setting as a person types it (`quorum=6` on the command line, a cell of
// settings.csv, a form field) and as it is written back out. Each setting's text is read on its
// own, with a message saying what it must be, then the whole result is checked by the schema
// (src/domain/settings.ts) before anything is saved: a change is all or nothing.
import { z } from 'zod';
import { WEEKDAYS, type Weekday } from './review/settings.ts';
import { settingsSchema, type PartnershipSettings, type Quorum } from './settings.ts';
import { fail, ok, type Result } from './result.ts';

/** The settings a person can change, by the name they type; `review.*` are the review season's. */
export const SETTING_KEYS = [
  'residentThreshold',
  'quorum',
  'loyaltyConflicts',
  'councillorsVoteOnKeyDecisions',
  'countLtoRepresentatives',
  'ltoOrganisation',
  'repMayCreateDecisions',
  'proxyVotes',
  'reminderHoursBeforeClose',
  'timeZone',
  'retentionMonths',
  'concernReviewer',
  'review.opensOn',
  'review.opensAt',
  'review.deadline',
  'review.nudgeDays',
  'review.finalMonthNudgeDays',
  'review.nudgeAt',
  'review.quietFrom',
  'review.quietTo',
  'review.quietDays',
  'review.confirmationReminders',
  'review.confirmationReminderDays',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** One setting that could not be taken: which, and what it must be (a sentence that follows its name). */
export interface SettingIssue {
  /** the setting's name as typed (`quorum`, `review.quietFrom`) */
  field: string;
  message: string;
  /** where in the stored settings (`["quorum", "value"]`), for a roster file's JSON path */
  path?: string[];
}

/** "quorum must be …" (a message that is a sentence of its own follows a colon: "review.deadline: The deadline …"). */
export const issueLine = (i: SettingIssue): string =>
  /^[A-Z]/.test(i.message) ? `${i.field}: ${i.message}` : `${i.field} ${i.message}`;

const order = (k: string): number => (SETTING_KEYS as readonly string[]).indexOf(k);
const isKey = (k: string): k is SettingKey => (SETTING_KEYS as readonly string[]).includes(k);

/** The setting a person meant, ignoring case ("Quorum", "review.quietdays"); null when there is none. */
export function settingKey(typed: string): SettingKey | null {
  const t = typed.trim().toLowerCase();
  return SETTING_KEYS.find((k) => k.toLowerCase() === t) ?? null;
}

type Read = { ok: true; value: unknown } | { ok: false; message: string };
const good = (value: unknown): Read => ({ ok: true, value });
const bad = (message: string): Read => ({ ok: false, message });

const YES = new Set(['yes', 'y', 'true', '1', 'on']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);
function yesNo(text: string): Read {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return good(true);
  if (NO.has(t)) return good(false);
  return bad('must be yes or no');
}

/** "0.51", ".5" or "51%" as a fraction; null when it is neither. */
function fraction(text: string): number | null {
  const t = text.trim();
  const pct = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  return /^(0|1)?\.\d+$|^[01]$|^1\.0+$/.test(t) ? Number(t) : null;
}

const THRESHOLD = 'must be a fraction more than 0 and at most 1, e.g. 0.51 (or a percentage, e.g. 51%)';
function threshold(text: string): Read {
  const f = fraction(text);
  return f !== null && f > 0 && f <= 1 ? good(f) : bad(THRESHOLD);
}

const QUORUM = 'must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6';
function quorum(text: string): Read {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 1000 ? good({ type: 'count', value: n } satisfies Quorum) : bad(QUORUM);
  }
  const f = fraction(t);
  return f !== null && f > 0 && f <= 1 ? good({ type: 'fraction', value: f } satisfies Quorum) : bad(QUORUM);
}

const wholeNumber = (min: number, max: number, message: string) => (text: string) => {
  const t = text.trim();
  const n = Number(t);
  return /^\d+$/.test(t) && n >= min && n <= max ? good(n) : bad(message);
};

function loyalty(text: string): Read {
  const t = text.trim().toLowerCase().replace(/\s+/g, '-');
  return t === 'withdraw' || t === 'declare-and-stay'
    ? good(t)
    : bad(
        'must be withdraw (members whose only conflict is loyalty step back) or declare-and-stay (they declare it and may still vote)',
      );
}

function ltoOrganisation(text: string): Read {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'none') return good(undefined);
  return t.length <= 200 ? good(t) : bad('must be at most 200 characters');
}

/** A name, or empty (or "rep") for the default: the rep. Whether the name is on the roster is the service's check. */
function concernReviewer(text: string): Read {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '' || /^(none|(the )?rep)$/i.test(t)) return good(undefined);
  return t.length <= 200 ? good(t) : bad('must be at most 200 characters');
}

/** Whether this runtime knows the IANA time zone (Europe/London, Europe/Belfast). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const TIME_ZONE = 'must be a time zone name such as Europe/London';
function timeZone(text: string): Read {
  const t = text.trim();
  return isTimeZone(t) ? good(t) : bad(TIME_ZONE);
}

function days(text: string): Read {
  const words = text
    .split(/[\s,;|/]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const wrong = words.filter((w) => !(WEEKDAYS as readonly string[]).includes(w));
  return wrong.length
    ? bad(`must be days of the week such as monday,thursday (or nothing for no day); not ${wrong.join(', ')}`)
    : good([...new Set(words)] as Weekday[]);
}

const monthDay = (text: string): Read =>
  /^\d{2}-\d{2}$/.test(text.trim())
    ? good(text.trim())
    : bad('must be a day of the year as MM-DD, e.g. 09-01 for 1 September');
const clock = (text: string): Read =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim()) ? good(text.trim()) : bad('must be a 24-hour time HH:MM, e.g. 09:00');

const READERS: Record<SettingKey, (text: string) => Read> = {
  residentThreshold: threshold,
  quorum,
  loyaltyConflicts: loyalty,
  councillorsVoteOnKeyDecisions: yesNo,
  countLtoRepresentatives: yesNo,
  ltoOrganisation,
  repMayCreateDecisions: yesNo,
  proxyVotes: yesNo,
  reminderHoursBeforeClose: wholeNumber(
    0,
    336,
    'must be a whole number of hours from 0 (no reminder) to 336 (two weeks), e.g. 24',
  ),
  timeZone,
  retentionMonths: wholeNumber(
    0,
    120,
    'must be a whole number of months from 0 (kept until erased by hand) to 120, e.g. 24',
  ),
  concernReviewer,
  'review.opensOn': monthDay,
  'review.opensAt': clock,
  'review.deadline': monthDay,
  'review.nudgeDays': days,
  'review.finalMonthNudgeDays': days,
  'review.nudgeAt': clock,
  'review.quietFrom': clock,
  'review.quietTo': clock,
  'review.quietDays': days,
  'review.confirmationReminders': wholeNumber(0, 2, 'must be 0, 1 or 2 (at most two reminders)'),
  'review.confirmationReminderDays': wholeNumber(1, 60, 'must be a whole number of days from 1 to 60, e.g. 14'),
};

/** The value of one setting, as stored. */
export function settingValue(s: PartnershipSettings, key: SettingKey): unknown {
  if (key.startsWith('review.')) return s.review[key.slice('review.'.length) as keyof PartnershipSettings['review']];
  return s[key as Exclude<keyof PartnershipSettings, 'review'>];
}

/** A setting as a person would type it back in (the inverse of reading it). */
export function settingText(s: PartnershipSettings, key: SettingKey): string {
  const v = settingValue(s, key);
  if (key === 'quorum') {
    const q = v as Quorum;
    return q.type === 'count' ? String(q.value) : q.value === 1 ? '1.0' : String(q.value);
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(',');
  if (key === 'residentThreshold' && v === 1) return '1.0';
  return v === undefined ? '' : String(v as string | number);
}

/** Settings with the one value set (a new object; review settings copied too). */
function withValue(s: PartnershipSettings, key: SettingKey, value: unknown): PartnershipSettings {
  if (key.startsWith('review.')) return { ...s, review: { ...s.review, [key.slice('review.'.length)]: value } };
  const next: Record<string, unknown> = { ...s, [key]: value };
  if (value === undefined) delete next[key];
  return next as PartnershipSettings;
}

/** The schema's verdict on whole settings, with each issue put on the setting it is about. */
export function checkSettings(candidate: PartnershipSettings): Result<PartnershipSettings, SettingIssue[]> {
  const parsed = settingsSchema.safeParse(candidate);
  const issues: SettingIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const path = i.path.map(String);
        const [top = '', sub] = path;
        const key = top === 'review' && sub !== undefined ? `review.${sub}` : top;
        return { field: isKey(key) ? key : top, message: i.message, path };
      });
  if (parsed.success && !isTimeZone(parsed.data.timeZone))
    issues.push({ field: 'timeZone', message: TIME_ZONE, path: ['timeZone'] });
  return issues.length || !parsed.success ? fail(issues) : ok(parsed.data);
}

export interface SettingsChange {
  settings: PartnershipSettings;
  /** the settings whose value is now different, in the order of SETTING_KEYS */
  changed: SettingKey[];
}

/**
 * `changes` (setting -> text as typed) over `current`: every text is read, then the whole is
 * checked; every problem is reported at once, and nothing is half-applied.
 */
export function applySettingTexts(
  current: PartnershipSettings,
  changes: ReadonlyMap<SettingKey, string>,
): Result<SettingsChange, SettingIssue[]> {
  const issues: SettingIssue[] = [];
  let next = current;
  for (const [key, text] of changes) {
    const read = READERS[key](text);
    if (read.ok) next = withValue(next, key, read.value);
    else issues.push({ field: key, message: read.message });
  }
  if (issues.length) return fail(issues.sort((a, b) => order(a.field) - order(b.field)));
  const checked = checkSettings(next);
  if (!checked.ok) return checked;
  const changed = SETTING_KEYS.filter(
    (k) => JSON.stringify(settingValue(current, k)) !== JSON.stringify(settingValue(checked.value, k)),
  );
  return ok({ settings: checked.value, changed });
}

/** Settings from a `settings` object of a roster file: only what it lists changes (`null` clears ltoOrganisation). */
export const settingsObjectSchema = z.strictObject({
  residentThreshold: z.unknown().optional(),
  quorum: z.unknown().optional(),
  loyaltyConflicts: z.unknown().optional(),
  councillorsVoteOnKeyDecisions: z.unknown().optional(),
  countLtoRepresentatives: z.unknown().optional(),
  ltoOrganisation: z.unknown().optional(),
  repMayCreateDecisions: z.unknown().optional(),
  proxyVotes: z.unknown().optional(),
  reminderHoursBeforeClose: z.unknown().optional(),
  timeZone: z.unknown().optional(),
  retentionMonths: z.unknown().optional(),
  concernReviewer: z.unknown().optional(),
  review: z
    .strictObject({
      opensOn: z.unknown().optional(),
      opensAt: z.unknown().optional(),
      deadline: z.unknown().optional(),
      nudgeDays: z.unknown().optional(),
      finalMonthNudgeDays: z.unknown().optional(),
      nudgeAt: z.unknown().optional(),
      quietFrom: z.unknown().optional(),
      quietTo: z.unknown().optional(),
      quietDays: z.unknown().optional(),
      confirmationReminders: z.unknown().optional(),
      confirmationReminderDays: z.unknown().optional(),
    })
    .optional(),
});
export type SettingsObject = z.infer<typeof settingsObjectSchema>;

/** A roster file's settings object over `current`, its values as stored (numbers, yes/no as booleans). */
export function mergeSettingsObject(current: PartnershipSettings, object: SettingsObject): PartnershipSettings {
  const { review, ltoOrganisation, concernReviewer: reviewer, ...rest } = object;
  const next: Record<string, unknown> = { ...current, review: { ...current.review, ...(review ?? {}) } };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) next[k] = v;
  if (ltoOrganisation === null || (typeof ltoOrganisation === 'string' && ltoOrganisation.trim() === ''))
    delete next.ltoOrganisation;
  else if (ltoOrganisation !== undefined) next.ltoOrganisation = ltoOrganisation;
  if (reviewer === null || (typeof reviewer === 'string' && reviewer.trim() === '')) delete next.concernReviewer;
  else if (reviewer !== undefined) next.concernReviewer = reviewer;
  return next as PartnershipSettings;
}

/** Every setting as stored, for a roster file (the review's snooze is a state, not a setting: left out). */
export function settingsObjectOf(s: PartnershipSettings): SettingsObject {
  const { snoozedUntil: _snooze, ...review } = s.review;
  return {
    residentThreshold: s.residentThreshold,
    quorum: s.quorum,
    loyaltyConflicts: s.loyaltyConflicts,
    councillorsVoteOnKeyDecisions: s.councillorsVoteOnKeyDecisions,
    countLtoRepresentatives: s.countLtoRepresentatives,
    ...(s.ltoOrganisation !== undefined ? { ltoOrganisation: s.ltoOrganisation } : {}),
    repMayCreateDecisions: s.repMayCreateDecisions,
    proxyVotes: s.proxyVotes,
    reminderHoursBeforeClose: s.reminderHoursBeforeClose,
    timeZone: s.timeZone,
    retentionMonths: s.retentionMonths,
    ...(s.concernReviewer !== undefined ? { concernReviewer: s.concernReviewer } : {}),
    review,
  };
}
