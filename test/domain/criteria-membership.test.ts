// RULES.md section 1: min-members, resident-majority, and the advisory diversity and own-right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCriteria, type CheckId, type CriteriaReport } from '../../src/domain/criteria/index.ts';
import { residentsNeededFor, residentsToRecruit } from '../../src/domain/criteria/membership.ts';
import { many, nonResident, rep, resident, rosterOf, worker } from '../support/rosters.ts';

const check = (report: CriteriaReport, id: CheckId) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
};

describe('min-members', () => {
  it('fails at 7 members, says whom it counted and why the others are not members, and how many to recruit', () => {
    const report = checkCriteria(
      rosterOf([...many(7, 'Resident'), worker('Jo Bloggs', { resident: true }), rep('Sam Rep')]),
    );
    const c = check(report, 'min-members');
    expect(c.status).toBe('fail');
    expect(c.message).toBe(
      '7 members counted; the paid worker Jo Bloggs is not a member; the rep Sam Rep is not a member. A partnership needs at least 8.',
    );
    expect(c.fix).toBe('Recruit 1 more member.');
    expect(report.inCriteria).toBe(false);
    expect(report.members).toBe(7);
  });

  it('counts the shortfall for a small partnership (5 members: recruit 3)', () => {
    const c = check(checkCriteria(rosterOf(many(5, 'R'))), 'min-members');
    expect(c.status).toBe('fail');
    expect(c.fix).toContain('Recruit 3 more members');
  });

  it('an empty roster is told one plan in both fixes: 8 members, at least 5 of them residents', () => {
    const report = checkCriteria(rosterOf([]));
    const plan = 'ecruit 8 more members, at least 5 of them living in the area.';
    expect(check(report, 'min-members').fix).toBe(`R${plan}`);
    expect(check(report, 'resident-majority').fix).toBe(`R${plan}`);
  });

  it('at a 60% threshold with no residents, recruiting residents only is the plan in both fixes', () => {
    const report = checkCriteria(rosterOf(many(6, 'V', nonResident), [], { residentThreshold: 0.6 }));
    // 6 non-residents: 9 residents make 9 of 15 (60%)
    expect(check(report, 'min-members').fix).toBe('Recruit 9 more resident members.');
    expect(check(report, 'resident-majority').fix).toBe('Recruit 9 more resident members.');
  });

  it('warns at exactly 8: one resignation away from falling out', () => {
    const report = checkCriteria(rosterOf(many(8, 'Resident')));
    const c = check(report, 'min-members');
    expect(c.status).toBe('warn');
    expect(c.message).toContain('8 members counted.');
    expect(c.message).toContain('one resignation would take the partnership out of criteria');
    expect(c.fix).toContain('Recruit at least one more member');
    expect(report.inCriteria).toBe(true);
  });

  it('passes at 9, and counts non-voting members, councillors and LTO representatives as members', () => {
    const people = [
      ...many(6, 'R'),
      resident('Non Voter', { voting: false }),
      resident('Cllr Ahmed', { councillor: true }),
      nonResident('Lto Person', { ltoRepresentative: true, voting: false }),
    ];
    const c = check(checkCriteria(rosterOf(people)), 'min-members');
    expect(c.status).toBe('pass');
    expect(c.message).toBe('9 members counted. The minimum is 8.');
  });

  it('does not count a paid worker wrongly recorded as voting, nor a rep', () => {
    const c = check(
      checkCriteria(rosterOf([...many(8, 'R'), worker('Wanda Worker', { voting: true }), rep('Rex Rep')])),
      'min-members',
    );
    expect(c.status).toBe('warn');
    expect(c.message).toContain(
      '8 members counted; the paid worker Wanda Worker is not a member; the rep Rex Rep is not a member.',
    );
  });

  it('leaves LTO representatives out when countLtoRepresentatives is false, and says so', () => {
    const people = [...many(8, 'R'), nonResident('Lena Lto', { ltoRepresentative: true })];
    const counted = check(checkCriteria(rosterOf(people)), 'min-members');
    expect(counted.status).toBe('pass');
    const excluded = check(checkCriteria(rosterOf(people, [], { countLtoRepresentatives: false })), 'min-members');
    expect(excluded.status).toBe('warn');
    expect(excluded.message).toContain(
      '8 members counted; the LTO representative Lena Lto is not counted (partnership setting).',
    );
  });
});

describe('resident-majority (default threshold 51%)', () => {
  it('fails at 4 of 8 and says exactly how many residents to recruit', () => {
    const report = checkCriteria(rosterOf([...many(4, 'Resident'), ...many(4, 'Visitor', nonResident)]));
    const c = check(report, 'resident-majority');
    expect(c.status).toBe('fail');
    expect(c.message).toBe('4 of 8 members live in the area (50%); at least 51% must.');
    // A non-resident stepping back would leave 7: below the minimum, so it is not offered.
    expect(c.fix).toBe('Recruit 1 more resident member.');
    expect(report.inCriteria).toBe(false);
    expect(report.residents).toBe(4);
  });

  it('passes at 5 of 8 (one resident leaving still leaves 4 of 7)', () => {
    const c = check(
      checkCriteria(rosterOf([...many(5, 'Resident'), ...many(3, 'Visitor', nonResident)])),
      'resident-majority',
    );
    expect(c.status).toBe('pass');
    expect(c.fix).toBeUndefined();
  });

  it('warns at 5 of 9: one resident leaving (4 of 8) would fail', () => {
    const report = checkCriteria(rosterOf([...many(5, 'Resident'), ...many(4, 'Visitor', nonResident)]));
    const c = check(report, 'resident-majority');
    expect(c.status).toBe('warn');
    expect(c.message).toContain('5 of 9 members live in the area (55.6%)');
    expect(c.message).toContain('If one resident member left, residents would no longer be the majority.');
    expect(report.inCriteria).toBe(true);
  });

  it('computes the recruitment needed from the real arithmetic (3 of 9: recruit 4; 0 of 8: recruit 9)', () => {
    expect(
      check(checkCriteria(rosterOf([...many(3, 'R'), ...many(6, 'V', nonResident)])), 'resident-majority').fix,
    ).toBe('Recruit 4 more resident members.');
    expect(check(checkCriteria(rosterOf(many(8, 'V', nonResident))), 'resident-majority').fix).toBe(
      'Recruit 9 more resident members.',
    );
  });

  it('offers stepping back when it keeps at least eight members (5 of 11 at 51%)', () => {
    const c = check(checkCriteria(rosterOf([...many(5, 'R'), ...many(6, 'V', nonResident)])), 'resident-majority');
    expect(c.status).toBe('fail');
    expect(c.fix).toBe(
      'Recruit 2 more resident members, or 2 non-resident members could become non-member supporters.',
    );
  });

  it('counts only members: a resident paid worker or rep does not help, and is not listed', () => {
    const c = check(
      checkCriteria(
        rosterOf([
          ...many(4, 'R'),
          ...many(4, 'V', nonResident),
          worker('Wes', { resident: true }),
          rep('Ruth', { resident: true }),
        ]),
      ),
      'resident-majority',
    );
    expect(c.status).toBe('fail');
    expect(c.details).toEqual([
      'Counted as residents: R 1, R 2, R 3 and R 4.',
      'Not residents: V 1, V 2, V 3 and V 4.',
    ]);
  });

  it('keeps who is a resident out of the channel-safe message', () => {
    const c = check(
      checkCriteria(rosterOf([...many(6, 'Resident'), nonResident('Vera Visitor')])),
      'resident-majority',
    );
    expect(c.message).not.toContain('Vera');
    expect(c.details.join(' ')).toContain('Vera Visitor');
  });
});

describe('resident-majority with a custom threshold', () => {
  it('uses 0.6: 5 of 9 fails (recruit 1, or 1 could step back), 6 of 10 is at the line and warns', () => {
    const failing = check(
      checkCriteria(rosterOf([...many(5, 'R'), ...many(4, 'V', nonResident)], [], { residentThreshold: 0.6 })),
      'resident-majority',
    );
    expect(failing.status).toBe('fail');
    expect(failing.message).toContain('at least 60% must');
    expect(failing.fix).toBe(
      'Recruit 1 more resident member, or 1 non-resident member could become a non-member supporter.',
    );
    const atLine = check(
      checkCriteria(rosterOf([...many(6, 'R'), ...many(4, 'V', nonResident)], [], { residentThreshold: 0.6 })),
      'resident-majority',
    );
    expect(atLine.status).toBe('warn');
  });

  it('answers (rather than hanging) at a 100% threshold, where recruiting alone can never succeed', () => {
    const c = check(
      checkCriteria(rosterOf([...many(9, 'R'), nonResident('Victor')], [], { residentThreshold: 1 })),
      'resident-majority',
    );
    expect(c.status).toBe('fail');
    expect(c.fix).toBe(
      'Replace 1 non-resident member with a resident (at a 100% threshold every member must live in the area), or 1 non-resident member could become a non-member supporter.',
    );
  });

  it('recruitment advice is the smallest number that meets the threshold, for any roster', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 99 }),
        (r, extra, pct) => {
          const n = r + extra;
          const t = pct / 100;
          const k = residentsToRecruit(r, n, t);
          if (k === null) return false;
          const ok = (res: number, mem: number) => mem > 0 && res >= residentsNeededFor(mem, t);
          return ok(r + k, n + k) && (k === 0 || !ok(r + k - 1, n + k - 1));
        },
      ),
    );
  });
});

describe('advisory checks', () => {
  it('diversity is info, never a pass or fail, and quotes the guidance', () => {
    const c = check(checkCriteria(rosterOf(many(9, 'R'))), 'diversity');
    expect(c.status).toBe('info');
    expect(c.message).toContain('should broadly reflect the range and diversity of people who live in your area');
  });

  it('own-right is info and reminds councillors and LTO representatives that they sit in their own right', () => {
    const plain = check(checkCriteria(rosterOf(many(9, 'R'))), 'own-right');
    expect(plain.status).toBe('info');
    expect(plain.message).not.toContain('Remember');
    const c = check(
      checkCriteria(
        rosterOf([
          ...many(7, 'R'),
          resident('Cllr Cox', { councillor: true }),
          nonResident('Lil Lto', { ltoRepresentative: true }),
        ]),
      ),
      'own-right',
    );
    expect(c.status).toBe('info');
    expect(c.message).toContain(
      'councillors on the partnership (Cllr Cox) sit in their own right, not for the council',
    );
    expect(c.message).toContain('LTO representatives (Lil Lto) sit in their own right, not for the LTO');
  });

  it('advisory results never take a partnership out of criteria', () => {
    const report = checkCriteria(rosterOf(many(9, 'R')));
    expect(report.inCriteria).toBe(true);
    expect(report.conformsToCoiGuidance).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual([
      'min-members',
      'resident-majority',
      'diversity',
      'own-right',
      'paid-worker-voting',
      'family-household-limit',
      'related-officers',
      'worker-related-to-officer',
      'related-workers',
      'lto-in-power',
      'member-related-to-worker',
      'lto-voting',
    ]);
  });
});
