// The signed membership form's rules (docs/rules.md, "Membership forms").
import { describe, expect, it } from 'vitest';
import { membersWithoutForm, validateMembershipForm } from '../../src/domain/membership-forms.ts';
import { resident, rosterOf, worker } from '../support/rosters.ts';

const TODAY = '2026-12-05';
const check = (signedOn: string, reference?: string) => validateMembershipForm({ signedOn, reference }, TODAY);

describe('a signed membership form', () => {
  it('takes a day as YYYY-MM-DD or DD/MM/YYYY, with an optional reference', () => {
    expect(check('2026-09-14')).toEqual({ ok: true, value: { signedOn: '2026-09-14' } });
    expect(check(' 4/9/2026 ', '  Folder B ')).toEqual({
      ok: true,
      value: { signedOn: '2026-09-04', reference: 'Folder B' },
    });
    expect(check(TODAY).ok).toBe(true);
  });

  it('refuses what is not a real day, the future and before Big Local, saying how to write it', () => {
    const problems = (text: string) => {
      const r = check(text);
      return r.ok ? [] : r.error.map((p) => `${p.where}: ${p.message}`);
    };
    expect(problems('')).toEqual(['date signed: is missing: give the day the form was signed, like 2026-09-14']);
    expect(problems('2026-02-29')[0]).toContain('"2026-02-29" is not a date: write it as YYYY-MM-DD');
    expect(problems('next week')[0]).toContain('is not a date');
    expect(problems('2026-12-06')).toEqual([
      'date signed: 2026-12-06 is in the future: a form is recorded once it is signed',
    ]);
    expect(problems('2009-12-31')).toEqual([
      'date signed: 2009-12-31 is before Big Local began (2010): check the year',
    ]);
  });

  it('refuses a reference that is too long or more than one line', () => {
    const long = check('2026-09-14', 'x'.repeat(501));
    expect(long.ok ? '' : long.error[0]!.message).toBe('must be at most 500 characters (a link or a filing reference)');
    const lines = check('2026-09-14', 'a\nb');
    expect(lines.ok ? '' : lines.error[0]!.message).toBe('must be one line: a link or a filing reference');
  });

  it('lists the members without one; paid workers sign none', () => {
    const roster = rosterOf([
      resident('Ann', { membershipForm: { signed: '2026-09-01' } }),
      resident('Bob'),
      worker('Wes'),
    ]);
    expect(membersWithoutForm(roster).map((p) => p.name)).toEqual(['Bob']);
  });
});
