// Issue 18, relatives and majority (docs/rules.md): one-step indirect interests, relatives who are
// not on the roster, two related paid workers, and a majority that is more than half.
import { describe, expect, it } from 'vitest';
import { checkConflicts, type CoiResult } from '../../src/domain/coi.ts';
import { checkCriteria, type CriteriaReport } from '../../src/domain/criteria/index.ts';
import { residentsNeededFor, residentsToRecruit } from '../../src/domain/criteria/membership.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { locateInJson, parseRosterDocument, type PersonEntry } from '../../src/services/roster-file/document.ts';
import type { RelativesDocument } from '../../src/services/roster-file/relatives.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { many, nonResident, resident, rosterOf, worker } from '../support/rosters.ts';

const check = (r: CriteriaReport, id: string) => r.checks.find((c) => c.id === id)!;
const conflicted = (r: CoiResult) => r.mustNotTakePart.map((c) => c.person.name);
const reasonsOf = (r: CoiResult, name: string) => r.mustNotTakePart.find((c) => c.person.name === name)?.reasons ?? [];

function withRelatives(
  people: PersonEntry[],
  relatives: RelativesDocument,
  links: [string, string, string][] = [],
): Roster {
  const parsed = parseRosterDocument(
    {
      partnership: { name: 'Test Big Local' },
      people,
      relatives,
      ...(links.length ? { relationships: links.map(([a, kind, b]) => ({ between: [a, b], kind })) } : {}),
    },
    locateInJson('test roster'),
    defaultSettings(),
  );
  if (!parsed.ok) throw new Error(formatProblems(parsed.error));
  return parsed.value.roster;
}

describe('a majority is more than half, whatever the threshold', () => {
  it('residentsNeededFor asks for more than half and at least the threshold', () => {
    expect(residentsNeededFor(8, 0.5)).toBe(5);
    expect(residentsNeededFor(8, 0.51)).toBe(5);
    expect(residentsNeededFor(10, 0.5)).toBe(6);
    expect(residentsNeededFor(9, 0.5)).toBe(5);
    expect(residentsNeededFor(10, 0.3)).toBe(6);
    expect(residentsNeededFor(10, 0.75)).toBe(8);
  });

  it('4 residents of 8 at a 50% threshold is not in criteria, and the message does not contradict itself', () => {
    const report = checkCriteria(
      rosterOf([...many(4, 'Resident'), ...many(4, 'Visitor', nonResident)], [], { residentThreshold: 0.5 }),
    );
    const c = check(report, 'resident-majority');
    expect(c.status).toBe('fail');
    expect(report.inCriteria).toBe(false);
    expect(c.message).toBe('4 of 8 members live in the area (50%); more than half must.');
    expect(c.fix).toBe('Recruit 1 more resident member.');
    // 4 residents of 7: the eighth member must live in the area too (5 of 8, not 4)
    const seven = checkCriteria(
      rosterOf([...many(4, 'R'), ...many(3, 'V', nonResident)], [], { residentThreshold: 0.5 }),
    );
    expect(check(seven, 'min-members').fix).toBe('Recruit 1 more resident member.');
  });

  it('5 of 8 and 6 of 10 at 50% pass; 5 of 9 warns (one resident leaving leaves 4 of 8)', () => {
    const five8 = checkCriteria(
      rosterOf([...many(5, 'Resident'), ...many(3, 'Visitor', nonResident)], [], { residentThreshold: 0.5 }),
    );
    expect(check(five8, 'resident-majority').status).toBe('pass');
    expect(five8.inCriteria).toBe(true);
    const six10 = checkCriteria(
      rosterOf([...many(6, 'Resident'), ...many(4, 'Visitor', nonResident)], [], { residentThreshold: 0.5 }),
    );
    expect(check(six10, 'resident-majority').status).toBe('pass');
    const five9 = check(
      checkCriteria(
        rosterOf([...many(5, 'Resident'), ...many(4, 'Visitor', nonResident)], [], { residentThreshold: 0.5 }),
      ),
      'resident-majority',
    );
    expect(five9.status).toBe('warn');
    expect(five9.message).toBe(
      '5 of 9 members live in the area (55.6%); more than half must. If one resident member left, residents would no longer be the majority.',
    );
  });

  it('the fix-it arithmetic is the smallest number that makes a majority', () => {
    // 3 of 10 at a 30% threshold: 3 meets the threshold but is no majority; 5 more residents make 8 of 15
    expect(residentsToRecruit(3, 10, 0.3)).toBe(5);
    expect(residentsToRecruit(4, 8, 0.5)).toBe(1);
    expect(residentsToRecruit(0, 8, 0.5)).toBe(9);
    for (const [r, n, t] of [
      [3, 10, 0.3],
      [4, 8, 0.5],
      [2, 12, 0.51],
      [7, 20, 0.6],
    ] as const) {
      const k = residentsToRecruit(r, n, t)!;
      expect(r + k).toBeGreaterThanOrEqual(residentsNeededFor(n + k, t));
      expect(r + k - 1).toBeLessThan(residentsNeededFor(n + k - 1, t));
    }
    const low = check(
      checkCriteria(
        rosterOf([...many(3, 'Resident'), ...many(7, 'Visitor', nonResident)], [], { residentThreshold: 0.3 }),
      ),
      'resident-majority',
    );
    expect(low.status).toBe('fail');
    expect(low.message).toBe('3 of 10 members live in the area (30%); more than half must.');
    expect(low.fix).toBe('Recruit 5 more resident members.');
  });

  it('the resident majority of eligible voters uses the same rule: 2 of 4 is not a majority at 50%', () => {
    const roster = rosterOf(
      [
        ...many(2, 'Resident'),
        ...many(2, 'Visitor', nonResident),
        ...many(4, 'Bidder', (n) => resident(n, { interests: [{ organisation: 'Acme Ltd', kind: 'employee' }] })),
      ],
      [],
      { residentThreshold: 0.5 },
    );
    const r = checkConflicts(roster, { organisations: ['Acme Ltd'] });
    expect(r.quorum.eligible).toBe(4);
    expect(r.quorum.eligibleResidents).toBe(2);
    expect(r.quorum.residentMajority).toBe(false);
  });
});

describe('indirect interests: one step, a close relative or friend', () => {
  const people = [
    resident('Ed', { interests: [{ organisation: 'Acme Ltd', kind: 'director' }] }),
    resident('Sue'),
    resident('Ian'),
    resident('Jo'),
    resident('Gran'),
    resident('Kid'),
    ...many(4, 'R'),
  ];
  const r = checkConflicts(
    rosterOf(people, [
      ['Sue', 'spouse', 'Ed'], // Ed's spouse: one step
      ['Ian', 'sibling', 'Sue'], // Ed's spouse's sibling: a chain
      ['Jo', 'spouse', 'Ian'], // Ed's spouse's sibling's spouse: a chain
      ['Gran', 'grandparent', 'Ed'], // Ed's grandparent: one step
      ['Kid', 'child', 'Sue'], // Ed's stepchild through Sue: a chain
    ]),
    { organisations: ['Acme Ltd'] },
  );

  it('the holder and the people one link away are conflicted', () => {
    expect(conflicted(r).sort()).toEqual(['Ed', 'Gran', 'Sue']);
    expect(reasonsOf(r, 'Gran')[0]!.detail).toBe(
      "Their relative Ed would benefit. Gran is Ed's grandparent. Ed: director of Acme Ltd.",
    );
  });

  it("a spouse's sibling's spouse, and anyone else along a chain, is not barred", () => {
    for (const name of ['Ian', 'Jo', 'Kid']) expect(r.eligibleVoters.map((p) => p.name)).toContain(name);
  });
});

describe('relatives who are not on the roster', () => {
  it("the chair's mother-in-law as treasurer, through the chair's spouse who is not a member, fails related-officers", () => {
    const roster = withRelatives(
      [
        resident('Chris Chair', { roles: ['chair'] }),
        resident('Tess Treasurer', { roles: ['treasurer'] }),
        ...many(7, 'R'),
      ],
      [
        {
          name: 'Sam Spouse',
          links: [
            { kind: 'spouse', of: 'Chris Chair' },
            { kind: 'child', of: 'Tess Treasurer' },
          ],
        },
      ],
    );
    const report = checkCriteria(roster);
    const c = check(report, 'related-officers');
    expect(c.status).toBe('fail');
    expect(report.conformsToCoiGuidance).toBe(false);
    expect(c.details).toEqual([
      "Chris Chair (chair) and Tess Treasurer (treasurer): Chris Chair is Sam Spouse's spouse; Sam Spouse is Tess Treasurer's child.",
    ]);
    // the off-roster person is not a member: the family of two members is within the limit
    expect(check(report, 'family-household-limit').status).toBe('pass');
    // private: the channel message names no one and no relationship
    expect(c.message).not.toMatch(/Sam|Chris|Tess|spouse/);
  });

  it('links through a relative count for a worker and an officer, and for a member and a worker', () => {
    const roster = withRelatives(
      [resident('Chris Chair', { roles: ['chair'] }), resident('Mo'), worker('Wendy Worker'), ...many(7, 'R')],
      [
        {
          name: 'Pat',
          links: [
            { kind: 'sibling', of: 'Chris Chair' },
            { kind: 'parent', of: 'Wendy Worker' },
          ],
        },
      ],
    );
    const report = checkCriteria(roster);
    expect(check(report, 'worker-related-to-officer').status).toBe('fail');
    expect(check(report, 'member-related-to-worker').status).toBe('warn');
  });

  it("a member whose off-roster spouse directs the bidder has an indirect financial conflict; the spouse's other relatives one step further do not", () => {
    const roster = withRelatives(
      [resident('Sarah Whitfield'), resident('Sid'), ...many(8, 'R')],
      [
        {
          name: 'Tom Whitfield',
          links: [{ kind: 'spouse', of: 'Sarah Whitfield' }],
          interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director' }],
        },
      ],
      [['Sid', 'sibling', 'Sarah Whitfield']],
    );
    const r = checkConflicts(roster, { organisations: ['Whitfield Accounts Limited'] });
    expect(conflicted(r)).toEqual(['Sarah Whitfield']);
    expect(reasonsOf(r, 'Sarah Whitfield')).toEqual([
      {
        kind: 'indirect-financial',
        source: 'relationship',
        organisation: 'Whitfield Accounts Limited',
        detail:
          "Their relative Tom Whitfield, who is not on the roster, would benefit. Sarah Whitfield is Tom Whitfield's spouse. Tom Whitfield (not on the roster): director of Whitfield Accounts Ltd.",
      },
    ]);
    expect(r.eligibleVoters.map((p) => p.name)).toContain('Sid');
  });

  it('a roster file names what is wrong with a relative', () => {
    const parsed = parseRosterDocument(
      {
        partnership: { name: 'X' },
        people: [resident('Ann')],
        relatives: [
          { name: 'Ann', links: [{ kind: 'spouse', of: 'Ann' }] },
          {
            name: 'Bob',
            links: [{ kind: 'spouse', of: 'Nobody' }],
            interests: [{ organisation: 'Acme', kind: 'trustee' }],
          },
          { name: 'Cat', links: [] },
        ],
      },
      locateInJson('r.json'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = formatProblems(parsed.error);
    expect(text).toContain(
      'r.json: relatives[1].interests[0].kind: must be one of "employee", "owner", "director" or "contractor"',
    );
    expect(text).toContain('r.json: relatives[2].links: must name at least one person on the roster');
  });

  it('a relative who shares a name with someone on the roster, or is linked to someone not on it, is refused', () => {
    const parsed = parseRosterDocument(
      {
        partnership: { name: 'X' },
        people: [resident('Ann')],
        relatives: [
          { name: 'ann', links: [{ kind: 'spouse', of: 'Ann' }] },
          { name: 'Bob', links: [{ kind: 'spouse', of: 'Nobody' }] },
        ],
      },
      locateInJson('r.json'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(formatProblems(parsed.error)).toContain(
      'r.json: relatives[0].name: "ann" is on the roster; record their links under "relationships" instead',
    );
    expect(formatProblems(parsed.error)).toContain(
      'r.json: relatives[1].links[0].of: "Nobody" is not on the roster; add them to "people" or correct the name',
    );
  });
});

describe('two related paid workers', () => {
  it('fail the make-up checks, with the chain in private details', () => {
    const report = checkCriteria(
      rosterOf(
        [...many(9, 'R'), worker('Wendy Worker'), worker('Will Worker')],
        [['Wendy Worker', 'spouse', 'Will Worker']],
      ),
    );
    const c = check(report, 'related-workers');
    expect(c.status).toBe('fail');
    expect(report.conformsToCoiGuidance).toBe(false);
    expect(c.message).toBe(
      '1 pair of paid workers is related. A worker is a position of power and influence: "it is unacceptable to Local Trust to have people in positions of power who are related".',
    );
    expect(c.details).toEqual([
      "Wendy Worker (paid worker) and Will Worker (paid worker): Wendy Worker is Will Worker's spouse.",
    ]);
  });

  it('pass when the workers are not related, or through a chain via a relative not on the roster they fail', () => {
    const unrelated = checkCriteria(rosterOf([...many(9, 'R'), worker('Wendy Worker'), worker('Will Worker')]));
    expect(check(unrelated, 'related-workers').status).toBe('pass');
    expect(check(unrelated, 'related-workers').message).toBe('2 paid workers, none related to another.');
    const viaRelative = checkCriteria(
      withRelatives(
        [...many(9, 'R'), worker('Wendy Worker'), worker('Will Worker')],
        [
          {
            name: 'Mum',
            links: [
              { kind: 'parent', of: 'Wendy Worker' },
              { kind: 'parent', of: 'Will Worker' },
            ],
          },
        ],
      ),
    );
    expect(check(viaRelative, 'related-workers').status).toBe('fail');
  });
});
