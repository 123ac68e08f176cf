// Relatedness, households and close friends: the graph every make-up check and the conflict of
// interest check read (src/domain/kinship.ts).
import { describe, expect, it } from 'vitest';
import { Kinship } from '../../src/domain/kinship.ts';
import { resident, rosterOf, type Link } from '../support/rosters.ts';

function kinOf(names: string[], links: Link[]) {
  const roster = rosterOf(
    names.map((n) => resident(n)),
    links,
  );
  const id = (name: string) => roster.people.find((p) => p.name === name)!.id;
  return { k: Kinship.of(roster), id };
}

describe('kinship chains', () => {
  it('reads a chain along its links, in either direction', () => {
    const { k, id } = kinOf(
      ['Ann', 'Bob', 'Cara'],
      [
        ['Ann', 'spouse', 'Bob'],
        ['Bob', 'sibling', 'Cara'],
      ],
    );
    expect(k.describe(k.chain(id('Ann'), id('Cara'), 'family')!)).toBe("Ann is Bob's spouse; Bob is Cara's sibling");
    expect(k.describe(k.chain(id('Cara'), id('Ann'), 'family')!)).toBe("Cara is Bob's sibling; Bob is Ann's spouse");
    expect(k.related(id('Ann'), id('Cara'))).toBe(true);
  });

  it('"between": [A, B], "kind": "parent" means A is B\'s parent (and B is A\'s child)', () => {
    const { k, id } = kinOf(['Pat', 'Kim'], [['Pat', 'parent', 'Kim']]);
    expect(k.describe(k.chain(id('Pat'), id('Kim'), 'family')!)).toBe("Pat is Kim's parent");
    expect(k.describe(k.chain(id('Kim'), id('Pat'), 'family')!)).toBe("Kim is Pat's child");
  });

  it('inverts child, grandparent and grandchild the same way, and labels civil partners', () => {
    const { k, id } = kinOf(
      ['Gran', 'Kid', 'Ma', 'Cp'],
      [
        ['Kid', 'grandchild', 'Gran'],
        ['Ma', 'child', 'Gran'],
        ['Ma', 'civil-partner', 'Cp'],
      ],
    );
    expect(k.describe(k.chain(id('Gran'), id('Kid'), 'family')!)).toBe("Gran is Kid's grandparent");
    expect(k.describe(k.chain(id('Gran'), id('Ma'), 'family')!)).toBe("Gran is Ma's parent");
    expect(k.describe(k.chain(id('Cp'), id('Ma'), 'family')!)).toBe("Cp is Ma's civil partner");
  });

  it('picks the shortest chain', () => {
    const { k, id } = kinOf(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'sibling', 'B'],
        ['B', 'sibling', 'C'],
        ['C', 'sibling', 'D'],
        ['A', 'partner', 'D'],
      ],
    );
    expect(k.chain(id('A'), id('D'), 'family')).toHaveLength(1);
    expect(k.describe(k.chain(id('A'), id('D'), 'family')!)).toBe("A is D's partner");
  });

  it('has no chain between unrelated people, and an empty one from a person to themselves', () => {
    const { k, id } = kinOf(['A', 'B', 'C'], [['A', 'sibling', 'B']]);
    expect(k.chain(id('A'), id('C'), 'family')).toBeNull();
    expect(k.chain(id('A'), id('A'), 'family')).toEqual([]);
    expect(k.related(id('A'), id('C'))).toBe(false);
    expect(k.related(id('A'), id('A'))).toBe(false);
  });
});

describe('bonds are kept apart', () => {
  it('households are transitive but are not family', () => {
    const { k, id } = kinOf(
      ['H1', 'H2', 'H3'],
      [
        ['H1', 'household', 'H2'],
        ['H2', 'household', 'H3'],
      ],
    );
    expect(k.sameHousehold(id('H1'), id('H3'))).toBe(true);
    expect(k.related(id('H1'), id('H2'))).toBe(false);
    expect(k.circle(id('H1'), 'household').sort()).toEqual([id('H2'), id('H3')].sort());
    expect(k.describe(k.chain(id('H1'), id('H3'), 'household')!)).toBe(
      "H1 is H2's household member; H2 is H3's household member",
    );
  });

  it('close friends count only directly: a friend of a friend is not a close friend', () => {
    const { k, id } = kinOf(
      ['A', 'B', 'C'],
      [
        ['A', 'close-friend', 'B'],
        ['B', 'close-friend', 'C'],
      ],
    );
    expect(k.closeFriends(id('A'), id('B'))).toBe(true);
    expect(k.closeFriends(id('B'), id('A'))).toBe(true);
    expect(k.closeFriends(id('A'), id('C'))).toBe(false);
    expect(k.chain(id('A'), id('C'), 'close-friend')).toBeNull();
    expect(k.circle(id('A'), 'close-friend')).toEqual([id('B')]);
    expect(k.related(id('A'), id('B'))).toBe(false);
  });

  it('family links do not make a household, nor households a family, in a chain', () => {
    const { k, id } = kinOf(
      ['A', 'B', 'C'],
      [
        ['A', 'spouse', 'B'],
        ['B', 'household', 'C'],
      ],
    );
    expect(k.chain(id('A'), id('C'), 'family')).toBeNull();
    expect(k.chain(id('A'), id('C'), 'household')).toBeNull();
  });

  it('groups only the people asked about', () => {
    const { k, id } = kinOf(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'sibling', 'B'],
        ['B', 'sibling', 'C'],
      ],
    );
    expect(k.groups([id('A'), id('C'), id('D')], 'family')).toEqual([[id('A'), id('C')]]);
  });
});
