// RULES.md section 3: conflicts of interest in procurement and grant decisions (001).
import { describe, expect, it } from 'vitest';
import { checkConflicts, type CoiResult } from '../../src/domain/coi.ts';
import { organisationKey, sameOrganisation } from '../../src/domain/organisations.ts';
import type { InterestKind, Roster } from '../../src/domain/roster.ts';
import { many, nonResident, personNamed, rep, resident, rosterOf, worker, type Link } from '../support/rosters.ts';

const names = (r: CoiResult) => r.mustNotTakePart.map((c) => c.person.name);
const reasonsOf = (r: CoiResult, name: string) => r.mustNotTakePart.find((c) => c.person.name === name)?.reasons ?? [];
const withInterest = (name: string, kind: InterestKind, organisation = 'Acme Café Ltd', detail?: string) =>
  resident(name, { interests: [{ organisation, kind, ...(detail ? { detail } : {}) }] });

describe('direct financial and loyalty interests from the register', () => {
  it.each(['employee', 'owner', 'director', 'contractor'] as const)(
    '%s of the organisation: direct-financial',
    (kind) => {
      const r = checkConflicts(rosterOf([withInterest('Ed', kind, 'Acme Café Ltd', 'since 2020'), ...many(8, 'R')]), {
        organisations: ['Acme Café Ltd'],
      });
      expect(names(r)).toEqual(['Ed']);
      expect(reasonsOf(r, 'Ed')).toEqual([
        {
          kind: 'direct-financial',
          source: 'register',
          organisation: 'Acme Café Ltd',
          detail: `Register of interests: Ed: ${kind} of Acme Café Ltd (since 2020).`,
        },
      ]);
      expect(r.eligibleVoters.map((p) => p.name)).not.toContain('Ed');
    },
  );

  it.each(['trustee', 'member', 'volunteer', 'other'] as const)('%s of the organisation: loyalty', (kind) => {
    const r = checkConflicts(rosterOf([withInterest('Tru', kind), ...many(8, 'R')]), {
      organisations: ['Acme Café Ltd'],
    });
    expect(reasonsOf(r, 'Tru').map((x) => [x.kind, x.source])).toEqual([['loyalty', 'register']]);
  });

  it('finds nobody when no interest matches', () => {
    const r = checkConflicts(rosterOf([withInterest('Ed', 'employee', 'Acme Café Trust'), ...many(8, 'R')]), {
      organisations: ['Acme Café Ltd'],
    });
    expect(r.mustNotTakePart).toEqual([]);
    expect(r.eligibleVoters).toHaveLength(9);
  });
});

describe('indirect financial interests through relationships', () => {
  const people = [
    withInterest('Ed', 'employee'),
    resident('Sue'),
    resident('Hal'),
    resident('Fay'),
    resident('Gus'),
    resident('Ian'),
    ...many(4, 'R'),
  ];
  const links: Link[] = [
    ['Sue', 'spouse', 'Ed'],
    ['Ian', 'sibling', 'Sue'],
    ['Hal', 'household', 'Ed'],
    ['Fay', 'close-friend', 'Ed'],
    ['Gus', 'close-friend', 'Fay'],
  ];
  const r = checkConflicts(rosterOf(people, links), { organisations: ['Acme Café Ltd'] });

  it("a spouse is conflicted with the link as evidence; the spouse's sibling is not (one step, 001's close relative)", () => {
    expect(reasonsOf(r, 'Sue')).toEqual([
      {
        kind: 'indirect-financial',
        source: 'relationship',
        organisation: 'Acme Café Ltd',
        detail: "Their relative Ed would benefit. Sue is Ed's spouse. Ed: employee of Acme Café Ltd.",
      },
    ]);
    expect(reasonsOf(r, 'Ian')).toEqual([]);
    expect(r.eligibleVoters.map((p) => p.name)).toContain('Ian');
  });

  it('a household member and a close friend are conflicted; a friend of the friend is not', () => {
    expect(reasonsOf(r, 'Hal')[0]!.detail).toBe(
      "Their household member Ed would benefit. Hal is Ed's household member. Ed: employee of Acme Café Ltd.",
    );
    expect(reasonsOf(r, 'Fay')[0]!.detail).toBe(
      "Their close friend Ed would benefit. Fay is Ed's close friend. Ed: employee of Acme Café Ltd.",
    );
    expect(names(r)).not.toContain('Gus');
    expect(r.eligibleVoters.map((p) => p.name)).toContain('Gus');
  });

  it('relatives of someone with only a loyalty interest are not conflicted', () => {
    const loyal = checkConflicts(
      rosterOf([withInterest('Ed', 'trustee'), resident('Sue'), ...many(7, 'R')], [['Sue', 'spouse', 'Ed']]),
      { organisations: ['Acme Café Ltd'] },
    );
    expect(names(loyal)).toEqual(['Ed']);
  });

  it('a member whose relative is a paid worker employed by the organisation is conflicted', () => {
    const viaWorker = checkConflicts(
      rosterOf(
        [
          worker('Will', { interests: [{ organisation: 'Acme Café Ltd', kind: 'contractor' }] }),
          resident('Mo'),
          ...many(8, 'R'),
        ],
        [['Mo', 'parent', 'Will']],
      ),
      { organisations: ['Acme Café Ltd'] },
    );
    expect(names(viaWorker)).toEqual(['Mo']);
    expect(reasonsOf(viaWorker, 'Mo')[0]!.detail).toContain("Mo is Will's parent");
  });
});

describe('declarations, the LTO and local policies', () => {
  it('a declaration for the decision conflicts the member who made it', () => {
    const roster = rosterOf([resident('Dot'), ...many(8, 'R')]);
    const r = checkConflicts(roster, {
      organisations: ['Acme Café Ltd'],
      declarations: [
        { personId: personNamed(roster, 'Dot').id, kind: 'loyalty', detail: 'my daughter volunteers there' },
      ],
    });
    expect(reasonsOf(r, 'Dot')).toEqual([
      {
        kind: 'loyalty',
        source: 'declaration',
        organisation: 'Acme Café Ltd',
        detail: 'Dot declared a loyalty interest for this decision: my daughter volunteers there.',
      },
    ]);
  });

  it('the ltoOrganisation setting conflicts LTO representatives on decisions about the LTO, however it is written', () => {
    const people = [nonResident('Lena', { ltoRepresentative: true }), ...many(8, 'R')];
    const withSetting = checkConflicts(
      rosterOf(people, [], { ltoOrganisation: 'The Northfield Community Association' }),
      { organisations: ['northfield community association'] },
    );
    expect(reasonsOf(withSetting, 'Lena')).toEqual([
      {
        kind: 'direct-financial',
        source: 'lto',
        organisation: 'northfield community association',
        detail: 'Lena represents the locally trusted organisation, The Northfield Community Association.',
      },
    ]);
    expect(names(checkConflicts(rosterOf(people), { organisations: ['Northfield Community Association'] }))).toEqual(
      [],
    );
  });

  it("loyaltyConflicts 'declare-and-stay' lets a loyalty conflict vote, but never a financial one", () => {
    const people = [withInterest('Tru', 'trustee'), withInterest('Ed', 'employee'), ...many(7, 'R')];
    const r = checkConflicts(rosterOf(people, [], { loyaltyConflicts: 'declare-and-stay' }), {
      organisations: ['Acme Café Ltd'],
    });
    expect(names(r)).toEqual(['Ed']);
    expect(r.declaredAndStaying.map((c) => c.person.name)).toEqual(['Tru']);
    expect(r.eligibleVoters.map((p) => p.name)).toContain('Tru');
    expect(names(checkConflicts(rosterOf(people), { organisations: ['Acme Café Ltd'] }))).toEqual(['Tru', 'Ed']);
  });

  it('councillorsVoteOnKeyDecisions false keeps councillors from voting on key decisions only', () => {
    const roster = rosterOf([resident('Cllr Cox', { councillor: true }), ...many(8, 'R')], [], {
      councillorsVoteOnKeyDecisions: false,
    });
    const key = checkConflicts(roster, { organisations: ['Acme Café Ltd'], keyDecision: true });
    expect(key.notEligible.map((n) => [n.person.name, n.why])).toEqual([
      ['Cllr Cox', 'councillors do not vote on key decisions (partnership setting)'],
    ]);
    expect(key.eligibleVoters.map((p) => p.name)).not.toContain('Cllr Cox');
    expect(
      checkConflicts(roster, { organisations: ['Acme Café Ltd'], keyDecision: false }).eligibleVoters.map(
        (p) => p.name,
      ),
    ).toContain('Cllr Cox');
    expect(
      checkConflicts(rosterOf([resident('Cllr Cox', { councillor: true }), ...many(8, 'R')]), {
        organisations: ['X'],
      }).eligibleVoters.map((p) => p.name),
    ).toContain('Cllr Cox');
  });
});

describe('who may vote, quorum and resident majority', () => {
  it('only members with a vote are eligible: never paid workers, reps or non-voting members', () => {
    const roster = rosterOf(
      [
        ...many(4, 'R'),
        resident('Nora', { voting: false }),
        worker('Wes', { voting: true }),
        rep('Rae'),
        withInterest('Nick', 'trustee', 'Acme Café Ltd'),
      ].map((p) => (p.name === 'Nick' ? { ...p, voting: false } : p)),
    );
    const r = checkConflicts(roster, { organisations: ['Acme Café Ltd'] });
    expect(r.eligibleVoters.map((p) => p.name)).toEqual(['R 1', 'R 2', 'R 3', 'R 4']);
    expect(names(r)).toEqual(['Nick']); // listed so they leave the room, though they never vote
    expect(r.quorum.votingMembers).toBe(4);
  });

  function tenVoters(conflicted: number, settings: Parameters<typeof rosterOf>[2] = {}): Roster {
    const people = many(10, 'V').map((p, i) =>
      i < conflicted ? { ...p, interests: [{ organisation: 'Acme Ltd', kind: 'director' as const }] } : p,
    );
    return rosterOf(people, [], settings);
  }

  it('default quorum (at least 50% of voting members): met with 5 of 10 eligible, not met with 4', () => {
    const met = checkConflicts(tenVoters(5), { organisations: ['Acme Ltd'] }).quorum;
    expect(met).toMatchObject({
      rule: 'at least 50% of voting members',
      votingMembers: 10,
      required: 5,
      eligible: 5,
      met: true,
    });
    const notMet = checkConflicts(tenVoters(6), { organisations: ['Acme Ltd'] }).quorum;
    expect(notMet).toMatchObject({ required: 5, eligible: 4, met: false });
  });

  it('rounds a fractional quorum up (9 voting members at 50% need 5)', () => {
    const people = many(9, 'V').map((p, i) =>
      i < 5 ? { ...p, interests: [{ organisation: 'Acme Ltd', kind: 'owner' as const }] } : p,
    );
    expect(checkConflicts(rosterOf(people), { organisations: ['Acme Ltd'] }).quorum).toMatchObject({
      required: 5,
      eligible: 4,
      met: false,
    });
  });

  it('a quorum set as a count', () => {
    const q = checkConflicts(tenVoters(3, { quorum: { type: 'count', value: 7 } }), {
      organisations: ['Acme Ltd'],
    }).quorum;
    expect(q).toMatchObject({ rule: 'at least 7 eligible voting members', required: 7, eligible: 7, met: true });
    expect(
      checkConflicts(tenVoters(4, { quorum: { type: 'count', value: 7 } }), { organisations: ['Acme Ltd'] }).quorum.met,
    ).toBe(false);
  });

  it('says whether residents are still the majority of those eligible, at the partnership threshold', () => {
    const people = [
      ...many(5, 'R').map((p) => ({ ...p, interests: [{ organisation: 'Acme Ltd', kind: 'employee' as const }] })),
      ...many(4, 'V', nonResident),
      ...many(1, 'S'),
    ];
    const q = checkConflicts(rosterOf(people), { organisations: ['Acme Ltd'] }).quorum;
    expect(q).toMatchObject({ eligible: 5, eligibleResidents: 1, residentMajority: false });
    const fine = checkConflicts(rosterOf([...many(6, 'R'), ...many(4, 'V', nonResident)]), {
      organisations: ['Acme Ltd'],
    }).quorum;
    expect(fine).toMatchObject({ eligible: 10, eligibleResidents: 6, residentMajority: true });
    const strict = checkConflicts(
      rosterOf([...many(6, 'R'), ...many(4, 'V', nonResident)], [], { residentThreshold: 0.7 }),
      { organisations: ['Acme Ltd'] },
    ).quorum;
    expect(strict.residentMajority).toBe(false);
  });
});

describe('organisation names', () => {
  it('organisationKey ignores case, accents, punctuation, "&"/"and", "Ltd"/"Limited" and a leading "The"', () => {
    expect(organisationKey('The Acme Café Ltd.')).toBe('acme cafe');
    expect(organisationKey('ACME CAFE LIMITED')).toBe('acme cafe');
    expect(organisationKey('Smith & Sons')).toBe('smith and sons');
    expect(organisationKey('Smith and Sons')).toBe('smith and sons');
    expect(organisationKey("St. John's Trust")).toBe(organisationKey('St Johns Trust'));
    expect(organisationKey('  Zoë’s   Bakery,  Limited ')).toBe('zoes bakery');
    expect(organisationKey('Theatre Company')).toBe('theatre co');
    expect(organisationKey('Eastside Community Interest Company')).toBe(organisationKey('Eastside CIC'));
  });

  it('treats a trailing legal form as optional, so a question without "Ltd" still finds the register entry', () => {
    expect(sameOrganisation('Acme Trading', 'Acme Trading Ltd')).toBe(true);
    expect(sameOrganisation('Acme Trading Limited', 'ACME TRADING PLC')).toBe(true);
    expect(organisationKey('Ltd')).toBe('ltd');
    expect(sameOrganisation('Limited Editions Bookshop', 'Editions Bookshop')).toBe(false);
  });

  it('keeps different organisations apart', () => {
    expect(sameOrganisation('Acme Café Ltd', 'Acme Café Trust')).toBe(false);
    expect(sameOrganisation('The Other Place', 'Other Places Ltd')).toBe(false);
    expect(sameOrganisation('', '')).toBe(false);
    expect(sameOrganisation('The Theatre', 'Theatre')).toBe(true);
  });

  it('matches a register entry however the question spells the organisation, several organisations at once', () => {
    const people = [
      withInterest('Ed', 'owner', 'The Acme Café Ltd.'),
      withInterest('Tru', 'trustee', 'Riverside Youth & Sports Trust'),
      ...many(7, 'R'),
    ];
    const r = checkConflicts(rosterOf(people), {
      organisations: ['acme cafe limited', 'Riverside Youth and Sports Trust', 'ACME CAFÉ LTD'],
    });
    expect(r.organisations).toEqual(['acme cafe limited', 'Riverside Youth and Sports Trust']);
    expect(reasonsOf(r, 'Ed').map((x) => [x.kind, x.organisation])).toEqual([
      ['direct-financial', 'acme cafe limited'],
    ]);
    expect(reasonsOf(r, 'Tru').map((x) => [x.kind, x.organisation])).toEqual([
      ['loyalty', 'Riverside Youth and Sports Trust'],
    ]);
  });

  it('gives one person every reason they have, across organisations', () => {
    const ed = resident('Ed', {
      interests: [
        { organisation: 'Acme Ltd', kind: 'director' },
        { organisation: 'Beta Trust', kind: 'trustee' },
      ],
    });
    const r = checkConflicts(rosterOf([ed, ...many(8, 'R')]), { organisations: ['Acme Ltd', 'Beta Trust'] });
    expect(reasonsOf(r, 'Ed').map((x) => x.kind)).toEqual(['direct-financial', 'loyalty']);
  });
});
