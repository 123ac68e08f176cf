import { describe, expect, it } from 'vitest';
import { isoInZone, parseClosingTime } from '../../../src/domain/decisions/when.ts';
import { formatWhen } from '../../../src/bot/views/text.ts';
import { CLOSES_EXAMPLES, createForm } from '../../../src/bot/views/decision-create-form.ts';

// Tue 20 Oct 2026, 10:15 British Summer Time (09:15 UTC); the clocks go back on Sun 25 Oct.
const TUESDAY = new Date('2026-10-20T09:15:00Z');
const at = (text: string, now = TUESDAY) => {
  const r = parseClosingTime(text, now);
  if (!r.ok) throw new Error(r.error);
  return r.value.toISOString();
};
const error = (text: string, now = TUESDAY) => {
  const r = parseClosingTime(text, now);
  if (r.ok) throw new Error(`expected an error for "${text}", got ${r.value.toISOString()}`);
  return r.error;
};

describe('closing times in Europe/London', () => {
  it('reads the friendly forms people type', () => {
    expect(at('Friday 5pm')).toBe('2026-10-23T16:00:00.000Z'); // 17:00 BST
    expect(at('tomorrow 9am')).toBe('2026-10-21T08:00:00.000Z');
    expect(at('in 3 days')).toBe('2026-10-23T09:15:00.000Z'); // same time of day, three days on
    expect(at('2026-11-30 17:00')).toBe('2026-11-30T17:00:00.000Z'); // GMT
    expect(at('next friday at 17:00')).toBe('2026-10-30T17:00:00.000Z');
    // the nearest such time still to come: later today, else the next one
    expect(at('5pm')).toBe('2026-10-20T16:00:00.000Z');
    expect(at('9am')).toBe('2026-10-21T08:00:00.000Z');
    expect(at('Tuesday 5pm')).toBe('2026-10-20T16:00:00.000Z');
    expect(at('Tuesday 9am')).toBe('2026-10-27T09:00:00.000Z');
  });

  it('reads dates in UK day/month order', () => {
    expect(at('30/11 5pm')).toBe('2026-11-30T17:00:00.000Z');
    expect(at('1/11 9am')).toBe('2026-11-01T09:00:00.000Z'); // 1 November, not 11 January
    expect(at('3/11/2026 17:30')).toBe('2026-11-03T17:30:00.000Z');
  });

  it('closes a day given without a time at 17:00 London time', () => {
    expect(at('Friday')).toBe('2026-10-23T16:00:00.000Z');
    expect(at('30/11')).toBe('2026-11-30T17:00:00.000Z');
  });

  it('keeps "5pm" at 17:00 on both sides of the last Sunday of October', () => {
    // before the change (BST, UTC+1) and after it (GMT, UTC+0)
    expect(at('Saturday 5pm')).toBe('2026-10-24T16:00:00.000Z');
    expect(at('Monday 5pm')).toBe('2026-10-26T17:00:00.000Z');
    expect(at('27/10 5pm')).toBe('2026-10-27T17:00:00.000Z');
    // created on the Saturday evening, closing on the Sunday the clocks change
    expect(at('tomorrow 5pm', new Date('2026-10-24T18:00:00Z'))).toBe('2026-10-25T17:00:00.000Z');
    // and the other way, across the last Sunday of March
    expect(at('Monday 5pm', new Date('2027-03-26T12:00:00Z'))).toBe('2027-03-29T16:00:00.000Z');
  });

  it('measures "in N hours" in real time, whatever the clocks do', () => {
    // 00:30 GMT on the Sunday the clocks go back... from Saturday 23:30 BST
    expect(at('in 3 hours', new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('says clearly what is wrong', () => {
    expect(error('')).toMatch(/When should the vote close\?/);
    expect(error('whenever')).toMatch(/couldn’t read “whenever” as a closing time. Try “Friday 5pm”/);
    expect(error('Friday or Saturday')).toMatch(/more than one time/);
    expect(error('2026-10-19 17:00')).toMatch(/Mon 19 Oct 2026, 5pm has already passed/);
    expect(error('in 90 days')).toMatch(/^Mon 18 Jan 2027, 10:15am is 90 days away/);
    expect(error('in 90 days')).toMatch(/90 days away; a vote can stay open for at most 60 days/);
    expect(error('20/10 9am')).toMatch(/at most 60 days/); // this morning has passed, so chrono means next year
    expect(error('31/02 10am')).toContain('couldn’t read “31/02 10am”');
  });

  it('formats times for people and for exports', () => {
    expect(formatWhen(new Date('2026-11-27T17:00:00Z'))).toBe('Fri 27 Nov, 5pm');
    expect(formatWhen(new Date('2026-10-23T16:00:00Z'))).toBe('Fri 23 Oct, 5pm');
    expect(formatWhen(new Date('2026-10-23T16:00:00Z'), 'Europe/London', { year: true })).toBe('Fri 23 Oct 2026, 5pm');
    expect(isoInZone(new Date('2026-10-23T16:00:00Z'))).toBe('2026-10-23T17:00:00+01:00');
  });

  it('gives examples in the house style, every one of which it reads', () => {
    const examples = error('whenever');
    expect(examples).not.toMatch(/\d\d:\d\d/);
    expect(examples).toContain('“Fri 4 Dec, 5pm”');
    const hint = createForm().fields.find((f) => f.id === 'closes')?.hint ?? '';
    expect(hint).not.toMatch(/\d\d:\d\d/);
    for (const example of CLOSES_EXAMPLES) {
      expect(hint).toContain(`“${example}”`);
      expect(at(example, new Date('2026-11-20T10:00:00Z'))).toMatch(/^2026-1[12]-/);
    }
    for (const example of examples.split('Try ')[1]?.match(/“[^”]+”/g) ?? [])
      expect(at(example.slice(1, -1))).toMatch(/^2026-/);
    // what a reply says a closing time is can be typed back, and "17:00" is still read
    expect(at(formatWhen(new Date('2026-10-30T17:00:00Z')))).toBe('2026-10-30T17:00:00.000Z');
    expect(at('30/11 17:00')).toBe('2026-11-30T17:00:00.000Z');
  });
});
