// The make-up checks find related pairs through each person's family instead of comparing every
// member with every paid worker (linear instead of quadratic, for 10,000-person rosters). They
// must still find exactly the pairs the pairwise comparison finds.
import { describe, expect, it } from 'vitest';
import { generateRoster } from '../../bench/lib/rosters.ts';
import { checkCriteria } from '../../src/domain/criteria/index.ts';
import { Kinship } from '../../src/domain/kinship.ts';
import { isMember, isOfficer, type Person, type Roster } from '../../src/domain/roster.ts';

function pairwise(k: Kinship, left: Person[], right: Person[]): number {
  const seen = new Set<string>();
  for (const a of left) for (const b of right) if (k.related(a.id, b.id)) seen.add([a.id, b.id].sort().join('|'));
  return seen.size;
}

/** A roster where many members are related to the paid workers and to each other's officers. */
function tangled(seed: number): Roster {
  const roster = generateRoster(400, seed);
  const workers = roster.people.filter((p) => p.kind === 'paid-worker');
  const officers = roster.people.filter(isOfficer);
  roster.people
    .filter(isMember)
    .slice(10, 60)
    .forEach((p, i) => {
      roster.relationships.push({
        fromId: p.id,
        toId: (i % 2 ? workers : officers)[i % (i % 2 ? workers.length : officers.length)]!.id,
        kind: 'sibling',
      });
    });
  roster.relationships.push({ fromId: officers[0]!.id, toId: officers[1]!.id, kind: 'spouse' });
  return roster;
}

describe('related pairs in the make-up checks', () => {
  it.each([1, 2, 3])('match the pairwise comparison (roster %i)', (seed) => {
    const roster = tangled(seed);
    const k = Kinship.of(roster);
    const members = roster.people.filter(isMember);
    const workers = roster.people.filter((p) => p.kind === 'paid-worker');
    const officers = roster.people.filter(isOfficer);
    const report = checkCriteria(roster);
    const details = (id: string) => report.checks.find((c) => c.id === id)!.details.length;
    expect(details('member-related-to-worker')).toBe(pairwise(k, members, workers));
    expect(details('worker-related-to-officer')).toBe(pairwise(k, workers, officers));
    expect(details('related-officers')).toBe(pairwise(k, officers, officers));
    expect(details('member-related-to-worker')).toBeGreaterThan(5);
    expect(details('related-officers')).toBeGreaterThan(0);
  });
});
