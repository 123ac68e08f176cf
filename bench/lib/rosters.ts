// Generated rosters of any size, deterministic for a seed: mostly resident members, four
// officers, about 1% paid workers and one rep; interests in a pool of organisations; families of
// two to four people, shared households and close friends, as a large partnership would have.
import type {
  Interest,
  InterestKind,
  Person,
  Relationship,
  RelationshipKind,
  Roster,
} from '../../src/domain/roster.ts';
import { INTEREST_KINDS, ROLES } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';

/** mulberry32: a small seeded generator, so every run measures the same rosters. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const organisationName = (i: number): string => `Organisation ${i} Ltd`;
export const organisationCount = (n: number): number => Math.max(5, Math.round(n / 10));

const FAMILY_KINDS: RelationshipKind[] = ['spouse', 'sibling', 'parent', 'partner', 'grandparent', 'civil-partner'];

export function generateRoster(n: number, seed = 9): Roster {
  const rnd = random(seed + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const orgs = organisationCount(n);
  const workers = Math.max(1, Math.round(n / 100));
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i === n - 1 ? 'rep' : i >= n - 1 - workers ? 'paid-worker' : 'member';
    const interests: Interest[] = [];
    const howMany = rnd() < 0.5 ? 0 : rnd() < 0.7 ? 1 : 2;
    for (let k = 0; k < howMany; k++)
      interests.push({
        organisation: organisationName(Math.floor(rnd() * orgs)),
        kind: pick(INTEREST_KINDS) as InterestKind,
      });
    people.push({
      id: `p${i}`,
      name: `Person ${i}`,
      kind,
      resident: kind === 'member' ? rnd() < 0.7 : false,
      voting: kind === 'member' ? rnd() < 0.95 : false,
      roles: kind === 'member' && i < ROLES.length ? [ROLES[i]!] : [],
      ltoRepresentative: kind === 'member' && i >= ROLES.length && rnd() < 0.02,
      councillor: kind === 'member' && rnd() < 0.03,
      email: `person${i}@example.org`,
      interests,
    });
  }
  const relationships: Relationship[] = [];
  const order = people.map((p) => p.id).sort(() => rnd() - 0.5);
  for (let i = 0; i < order.length;) {
    const size = rnd() < 0.7 ? 1 : 2 + Math.floor(rnd() * 3); // most people have no relative on the roster
    for (let k = 1; k < size && i + k < order.length; k++)
      relationships.push({ fromId: order[i + k - 1]!, toId: order[i + k]!, kind: pick(FAMILY_KINDS) });
    i += size;
  }
  for (let k = 0; k < n / 20; k++) relationships.push({ fromId: pick(order), toId: pick(order), kind: 'household' });
  for (let k = 0; k < n / 10; k++) relationships.push({ fromId: pick(order), toId: pick(order), kind: 'close-friend' });
  return {
    partnership: {
      name: `Generated partnership of ${n}`,
      settings: { ...defaultSettings(), ltoOrganisation: organisationName(1) },
    },
    people,
    relationships: relationships.filter((r) => r.fromId !== r.toId),
  };
}
