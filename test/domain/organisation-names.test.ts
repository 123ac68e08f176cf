// Organisations as people name them (issue 18): UK legal forms, "t/a" trading names, and the
// names that are only close, which are asked about rather than merged (docs/rules.md,
// "Organisation names").
import { describe, expect, it } from 'vitest';
import { checkConflicts } from '../../src/domain/coi.ts';
import { OrganisationDirectory, directoryFor } from '../../src/domain/organisation-match.ts';
import { organisationKey, sameOrganisation, tradingNames } from '../../src/domain/organisations.ts';
import type { Interest, Person, Roster } from '../../src/domain/roster.ts';
import { parseSettings } from '../../src/domain/settings.ts';

const person = (name: string, interests: Interest[] = []): Person => ({
  id: name.toLowerCase(),
  name,
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  ltoRepresentative: false,
  councillor: false,
  interests,
});
const rosterOf = (people: Person[]): Roster => ({
  partnership: { name: 'Test Big Local', settings: parseSettings({}) },
  people,
  relationships: [],
});
/** Who must not take part when `holder` has `entry` on the register and the decision is about `asked`. */
const conflicted = (entry: string, asked: string): string[] =>
  checkConflicts(
    rosterOf([
      person('Holder', [{ organisation: entry, kind: 'trustee' }]),
      ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n) => person(n)),
    ]),
    { organisations: [asked] },
  ).mustNotTakePart.map((c) => c.person.name);

describe('UK legal forms', () => {
  it.each([
    ['Riverside Youth Trust CIO', 'Riverside Youth Trust'],
    ['Riverside Youth Trust (CIO)', 'riverside youth trust'],
    ['Riverside Youth Trust Charitable Incorporated Organisation', 'Riverside Youth Trust CIO'],
    ['Riverside Youth Trust Charitable Incorporated Organization', 'Riverside Youth Trust'],
    ['Eastside Community Interest Company', 'Eastside CIC'],
    ['Eastside C.I.C.', 'Eastside'],
    ['Acme Trading Limited', 'Acme Trading Ltd'],
    ['Acme Trading Public Limited Company', 'Acme Trading plc'],
    ['Smith Partners Limited Liability Partnership', 'Smith Partners LLP'],
    ['Northfield Food Co-operative', 'Northfield Food Co-op'],
    ['Northfield Food Cooperative Ltd', 'Northfield Food'],
    ['Northfield Food Co-operative Society', 'Northfield Food Coop'],
    ['Riverside Energy Community Benefit Society', 'Riverside Energy'],
    ['Riverside Energy Community Benefit Society Ltd', 'Riverside Energy BenCom'],
    ['Afon Trading Cyf', 'Afon Trading Limited'],
    ['The Acme Café Ltd.', 'acme cafe'],
  ])('"%s" is "%s"', (a, b) => {
    expect(sameOrganisation(a, b)).toBe(true);
    expect(conflicted(a, b)).toEqual(['Holder']);
    expect(conflicted(b, a)).toEqual(['Holder']);
  });

  it.each([
    // "Trust" and "Society" are words of a name, not forms left off it: two charities stay two
    ['Riverside Trust', 'Riverside'],
    ['Riverside Youth Trust', 'Riverside Trust'],
    ['Riverside Youth Trust CIO', 'Riverside Trust CIO'],
    ['Northfield Allotment Society', 'Northfield Allotment'],
    ['Acme Café Ltd', 'Acme Café Trust'],
    ['Theatre Company', 'Theatre'],
    // a form in the middle is part of the name; a form alone is not an empty name
    ['Limited Editions Bookshop', 'Editions Bookshop'],
    ['The Co-operative', 'The Co-operative Bank'],
  ])('"%s" is not "%s"', (a, b) => {
    expect(sameOrganisation(a, b)).toBe(false);
    expect(conflicted(a, b)).toEqual([]);
    expect(conflicted(b, a)).toEqual([]);
  });

  it('never leaves a name empty: a form alone is its own name', () => {
    expect(organisationKey('CIC')).toBe('cic');
    expect(organisationKey('The Co-operative')).toBe('coop');
    expect(organisationKey('Ltd Ltd')).toBe('ltd');
  });
});

describe('trading names ("t/a", "trading as")', () => {
  it('splits a register entry into the legal name and its trading names, as written', () => {
    expect(tradingNames('Acme Trading Ltd t/a Acme Cafe')).toEqual(['Acme Trading Ltd', 'Acme Cafe']);
    expect(tradingNames('Acme Trading Ltd T/A Acme Cafe')).toEqual(['Acme Trading Ltd', 'Acme Cafe']);
    expect(tradingNames('Acme Trading Ltd (trading as Acme Cafe)')).toEqual(['Acme Trading Ltd', 'Acme Cafe']);
    expect(tradingNames('Acme Trading Ltd, Trading As: Acme Cafe')).toEqual(['Acme Trading Ltd', 'Acme Cafe']);
    expect(tradingNames('J Smith t/a Smith Plumbing t/a Northfield Boilers')).toEqual([
      'J Smith',
      'Smith Plumbing',
      'Northfield Boilers',
    ]);
    expect(tradingNames('Acme Cafe')).toEqual(['Acme Cafe']);
    // "t/a" inside a word, or "ta" without the slash, is not a trading name
    expect(tradingNames('Fiesta Cafe')).toEqual(['Fiesta Cafe']);
    expect(tradingNames('Acme ta Cafe')).toEqual(['Acme ta Cafe']);
  });

  it.each([
    ['Acme Trading Ltd t/a Acme Cafe', 'Acme Cafe'],
    ['Acme Trading Ltd t/a Acme Cafe', 'Acme Trading'],
    ['Acme Trading Ltd t/a Acme Cafe', 'Acme Trading Limited'],
    ['Acme Trading Ltd T/A Acme Cafe', 'ACME CAFÉ'],
    ['Acme Trading Ltd trading as Acme Cafe', 'Acme Cafe'],
    ['J Smith t/a Smith Plumbing t/a Northfield Boilers', 'Northfield Boilers'],
  ])('a register entry "%s" matches a decision about "%s", and the other way round', (entry, asked) => {
    expect(conflicted(entry, asked)).toEqual(['Holder']);
    expect(conflicted(asked, entry)).toEqual(['Holder']);
  });

  it('two entries naming one company under different trading names are one organisation', () => {
    const roster = rosterOf([
      person('Ann', [{ organisation: 'Acme Trading Ltd t/a Acme Cafe', kind: 'employee' }]),
      person('Bob', [{ organisation: 'Acme Trading Ltd t/a Acme Bakery', kind: 'owner' }]),
      ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => person(n)),
    ]);
    // the bakery's contract pays Acme Trading Ltd, Ann's employer
    const r = checkConflicts(roster, { organisations: ['Acme Bakery'] });
    expect(r.mustNotTakePart.map((c) => c.person.name)).toEqual(['Ann', 'Bob']);
    expect(r.organisations).toEqual(['Acme Bakery']);
  });

  it.each([
    ['Acme Trading Ltd t/a Acme Cafe', 'Acme'],
    ['Acme Trading Ltd t/a Acme Cafe', 'Acme Bakery'],
    ['Acme Trading Ltd t/a Acme Cafe', 'Cafe'],
  ])('"%s" is not "%s"', (entry, asked) => {
    expect(conflicted(entry, asked)).toEqual([]);
  });

  it('the known organisations list the trading names as other names, and find either', () => {
    const directory = directoryFor(
      rosterOf([person('Ann', [{ organisation: 'Acme Trading Ltd t/a Acme Cafe', kind: 'employee' }])]),
      [],
    );
    expect(directory.entries).toEqual([{ name: 'Acme Trading Ltd t/a Acme Cafe', aliases: ['Acme Cafe'] }]);
    expect(directory.find('Acme Cafe')?.name).toBe('Acme Trading Ltd t/a Acme Cafe');
    expect(directory.find('acme trading limited')?.name).toBe('Acme Trading Ltd t/a Acme Cafe');
    expect(directory.find('Widgets Ltd t/a Acme Cafe')?.name).toBe('Acme Trading Ltd t/a Acme Cafe');
    expect(directory.suggest('Acme Cafe')).toEqual([]);
    expect(directory.suggest('Acme Cafee')).toEqual(['Acme Trading Ltd t/a Acme Cafe']);
  });
});

describe('names that are only close are asked about, never merged', () => {
  const directory = new OrganisationDirectory([
    { name: 'Riverside Youth Trust', aliases: [] },
    { name: 'Acme Trading Ltd t/a Acme Cafe', aliases: [] },
  ]);

  it('suggests the known name for a near-miss, and nothing for an exact match', () => {
    expect(directory.suggest('Riverside Trust')).toEqual(['Riverside Youth Trust']);
    expect(directory.suggest('Riverside Youth Trst')).toEqual(['Riverside Youth Trust']);
    expect(directory.suggest('Riverside Youth Trust CIO')).toEqual([]);
    expect(directory.find('Riverside Youth Trust CIO')?.name).toBe('Riverside Youth Trust');
    expect(directory.suggest('Acme Cafe Ltd')).toEqual([]);
  });

  it('suggests nothing for a name that shares only generic words', () => {
    expect(directory.suggest('Northfield Youth Trust')).toEqual([]);
    expect(directory.suggest('Youth Trust CIO')).toEqual(['Riverside Youth Trust']);
    expect(directory.suggest('Community Trust')).toEqual([]);
  });
});
