import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConflicts } from '../../src/domain/coi.ts';
import {
  OrganisationDirectory,
  aliasResolver,
  directoryFor,
  keySimilarity,
} from '../../src/domain/organisation-match.ts';
import { organisationKey } from '../../src/domain/organisations.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import type { Roster } from '../../src/domain/roster.ts';

const known = new OrganisationDirectory([
  { name: 'ACME Community Café Limited', aliases: [] },
  { name: 'Riverside Youth Trust', aliases: [] },
  { name: 'Northfield Community Café Ltd', aliases: [] },
  { name: 'Northfield Food Bank', aliases: [] },
  { name: 'Northfield Community Association', aliases: [] },
]);

function roster(): Roster {
  const parsed = parseRosterJson(
    JSON.stringify({
      partnership: { name: 'Test Big Local' },
      people: [
        {
          name: 'Ann',
          kind: 'member',
          resident: true,
          voting: true,
          roles: ['chair'],
          interests: [{ organisation: 'Acme Cafe', kind: 'employee' }],
        },
        { name: 'Ben', kind: 'member', resident: true, voting: true, roles: [] },
        {
          name: 'Cat',
          kind: 'member',
          resident: true,
          voting: true,
          roles: [],
          interests: [{ organisation: 'Riverside Youth Trust', kind: 'trustee' }],
        },
        { name: 'Dan', kind: 'member', resident: false, voting: true, roles: [] },
      ],
      relationships: [{ between: ['Ann', 'Ben'], kind: 'sibling' }],
    }),
    'test.json',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.roster;
}

describe('did you mean …?', () => {
  it('suggests the known name for a shortened or misspelt one', () => {
    expect(known.suggest('Acme Cafe')).toEqual(['ACME Community Café Limited']);
    expect(known.suggest('acme')).toEqual(['ACME Community Café Limited']);
    expect(known.suggest('Riverside Youth Trst')).toEqual(['Riverside Youth Trust']);
    expect(known.suggest('Riverside Trust')).toEqual(['Riverside Youth Trust']);
    expect(known.suggest('Northfield Comunity Cafe')).toEqual(['Northfield Community Café Ltd']);
    // a missing trailing legal form is not even a question: it is the same key
    expect(known.find('Northfield Community Cafe')?.name).toBe('Northfield Community Café Ltd');
  });

  it('does not suggest for names that only share a place or a generic word', () => {
    expect(known.suggest('Northfield Youth Club')).toEqual([]);
    expect(known.suggest('Community Trust')).toEqual([]);
    expect(known.suggest('Whitfield Accounts Ltd')).toEqual([]);
    expect(
      keySimilarity(organisationKey('Northfield Food Bank'), organisationKey('Northfield Community Café Ltd')),
    ).toBeLessThan(0.8);
  });

  it('knows a name that differs only by case, accents, punctuation, "The" or "Limited"', () => {
    expect(known.find('the acme community cafe ltd.')?.name).toBe('ACME Community Café Limited');
    expect(known.suggest('THE RIVERSIDE YOUTH TRUST')).toEqual([]);
  });

  it('similarity is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const [ka, kb] = [organisationKey(a), organisationKey(b)];
        const s = keySimilarity(ka, kb);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(keySimilarity(kb, ka)).toBeCloseTo(s, 10);
      }),
    );
  });
});

describe('aliases', () => {
  it('a directory folds a name into the entry whose alias it is, and merges entries an alias joins', () => {
    const d = new OrganisationDirectory([
      { name: 'ACME Community Café Limited', aliases: ['Acme Cafe'] },
      { name: 'Acme Cafe', aliases: [] },
      { name: 'Acme Catering', aliases: [] },
      { name: 'Acme Catering', aliases: ['ACME Community Café Ltd'] },
    ]);
    expect(d.entries).toHaveLength(1);
    expect(d.find('acme catering')?.name).toBe('ACME Community Café Limited');
    expect(d.aliasGroups()).toEqual([['ACME Community Café Limited', 'Acme Cafe', 'Acme Catering']]);
  });

  it('alias groups join transitively and leave other names alone', () => {
    const canonical = aliasResolver([
      ['A Ltd', 'B'],
      ['B', 'C Trust'],
    ]);
    expect(canonical('a limited')).toBe(canonical('C Trust'));
    expect(canonical('D')).toBe('d');
  });

  it('checkConflicts without aliases keeps its behaviour; with an alias group the register matches the other name', () => {
    const r = roster();
    const before = checkConflicts(r, { organisations: ['ACME Community Café Limited'] });
    expect(before.mustNotTakePart).toEqual([]);
    const after = checkConflicts(r, {
      organisations: ['ACME Community Café Limited'],
      aliases: [['ACME Community Café Limited', 'Acme Cafe']],
    });
    expect(after.mustNotTakePart.map((c) => [c.person.name, c.reasons.map((x) => x.kind)])).toEqual([
      ['Ann', ['direct-financial']],
      ['Ben', ['indirect-financial']],
    ]);
    expect(after.organisations).toEqual(['ACME Community Café Limited']);
  });

  it('two names of one organisation asked together count once', () => {
    const r = roster();
    const result = checkConflicts(r, {
      organisations: ['Acme Cafe', 'ACME Community Café Limited'],
      aliases: [['Acme Cafe', 'ACME Community Café Limited']],
    });
    expect(result.organisations).toEqual(['Acme Cafe']);
    expect(result.mustNotTakePart.find((c) => c.person.name === 'Ann')?.reasons).toHaveLength(1);
  });

  it('the directory of a roster includes its register and the LTO, and skips one entry on request', () => {
    const r = roster();
    r.partnership.settings = { ...r.partnership.settings, ltoOrganisation: 'Northfield Community Association' };
    const d = directoryFor(r, [{ name: 'ACME Community Café Limited', aliases: [] }]);
    expect(d.entries.map((e) => e.name)).toEqual([
      'ACME Community Café Limited',
      'Acme Cafe',
      'Riverside Youth Trust',
      'Northfield Community Association',
    ]);
    r.people[0]!.interests[0]!.id = 'i-1';
    expect(directoryFor(r, [], 'i-1').find('Acme Cafe')).toBeUndefined();
  });
});
