// The review calendar and the planner, as pure functions of the clock (Europe/London).
import { describe, expect, it } from 'vitest';
import { currentNudgeSlot, isQuiet, nextAllowed, seasonAt } from '../../src/domain/review/calendar.ts';
import { claimFor, MAX_ATTEMPTS, planReviewSends, CLAIM_MS, type SeasonState } from '../../src/domain/review/plan.ts';
import type { ReviewSettings } from '../../src/domain/review/settings.ts';
import type { SendRecord } from '../../src/domain/review/types.ts';
import { defaultSettings, parseSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import { demoRoster } from './helpers.ts';

const settings = (review: Partial<ReviewSettings> = {}): PartnershipSettings => parseSettings({ review });
const at = (iso: string) => new Date(iso);

function state(now: string, review: Partial<ReviewSettings> = {}, sends: SendRecord[] = []): SeasonState {
  const roster = demoRoster();
  roster.partnership = { ...roster.partnership, id: 'p1', slug: 'northfield', settings: settings(review) };
  return {
    roster,
    record: {
      year: at(now).getUTCFullYear(),
      confirmations: [],
      answers: [],
      submission: null,
      lastYear: null,
      linked: [],
      unreachable: [],
    },
    sends,
  };
}

describe('review settings', () => {
  it('default to a September-to-December season, weekly nudges, twice a week in December, quiet nights and Sundays', () => {
    expect(defaultSettings().review).toEqual({
      opensOn: '09-01',
      opensAt: '09:00',
      deadline: '12-31',
      nudgeDays: ['monday'],
      finalMonthNudgeDays: ['monday', 'thursday'],
      nudgeAt: '10:00',
      quietFrom: '20:00',
      quietTo: '08:00',
      quietDays: ['sunday'],
      confirmationReminders: 2,
      confirmationReminderDays: 14,
    });
  });

  it('refuse impossible values with a message saying what to write', () => {
    expect(() => parseSettings({ review: { deadline: '02-30' } })).toThrow(
      /The deadline is not a date in the calendar/,
    );
    expect(() => parseSettings({ review: { nudgeAt: '9am' } })).toThrow(/The nudge time must be a 24-hour time HH:MM/);
    expect(() => parseSettings({ review: { opensOn: '12-01', deadline: '11-30' } })).toThrow(
      /The deadline must come after the opening day/,
    );
    expect(() => parseSettings({ review: { confirmationReminders: 3 } })).toThrow();
  });
});

describe('the review calendar', () => {
  it('opens on 1 September at 09:00 London time and closes at the end of 31 December', () => {
    const s = seasonAt(at('2026-10-10T12:00:00Z'), defaultSettings());
    expect(s).toEqual({ year: 2026, opens: at('2026-09-01T08:00:00Z'), closes: at('2026-12-31T23:59:59.999Z') });
  });

  it('keeps quiet at night and on Sundays, in London time across the October clock change', () => {
    const s = defaultSettings();
    expect(isQuiet(at('2026-09-06T12:00:00Z'), s)).toBe(true); // Sunday
    expect(isQuiet(at('2026-09-07T06:59:00Z'), s)).toBe(true); // Monday 07:59 BST
    expect(isQuiet(at('2026-09-07T07:00:00Z'), s)).toBe(false); // 08:00 BST
    expect(isQuiet(at('2026-09-07T18:59:00Z'), s)).toBe(false); // 19:59 BST
    expect(isQuiet(at('2026-09-07T19:00:00Z'), s)).toBe(true); // 20:00 BST
    expect(isQuiet(at('2026-10-26T07:30:00Z'), s)).toBe(true); // 07:30 GMT, after the clocks went back
    expect(isQuiet(at('2026-10-19T07:30:00Z'), s)).toBe(false); // 08:30 BST
  });

  it('defers to the next allowed time', () => {
    expect(nextAllowed(at('2026-12-05T21:00:00Z'), defaultSettings())).toEqual(at('2026-12-07T08:00:00Z')); // Saturday night -> Monday 08:00
    expect(nextAllowed(at('2026-12-05T21:00:00Z'), settings({ quietDays: [] }))).toEqual(at('2026-12-06T08:00:00Z'));
    expect(nextAllowed(at('2026-12-07T11:00:00Z'), defaultSettings())).toEqual(at('2026-12-07T11:00:00Z'));
  });

  it('finds the current nudge slot: weekly, then twice a week in the deadline’s month', () => {
    const s = defaultSettings();
    expect(currentNudgeSlot(at('2026-09-07T08:59:00Z'), s)).toBeNull(); // the Monday before opening does not count
    expect(currentNudgeSlot(at('2026-09-07T09:00:00Z'), s)).toEqual({
      at: at('2026-09-07T09:00:00Z'),
      period: '2026-W37',
    });
    expect(currentNudgeSlot(at('2026-09-12T15:00:00Z'), s)?.period).toBe('2026-W37');
    expect(currentNudgeSlot(at('2026-10-26T10:00:00Z'), s)).toEqual({
      at: at('2026-10-26T10:00:00Z'),
      period: '2026-W44',
    });
    expect(currentNudgeSlot(at('2026-11-30T12:00:00Z'), s)?.period).toBe('2026-W49');
    expect(currentNudgeSlot(at('2026-12-03T10:00:00Z'), s)?.period).toBe('2026-W49-2');
    expect(currentNudgeSlot(at('2026-12-07T10:00:00Z'), s)?.period).toBe('2026-W50-1');
    expect(currentNudgeSlot(at('2026-12-31T22:00:00Z'), s)?.period).toBe('2026-W53-2');
    expect(currentNudgeSlot(at('2027-01-04T12:00:00Z'), s)).toBeNull();
    expect(currentNudgeSlot(at('2026-10-26T10:00:00Z'), settings({ nudgeDays: [] }))).toBeNull();
  });
});

describe('planning the sends', () => {
  const kinds = (s: SeasonState, now: string) =>
    planReviewSends(s, at(now)).due.map((d) => `${d.kind} ${d.recipientId}${d.reminder ? ` ${d.reminder}` : ''}`);

  it('sends nothing before the season, in quiet hours or after the deadline', () => {
    expect(kinds(state('2026-08-31T10:00:00Z'), '2026-08-31T10:00:00Z')).toEqual([]);
    expect(kinds(state('2026-09-01T19:30:00Z'), '2026-09-01T19:30:00Z')).toEqual([]);
    expect(kinds(state('2027-01-01T10:00:00Z'), '2027-01-01T10:00:00Z')).toEqual([]);
  });

  it('opens the season for the rep and the chair, and asks every member (not the paid worker or the rep)', () => {
    const due = kinds(state('2026-09-01T08:05:00Z'), '2026-09-01T08:05:00Z');
    expect(due.slice(0, 2)).toEqual(['review-open person-1', 'review-open person-13']);
    expect(due.slice(2)).toEqual(Array.from({ length: 11 }, (_, i) => `review-confirm person-${i + 1}`));
  });

  it('waits for the end of the quiet hours and Sunday: a season opening on a Sunday starts on Monday at 08:00', () => {
    expect(kinds(state('2030-09-01T08:05:00Z'), '2030-09-01T08:05:00Z')).toEqual([]); // Sunday 1 September 2030
    expect(kinds(state('2030-09-02T07:05:00Z'), '2030-09-02T07:05:00Z')).toHaveLength(13); // Monday, 08:05
  });

  it('decides a nudge slot once: a nudge when something is outstanding, a skipped record otherwise', () => {
    const s = state('2026-09-07T09:05:00Z');
    expect(
      planReviewSends(s, at('2026-09-07T09:05:00Z'))
        .due.filter((d) => d.kind === 'review-nudge')
        .map((d) => d.key),
    ).toEqual(['nudge:2026-W37:person-13']);
    const snoozed = state('2026-09-07T09:05:00Z', { snoozedUntil: '2026-09-08T00:00:00Z' });
    expect(planReviewSends(snoozed, at('2026-09-07T09:05:00Z')).skipped).toEqual([
      { key: 'nudge:2026-W37:person-13', kind: 'review-nudge', recipientId: 'person-13', reason: 'snoozed' },
    ]);
  });

  it('defers a Saturday-evening nudge past the quiet hours and Sunday to Monday morning', () => {
    const review = { nudgeDays: ['saturday' as const], nudgeAt: '19:30' };
    expect(
      kinds(state('2026-09-12T19:05:00Z', review), '2026-09-12T19:05:00Z').filter((k) => k.startsWith('review-nudge')),
    ).toEqual([]); // 20:05 BST
    expect(
      planReviewSends(state('2026-09-14T07:05:00Z', review), at('2026-09-14T07:05:00Z'))
        .due.filter((d) => d.kind === 'review-nudge')
        .map((d) => d.key),
    ).toEqual(['nudge:2026-W37:person-13']);
  });
});

describe('claiming a recorded send', () => {
  const row = (over: Partial<SendRecord>): SendRecord => ({
    key: 'k',
    kind: 'review-nudge',
    recipientId: 'r',
    status: 'pending',
    attempts: 0,
    createdAt: at('2026-09-07T09:05:00Z'),
    sentAt: null,
    nextAttemptAt: null,
    claimedUntil: null,
    ...over,
  });
  const now = at('2026-09-07T09:05:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('inserts a new key, and never touches a sent, skipped or held one', () => {
    expect(claimFor(undefined, now)).toEqual({ type: 'insert' });
    expect(claimFor(row({ status: 'sent', attempts: 1 }), later(10 * CLAIM_MS))).toBeNull();
    expect(claimFor(row({ status: 'skipped' }), later(10 * CLAIM_MS))).toBeNull();
    expect(claimFor(row({ status: 'pending', attempts: 1, claimedUntil: later(CLAIM_MS) }), now)).toBeNull();
  });

  it('takes a pending row nobody holds at once, and a claimed one once its claim has expired', () => {
    expect(claimFor(row({}), now)).toEqual({ type: 'claim', status: 'pending', attempts: 0 });
    const held = row({ attempts: 1, claimedUntil: later(CLAIM_MS) });
    expect(claimFor(held, later(CLAIM_MS - 1))).toBeNull();
    expect(claimFor(held, later(CLAIM_MS))).toEqual({ type: 'claim', status: 'pending', attempts: 1 });
    // left by a version without claim times: counts as expired
    expect(claimFor(row({ attempts: 1 }), now)).toEqual({ type: 'claim', status: 'pending', attempts: 1 });
    // a send whose last attempt was never confirmed, MAX_ATTEMPTS times over, is given up
    expect(claimFor(row({ attempts: MAX_ATTEMPTS, claimedUntil: now }), later(CLAIM_MS))).toBeNull();
  });

  it('retries a failed send when its time comes, until the attempts run out', () => {
    const failed = row({ status: 'failed', attempts: 2, nextAttemptAt: later(60_000) });
    expect(claimFor(failed, now)).toBeNull();
    expect(claimFor(failed, later(60_000))).toEqual({ type: 'claim', status: 'failed', attempts: 2 });
    expect(claimFor(row({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: now }), later(60_000))).toBeNull();
    expect(claimFor(row({ status: 'failed', attempts: 1, nextAttemptAt: null }), later(60_000))).toBeNull();
  });
});
