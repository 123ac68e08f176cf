// Officer appointments checked before they happen (docs/rules.md, "Officer appointments").
import { describe, expect, it } from 'vitest';
import { appointmentsIn, lineUpKey, officerProblems, withAppointment } from '../../src/domain/criteria/index.ts';
import { many, personNamed, resident, rosterOf, worker } from '../support/rosters.ts';

const base = [
  resident('Ann', { roles: ['chair'] }),
  resident('Bob'),
  resident('Cara', { ltoRepresentative: true }),
  resident('Dev', { roles: ['treasurer'] }),
  worker('Wes'),
  ...many(5, 'Other'),
];
const roster = rosterOf(base, [
  ['Ann', 'spouse', 'Bob'],
  ['Wes', 'sibling', 'Dev'],
]);

describe('officer appointments', () => {
  it('finds who gains a role, not who hands one over', () => {
    const after = withAppointment(roster, personNamed(roster, 'Bob').id, 'chair');
    expect(personNamed(after, 'Ann').roles).toEqual([]);
    expect(appointmentsIn(roster.people, after.people)).toEqual([{ name: 'Bob', roles: ['chair'] }]);
  });

  it('reports a related pair of officers the appointment would make, with the chain', () => {
    const after = withAppointment(roster, personNamed(roster, 'Bob').id, 'secretary');
    const problems = officerProblems(roster, after);
    expect(problems.map((p) => p.id)).toEqual(['related-officers']);
    expect(problems[0]!.details).toEqual(["Ann (chair) and Bob (secretary): Ann is Bob's spouse."]);
  });

  it('reports an LTO representative appointed to a position of power', () => {
    const after = withAppointment(roster, personNamed(roster, 'Cara').id, 'vice-chair');
    const problems = officerProblems(roster, after);
    expect(problems.map((p) => p.id)).toEqual(['lto-in-power']);
    expect(problems[0]!.message).toContain('Cara (vice-chair)');
  });

  it('does not hold up an unrelated appointment with a breach that was already there', () => {
    // Dev, the treasurer, is already related to the worker Wes: an old breach
    const after = withAppointment(roster, personNamed(roster, 'Other 1').id, 'secretary');
    expect(officerProblems(roster, after)).toEqual([]);
  });

  it('reports a worker related to the person appointed', () => {
    const before = rosterOf(
      base.map((p) => (p.name === 'Dev' ? { ...p, roles: [] } : p)),
      [['Wes', 'sibling', 'Dev']],
    );
    const after = withAppointment(before, personNamed(before, 'Dev').id, 'treasurer');
    expect(officerProblems(before, after).map((p) => p.id)).toEqual(['worker-related-to-officer']);
  });

  it('checks nothing when nobody is appointed', () => {
    expect(officerProblems(roster, roster)).toEqual([]);
  });

  it('fingerprints the line-up: changes when a role moves', () => {
    const after = withAppointment(roster, personNamed(roster, 'Bob').id, 'chair');
    expect(lineUpKey(roster)).toBe(lineUpKey(rosterOf(base, [['Ann', 'spouse', 'Bob']])));
    expect(lineUpKey(after)).not.toBe(lineUpKey(roster));
  });
});
