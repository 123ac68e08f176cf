// RULES.md section 2: conflicts of interest in the make-up of the partnership (001).
import { describe, expect, it } from 'vitest';
import { checkCriteria, type CheckId } from '../../src/domain/criteria/index.ts';
import type { Roster } from '../../src/domain/roster.ts';
import { many, nonResident, rep, resident, rosterOf, worker, type Link } from '../support/rosters.ts';

const check = (roster: Roster, id: CheckId) => {
  const report = checkCriteria(roster);
  const found = report.checks.find((c) => c.id === id)!;
  return { ...found, report };
};

describe('paid-worker-voting', () => {
  it('fails when a paid worker is recorded as voting, quoting 001 and saying what to change', () => {
    const c = check(rosterOf([...many(9, 'R'), worker('Jo Bloggs', { voting: true })]), 'paid-worker-voting');
    expect(c.status).toBe('fail');
    expect(c.message).toContain('Jo Bloggs is a paid worker recorded as voting');
    expect(c.message).toContain('In no circumstances should a paid worker also sit as a voting member');
    expect(c.fix).toBe('Record Jo Bloggs as non-voting: paid workers support the partnership but never vote.');
    expect(c.report.conformsToCoiGuidance).toBe(false);
    expect(c.report.inCriteria).toBe(true);
  });

  it('passes for a non-voting worker (named and counted), and with no worker at all', () => {
    const c = check(rosterOf([...many(9, 'R'), worker('Jo Bloggs')]), 'paid-worker-voting');
    expect(c.status).toBe('pass');
    expect(c.message).toBe('1 paid worker (Jo Bloggs), none voting.');
    expect(check(rosterOf(many(9, 'R')), 'paid-worker-voting').message).toBe('No paid workers on the roster.');
  });
});

describe('family-household-limit', () => {
  const base = many(6, 'Other');

  it('fails for three members of one family chained through marriage, explaining the chain', () => {
    const people = [resident('Ann'), resident('Bob'), resident('Cara'), ...base];
    const c = check(
      rosterOf(people, [
        ['Ann', 'spouse', 'Bob'],
        ['Bob', 'sibling', 'Cara'],
      ]),
      'family-household-limit',
    );
    expect(c.status).toBe('fail');
    expect(c.message).toBe(
      '3 members from one family: no more than two people from the same family or household may be members.',
    );
    expect(c.details).toEqual(["Ann, Bob and Cara are one family: Ann is Bob's spouse; Bob is Cara's sibling."]);
    expect(c.fix).toBe(
      '1 member of the group of 3 should step down as a member (they can still support as a volunteer).',
    );
    expect(c.report.conformsToCoiGuidance).toBe(false);
  });

  it('passes for exactly two related members', () => {
    const c = check(
      rosterOf([resident('Ann'), resident('Bob'), ...base], [['Ann', 'civil-partner', 'Bob']]),
      'family-household-limit',
    );
    expect(c.status).toBe('pass');
    expect(c.details).toEqual([]);
  });

  it('groups households the same way, separately from families', () => {
    const people = [resident('Hal'), resident('Ivy'), resident('Jay'), ...base];
    const c = check(
      rosterOf(people, [
        ['Hal', 'household', 'Ivy'],
        ['Ivy', 'household', 'Jay'],
      ]),
      'family-household-limit',
    );
    expect(c.status).toBe('fail');
    expect(c.message).toContain('3 members from one household');
    expect(c.details).toEqual([
      "Hal, Ivy and Jay share a household: Hal is Ivy's household member; Ivy is Jay's household member.",
    ]);
    // A married couple with a lodger: two related, two sharing a household, no group of three.
    const mixed = check(
      rosterOf(people, [
        ['Hal', 'spouse', 'Ivy'],
        ['Ivy', 'household', 'Jay'],
      ]),
      'family-household-limit',
    );
    expect(mixed.status).toBe('pass');
  });

  it('follows a chain through someone who is not a member (a paid worker)', () => {
    const people = [resident('Ann'), resident('Cara'), resident('Dan'), worker('Will'), ...base];
    const links: Link[] = [
      ['Ann', 'spouse', 'Will'],
      ['Will', 'sibling', 'Cara'],
      ['Cara', 'parent', 'Dan'],
    ];
    const c = check(rosterOf(people, links), 'family-household-limit');
    expect(c.status).toBe('fail');
    expect(c.details).toEqual([
      "Ann, Cara and Dan are one family: Ann is Will's spouse; Will is Cara's sibling; Cara is Dan's parent.",
    ]);
  });

  it('counts only members: two members and their relative the paid worker are within the limit', () => {
    const c = check(
      rosterOf(
        [resident('Ann'), resident('Bob'), worker('Will'), ...base],
        [
          ['Ann', 'spouse', 'Bob'],
          ['Bob', 'sibling', 'Will'],
        ],
      ),
      'family-household-limit',
    );
    expect(c.status).toBe('pass');
  });

  it('does not treat close friends as family', () => {
    const links: Link[] = [
      ['Ann', 'close-friend', 'Bob'],
      ['Bob', 'close-friend', 'Cara'],
      ['Cara', 'close-friend', 'Ann'],
    ];
    expect(
      check(rosterOf([resident('Ann'), resident('Bob'), resident('Cara'), ...base], links), 'family-household-limit')
        .status,
    ).toBe('pass');
  });

  it('reports each over-limit group, with the number who should step down', () => {
    const people = many(4, 'F').concat(many(3, 'H'), base);
    const links: Link[] = [
      ['F 1', 'parent', 'F 2'],
      ['F 2', 'parent', 'F 3'],
      ['F 3', 'sibling', 'F 4'],
      ['H 1', 'household', 'H 2'],
      ['H 2', 'household', 'H 3'],
    ];
    const c = check(rosterOf(people, links), 'family-household-limit');
    expect(c.message).toBe(
      '4 members from one family; 3 members from one household: no more than two people from the same family or household may be members.',
    );
    expect(c.details).toHaveLength(2);
    expect(c.fix).toContain('2 members of the group of 4 should step down');
    expect(c.fix).toContain('1 member of the group of 3 should step down');
  });
});

describe('related-officers', () => {
  it('fails when two officers are related, directly or through a chain, naming roles and chain', () => {
    const people = [
      resident('Carol Chair', { roles: ['chair'] }),
      resident('Tim Treasurer', { roles: ['treasurer'] }),
      resident('Sid', { roles: ['secretary'] }),
      resident('Mo'),
      ...many(5, 'R'),
    ];
    const direct = check(rosterOf(people, [['Carol Chair', 'parent', 'Tim Treasurer']]), 'related-officers');
    expect(direct.status).toBe('fail');
    expect(direct.message).toContain('1 pair of officers is related');
    expect(direct.details).toEqual([
      "Carol Chair (chair) and Tim Treasurer (treasurer): Carol Chair is Tim Treasurer's parent.",
    ]);
    const chained = check(
      rosterOf(people, [
        ['Carol Chair', 'sibling', 'Mo'],
        ['Mo', 'spouse', 'Sid'],
      ]),
      'related-officers',
    );
    expect(chained.status).toBe('fail');
    expect(chained.details).toEqual([
      "Carol Chair (chair) and Sid (secretary): Carol Chair is Mo's sibling; Mo is Sid's spouse.",
    ]);
    expect(chained.report.conformsToCoiGuidance).toBe(false);
  });

  it('passes when officers are related only to ordinary members, or are close friends', () => {
    const people = [
      resident('Carol', { roles: ['chair'] }),
      resident('Vic', { roles: ['vice-chair'] }),
      resident('Mo'),
      ...many(6, 'R'),
    ];
    const c = check(
      rosterOf(people, [
        ['Carol', 'spouse', 'Mo'],
        ['Carol', 'close-friend', 'Vic'],
      ]),
      'related-officers',
    );
    expect(c.status).toBe('pass');
    expect(c.message).toBe('2 officers, none related to another.');
  });
});

describe('worker-related-to-officer and member-related-to-worker', () => {
  const people = [resident('Carol', { roles: ['chair'] }), resident('Mo'), worker('Wendy'), ...many(7, 'R')];

  it('fails when a paid worker is related to an officer', () => {
    const c = check(rosterOf(people, [['Carol', 'grandparent', 'Wendy']]), 'worker-related-to-officer');
    expect(c.status).toBe('fail');
    expect(c.details).toEqual(["Wendy (paid worker) and Carol (chair): Wendy is Carol's grandchild."]);
    expect(c.message).toContain('In no circumstances should a Big Local worker');
    expect(c.report.conformsToCoiGuidance).toBe(false);
  });

  it('only warns when a worker is related to an ordinary member (particular care), never naming them in the message', () => {
    const roster = rosterOf(people, [['Mo', 'child', 'Wendy']]);
    expect(check(roster, 'worker-related-to-officer').status).toBe('pass');
    const c = check(roster, 'member-related-to-worker');
    expect(c.status).toBe('warn');
    expect(c.message).toContain('1 member is related to a paid worker');
    expect(c.message).toContain('particular care should be taken');
    expect(c.message).not.toContain('Mo');
    expect(c.details).toEqual(["Mo (member) and Wendy (paid worker): Mo is Wendy's child."]);
    expect(c.report.conformsToCoiGuidance).toBe(true);
  });

  it('passes when no member is related to a worker (a close friend is not a relative)', () => {
    expect(check(rosterOf(people, [['Mo', 'close-friend', 'Wendy']]), 'member-related-to-worker').status).toBe('pass');
  });
});

describe('lto-in-power and lto-voting', () => {
  it('fails when an LTO representative holds a position of power', () => {
    const c = check(
      rosterOf([nonResident('Lena', { ltoRepresentative: true, roles: ['treasurer'] }), ...many(8, 'R')]),
      'lto-in-power',
    );
    expect(c.status).toBe('fail');
    expect(c.message).toBe('Lena (treasurer): an LTO representative in a position of power is a conflict of interest.');
    expect(c.fix).toBe('Lena should hand their role to a member who is not from the LTO.');
    expect(c.report.conformsToCoiGuidance).toBe(false);
  });

  it('passes for an LTO representative without a role', () => {
    expect(
      check(
        rosterOf([nonResident('Lena', { ltoRepresentative: true, voting: false }), ...many(8, 'R')]),
        'lto-in-power',
      ).status,
    ).toBe('pass');
  });

  it('warns when LTO staff vote, and passes once they are non-voting', () => {
    const voting = check(rosterOf([nonResident('Lena', { ltoRepresentative: true }), ...many(8, 'R')]), 'lto-voting');
    expect(voting.status).toBe('warn');
    expect(voting.message).toContain('Lena is LTO staff and a voting member');
    expect(voting.fix).toContain('may wish to consider becoming non-voting members');
    expect(voting.report.conformsToCoiGuidance).toBe(true);
    expect(
      check(rosterOf([nonResident('Lena', { ltoRepresentative: true, voting: false }), ...many(8, 'R')]), 'lto-voting')
        .status,
    ).toBe('pass');
  });
});

describe('the report flags', () => {
  it('inCriteria comes only from min-members and resident-majority; conformsToCoiGuidance only from make-up failures', () => {
    const outButClean = checkCriteria(rosterOf(many(7, 'R')));
    expect([outButClean.inCriteria, outButClean.conformsToCoiGuidance]).toEqual([false, true]);
    const inButConflicted = checkCriteria(rosterOf([...many(9, 'R'), worker('W', { voting: true }), rep('Rep')]));
    expect([inButConflicted.inCriteria, inButConflicted.conformsToCoiGuidance]).toEqual([true, false]);
  });
});
