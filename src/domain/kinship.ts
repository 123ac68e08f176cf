// Who is related to whom. Two questions, two reaches (docs/rules.md, "Relatedness"):
// - the make-up checks ask who is "related by birth or marriage" (001): family links are followed
//   through chains, so the spouse of my sibling and my spouse's mother are family (groups, chain);
//   households are grouped the same way;
// - indirect financial interests ask for "a close relative or friend" (001): one step only, through
//   any kind of link, close friends and household members included (links).
// Relatives who are not on the roster are nodes like anyone else, so the chair's mother-in-law is
// found through the chair's spouse who is not a member.
import type { Person, Relationship, RelationshipKind, Relative, Roster } from './roster.ts';

/** The node of a relative not on the roster: never the same as a person's id. */
export const relativeNode = (id: string): string => `relative:${id}`;

const FAMILY: ReadonlySet<RelationshipKind> = new Set([
  'spouse',
  'civil-partner',
  'partner',
  'parent',
  'child',
  'grandparent',
  'grandchild',
  'sibling',
]);

/** How `to` stands to `from` when the roster says `from` is `to`'s <kind>. */
const INVERSE: Record<RelationshipKind, RelationshipKind> = {
  spouse: 'spouse',
  'civil-partner': 'civil-partner',
  partner: 'partner',
  sibling: 'sibling',
  household: 'household',
  'close-friend': 'close-friend',
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
};

const LABEL: Record<RelationshipKind, string> = {
  spouse: 'spouse',
  'civil-partner': 'civil partner',
  partner: 'partner',
  parent: 'parent',
  child: 'child',
  grandparent: 'grandparent',
  grandchild: 'grandchild',
  sibling: 'sibling',
  household: 'household member',
  'close-friend': 'close friend',
};

/** One step of a chain: `from` is `to`'s `kind`. */
export interface Link {
  from: string;
  to: string;
  kind: RelationshipKind;
}

export type Bond = 'family' | 'household' | 'close-friend';

export const bondOf = (kind: RelationshipKind): Bond => (FAMILY.has(kind) ? 'family' : (kind as Bond));

class DisjointSets {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x; // path compression keeps the 10,000-person roster linear
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export class Kinship {
  private readonly adjacency = new Map<string, Link[]>();
  private readonly family = new DisjointSets();
  private readonly household = new DisjointSets();
  private readonly names: Map<string, string>;
  private readonly circles = new Map<Bond, Map<string, string[]>>();

  private readonly offRoster = new Set<string>();

  constructor(people: readonly Person[], relationships: readonly Relationship[], relatives: readonly Relative[] = []) {
    this.names = new Map(people.map((p) => [p.id, p.name]));
    const all: Relationship[] = [...relationships];
    for (const relative of relatives) {
      const node = relativeNode(relative.id);
      this.names.set(node, relative.name);
      this.offRoster.add(node);
      // a link to someone who has left the roster joins nobody (as relationships through them)
      for (const link of relative.links)
        if (this.names.has(link.personId) && !this.offRoster.has(link.personId))
          all.push({ fromId: node, toId: link.personId, kind: link.kind });
    }
    for (const r of all) {
      if (r.fromId === r.toId) continue;
      this.add({ from: r.fromId, to: r.toId, kind: r.kind });
      this.add({ from: r.toId, to: r.fromId, kind: INVERSE[r.kind] });
      const bond = bondOf(r.kind);
      if (bond === 'family') this.family.union(r.fromId, r.toId);
      if (bond === 'household') this.household.union(r.fromId, r.toId);
    }
  }

  static of(roster: Roster): Kinship {
    return new Kinship(roster.people, roster.relationships, roster.relatives ?? []);
  }

  /** The same link read the other way round ("Tom is Sarah's spouse" for "Sarah is Tom's spouse"). */
  reverse(link: Link): Link {
    return { from: link.to, to: link.from, kind: INVERSE[link.kind] };
  }

  /** Is this node a relative who is not on the roster? */
  isOffRoster(id: string): boolean {
    return this.offRoster.has(id);
  }

  /** The direct links from `id` (one step: "Sarah is Tom's spouse" for each person Sarah is linked to). */
  links(id: string): readonly Link[] {
    return this.adjacency.get(id) ?? [];
  }

  private add(link: Link): void {
    const list = this.adjacency.get(link.from);
    if (list) list.push(link);
    else this.adjacency.set(link.from, [link]);
  }

  /** An id shared by everyone in the person's family (related people have the same one). */
  familyOf(id: string): string {
    return this.family.find(id);
  }

  related(a: string, b: string): boolean {
    return a !== b && this.family.find(a) === this.family.find(b);
  }

  sameHousehold(a: string, b: string): boolean {
    return a !== b && this.household.find(a) === this.household.find(b);
  }

  closeFriends(a: string, b: string): boolean {
    return (this.adjacency.get(a) ?? []).some((l) => l.to === b && l.kind === 'close-friend');
  }

  /** Groups (of two or more people) joined by the given bond, as lists of person ids. */
  groups(ids: readonly string[], bond: 'family' | 'household'): string[][] {
    const sets = bond === 'family' ? this.family : this.household;
    const byRoot = new Map<string, string[]>();
    for (const id of ids) {
      const root = sets.find(id);
      const group = byRoot.get(root);
      if (group) group.push(id);
      else byRoot.set(root, [id]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }

  /** Everyone joined to `id` by the bond (transitively for family and household; directly for friends). */
  circle(id: string, bond: Bond): string[] {
    if (bond === 'close-friend') {
      return (this.adjacency.get(id) ?? []).filter((l) => l.kind === 'close-friend').map((l) => l.to);
    }
    let index = this.circles.get(bond);
    if (!index) {
      index = new Map();
      const sets = bond === 'family' ? this.family : this.household;
      for (const person of this.adjacency.keys()) {
        const root = sets.find(person);
        const list = index.get(root);
        if (list) list.push(person);
        else index.set(root, [person]);
      }
      this.circles.set(bond, index);
    }
    const sets = bond === 'family' ? this.family : this.household;
    return (index.get(sets.find(id)) ?? []).filter((other) => other !== id);
  }

  /** The shortest chain of links of one bond from a to b (breadth-first), or null. */
  chain(a: string, b: string, bond: Bond): Link[] | null {
    if (a === b) return [];
    const cameFrom = new Map<string, Link>();
    const seen = new Set([a]);
    let frontier = [a];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const link of this.adjacency.get(node) ?? []) {
          if (bondOf(link.kind) !== bond || seen.has(link.to)) continue;
          if (bond === 'close-friend' && node !== a) continue; // friendship is not transitive
          seen.add(link.to);
          cameFrom.set(link.to, link);
          if (link.to === b) return this.unwind(cameFrom, a, b);
          next.push(link.to);
        }
      }
      frontier = next;
    }
    return null;
  }

  private unwind(cameFrom: Map<string, Link>, a: string, b: string): Link[] {
    const path: Link[] = [];
    for (let node = b; node !== a;) {
      const link = cameFrom.get(node)!;
      path.unshift(link);
      node = link.from;
    }
    return path;
  }

  /** "Ann Smith is Bob Smith's spouse; Bob Smith is Cara Jones's sibling" (reads along the chain). */
  describe(chain: readonly Link[]): string {
    return chain.map((l) => `${this.name(l.from)} is ${this.name(l.to)}'s ${LABEL[l.kind]}`).join('; ');
  }

  name(id: string): string {
    return this.names.get(id) ?? 'someone not on the roster';
  }
}
