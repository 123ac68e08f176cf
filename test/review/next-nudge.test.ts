// When the next nudge comes, as a pure function of the clock and the settings: the weekly and
// the deadline month's slots, the October clock change, the season's edges, quiet hours, and
// the outlook's order of reasons (submitted, season over, nobody to nudge, paused, on).
import { describe, expect, it } from 'vitest';
import { nextNudgeSlot } from '../../src/domain/review/calendar.ts';
import { nudgeOutlook } from '../../src/domain/review/nudges.ts';
import { reviewStatus } from '../../src/domain/review/status.ts';
import type { ReviewRecord } from '../../src/domain/review/types.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { defaultSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import { demoRoster } from './helpers.ts';

const settings = (review: Partial<PartnershipSettings['review']> = {}): PartnershipSettings => {
  const s = defaultSettings();
  return { ...s, review: { ...s.review, ...review } };
};
const next = (after: string, s = settings()) => {
  const slot = nextNudgeSlot(new Date(after), s);
  return slot && { at: slot.at.toISOString(), period: slot.period };
};

describe('nextNudgeSlot', () => {
  it('is the next Monday at 10:00 London time, across the clock change', () => {
    expect(next('2026-10-05T13:00:00Z')).toEqual({ at: '2026-10-12T09:00:00.000Z', period: '2026-W42' });
    expect(next('2026-10-19T10:00:00Z')).toEqual({ at: '2026-10-26T10:00:00.000Z', period: '2026-W44' });
  });

  it('is strictly after the moment: a slot at that very time is not next', () => {
    expect(next('2026-10-12T09:00:00Z')?.at).toBe('2026-10-19T09:00:00.000Z');
    expect(next('2026-10-12T08:59:59Z')?.at).toBe('2026-10-12T09:00:00.000Z');
  });

  it('comes twice a week in the deadline’s month', () => {
    expect(next('2026-12-07T12:00:00Z')).toEqual({ at: '2026-12-10T10:00:00.000Z', period: '2026-W50-2' });
  });

  it('before the season: the first slot after it opens; after the last slot or the deadline: none', () => {
    expect(next('2026-08-20T10:00:00Z')?.at).toBe('2026-09-07T09:00:00.000Z');
    expect(next('2026-12-31T10:30:00Z')).toBeNull();
    expect(next('2026-12-29T12:00:00Z', settings({ deadline: '12-30' }))).toBeNull();
    expect(next('2026-10-05T13:00:00Z', settings({ nudgeDays: [], finalMonthNudgeDays: [] }))).toBeNull();
  });
});

const roster = (s: PartnershipSettings): Roster => {
  const r = demoRoster();
  return {
    ...r,
    partnership: { ...r.partnership, settings: s },
    people: r.people.map((p, i) => ({ ...p, id: `p${i}` })),
  };
};
const record = (over: Partial<ReviewRecord> = {}): ReviewRecord => ({
  year: 2026,
  confirmations: [],
  answers: [],
  submission: null,
  lastYear: null,
  linked: [],
  unreachable: [],
  ...over,
});
const outlook = (now: string, s: PartnershipSettings, over: Partial<ReviewRecord> = {}, decided = true) => {
  const r = roster(s);
  return nudgeOutlook({
    now: new Date(now),
    roster: r,
    settings: s,
    status: reviewStatus(r, record(over)),
    currentSlotDecided: decided,
  });
};

describe('nudgeOutlook', () => {
  it('a slot in the quiet hours is decided at the first allowed time after it', () => {
    const o = outlook('2026-10-05T12:00:00Z', settings({ nudgeAt: '21:00' }));
    expect(o).toMatchObject({ state: 'scheduled', next: { due: false } });
    expect(o.state === 'scheduled' && o.next?.at.toISOString()).toBe('2026-10-06T07:00:00.000Z');
  });

  it('an undecided slot that has passed is due now; a decided one is not', () => {
    const due = outlook('2026-10-05T13:00:00Z', settings(), {}, false);
    expect(due.state === 'scheduled' && due.next).toEqual({ at: new Date('2026-10-05T09:00:00Z'), due: true });
    const decided = outlook('2026-10-05T13:00:00Z', settings(), {}, true);
    expect(decided.state === 'scheduled' && decided.next?.due).toBe(false);
  });

  it('paused: the first slot after the pause, whatever the current slot', () => {
    const o = outlook('2026-10-05T13:00:00Z', settings({ snoozedUntil: '2026-10-12T13:00:00.000Z' }), {}, false);
    expect(o).toMatchObject({ state: 'scheduled', pausedUntil: new Date('2026-10-12T13:00:00Z') });
    expect(o.state === 'scheduled' && o.next).toEqual({ at: new Date('2026-10-19T09:00:00Z'), due: false });
    const beyond = outlook('2026-12-28T13:00:00Z', settings({ snoozedUntil: '2027-01-04T13:00:00.000Z' }));
    expect(beyond.state === 'scheduled' && beyond.next).toBeNull();
  });

  it('submitted comes first, then the season’s end, then nobody to nudge', () => {
    const submission = { year: 2026, submittedAt: new Date('2026-10-01T10:00:00Z'), submittedById: null } as const;
    const document = {} as never;
    expect(outlook('2026-10-05T13:00:00Z', settings(), { submission: { ...submission, document } }).state).toBe(
      'submitted',
    );
    expect(outlook('2026-12-05T13:00:00Z', settings({ deadline: '11-30' })).state).toBe('season-over');
    const s = settings();
    const r = roster(s);
    const nobody = { ...r, people: r.people.filter((p) => p.kind !== 'rep' && !p.roles.includes('chair')) };
    expect(
      nudgeOutlook({
        now: new Date('2026-10-05T13:00:00Z'),
        roster: nobody,
        settings: s,
        status: reviewStatus(nobody, record()),
        currentSlotDecided: true,
      }).state,
    ).toBe('no-recipient');
  });
});
