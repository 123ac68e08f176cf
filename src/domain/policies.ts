// The partnership's local policies (001: "locally agreed policies and procedures ... code of
// conduct and conflict of interest policies"; 000 adds declaration of interest and loyalty): what
// an entry is, how a typed one is checked, and when its review reminders fall due.
import { DateTime } from 'luxon';
import type { Problem, Result } from './result.ts';
import { fail, ok } from './result.ts';
import { chooseOneOf } from './choices.ts';

export const POLICY_KINDS = [
  'code-of-conduct',
  'conflicts-of-interest',
  'declaration-of-interest',
  'loyalty',
  'other',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** The name a policy of each named kind is known by, unless the partnership calls it otherwise. */
export const POLICY_NAMES: Record<Exclude<PolicyKind, 'other'>, string> = {
  'code-of-conduct': 'Code of conduct',
  'conflicts-of-interest': 'Conflicts of interest policy',
  'declaration-of-interest': 'Declaration of interest policy',
  loyalty: 'Loyalty policy',
};

export const MAX_POLICY_NAME = 120;
export const MAX_POLICY_LINK = 500;
export const MAX_POLICIES = 50;

export interface PolicyInput {
  kind: PolicyKind;
  name: string;
  /** ISO calendar days, YYYY-MM-DD */
  adoptedOn: string;
  reviewOn: string | null;
  link: string | null;
}

export interface Policy extends PolicyInput {
  id: string;
  updatedAt: Date;
}

/** One entry per name: "Code of Conduct" and "code of conduct " are the same policy. */
export const policyKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2026-09-01", "1/9/2026", "01/09/2026" or "1 September 2026" as YYYY-MM-DD; null when it is none of them. */
export function readDay(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t))) {
    const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return null;
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return null;
  const day = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'UTC' });
  return day.isValid && y >= 1990 && y <= 2100 ? day.toISODate() : null;
}

const DAY_HINT = 'type a date such as 2026-09-01, 1/9/2026 or 1 September 2026';

/** A policy as typed (a form, the command line), checked whole: every problem at once. */
export function checkPolicy(typed: {
  kind: string;
  name: string;
  adoptedOn: string;
  reviewOn: string;
  link: string;
}): Result<PolicyInput, Problem[]> {
  const problems: Problem[] = [];
  const kind = (POLICY_KINDS as readonly string[]).includes(typed.kind) ? (typed.kind as PolicyKind) : null;
  if (!kind) problems.push({ where: 'Kind', message: chooseOneOf(POLICY_KINDS) });
  const name = typed.name.replace(/\s+/g, ' ').trim() || (kind && kind !== 'other' ? POLICY_NAMES[kind] : '');
  if (!name) problems.push({ where: 'Name', message: 'give the policy’s name (needed when the kind is “other”)' });
  else if (name.length > MAX_POLICY_NAME)
    problems.push({ where: 'Name', message: `shorten it to at most ${MAX_POLICY_NAME} characters` });
  const adoptedOn = readDay(typed.adoptedOn);
  if (!typed.adoptedOn.trim()) problems.push({ where: 'Adopted on', message: `say when it was adopted: ${DAY_HINT}` });
  else if (!adoptedOn)
    problems.push({ where: 'Adopted on', message: `“${typed.adoptedOn.trim()}” is not a date: ${DAY_HINT}` });
  const reviewOn = typed.reviewOn.trim() ? readDay(typed.reviewOn) : null;
  if (typed.reviewOn.trim() && !reviewOn)
    problems.push({
      where: 'Next review',
      message: `“${typed.reviewOn.trim()}” is not a date: ${DAY_HINT}, or leave it empty`,
    });
  else if (reviewOn && adoptedOn && reviewOn <= adoptedOn)
    problems.push({ where: 'Next review', message: 'must be after the day it was adopted' });
  const link = typed.link.trim() || null;
  if (link && link.length > MAX_POLICY_LINK)
    problems.push({ where: 'Link or file', message: `shorten it to at most ${MAX_POLICY_LINK} characters` });
  if (problems.length || !kind || !adoptedOn) return fail(problems);
  return ok({ kind, name, adoptedOn, reviewOn, link });
}

export type ReminderKind = 'month-before' | 'due';

/**
 * The review reminder due on `today` (the partnership's calendar day), if any: a month before the
 * review and again on the day. A day missed while no server ran is caught up: the month-before one
 * until the review day, the on-the-day one for a week after it (never for an old, forgotten date).
 */
export function reminderDue(reviewOn: string | null, today: string): ReminderKind | null {
  if (!reviewOn) return null;
  const review = DateTime.fromISO(reviewOn, { zone: 'UTC' });
  const monthBefore = review.minus({ months: 1 }).toISODate()!;
  const weekAfter = review.plus({ days: 7 }).toISODate()!;
  if (today >= reviewOn && today <= weekAfter) return 'due';
  if (today >= monthBefore && today < reviewOn) return 'month-before';
  return null;
}

/** The key of one reminder to one person: recorded before it is sent, so it goes once. */
export const reminderKey = (policyId: string, reviewOn: string, kind: ReminderKind, recipientId: string): string =>
  `policy-review:${policyId}:${reviewOn}:${kind}:${recipientId}`;
