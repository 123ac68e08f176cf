// What importing a roster file would change, worked out before anything is written: who is added,
// who is updated, whose membership ends (people are matched by name, as the import does). An import
// that would end many memberships is almost always the wrong file, or an empty one.

export interface RosterChanges {
  added: string[];
  updated: string[];
  ended: string[];
  /** current memberships before the import */
  current: number;
  /** people the file lists */
  listed: number;
}

const key = (name: string) => name.toLowerCase();

export function rosterChanges(
  current: readonly { name: string }[],
  incoming: readonly { name: string }[],
): RosterChanges {
  const before = new Set(current.map((p) => key(p.name)));
  const after = new Set(incoming.map((p) => key(p.name)));
  return {
    added: incoming.filter((p) => !before.has(key(p.name))).map((p) => p.name),
    updated: incoming.filter((p) => before.has(key(p.name))).map((p) => p.name),
    ended: current.filter((p) => !after.has(key(p.name))).map((p) => p.name),
    current: current.length,
    listed: incoming.length,
  };
}

/** An empty file, or one that would end more than a third of current memberships. */
export const endsTooMany = (c: RosterChanges): boolean => c.listed === 0 || c.ended.length * 3 > c.current;
