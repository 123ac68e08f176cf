// Known organisations of a partnership, their aliases, and "did you mean …?" for names that are
// close but not the same. Volunteers type "Acme Cafe" for "ACME Community Café Limited": a
// near-miss must be asked about, never silently treated as a different body (or as the same one).
import { organisationKey, tradingNames } from './organisations.ts';
import type { Roster } from './roster.ts';

export interface OrganisationEntry {
  name: string;
  aliases: readonly string[];
}

/** Words that say what kind of body it is rather than which one: they weigh less when matching. */
const GENERIC = new Set([
  'community',
  'trust',
  'association',
  'centre',
  'center',
  'group',
  'club',
  'project',
  'projects',
  'services',
  'service',
  'foundation',
  'charity',
  'society',
  'partnership',
  'network',
  'local',
  'big',
  'hub',
  'forum',
  'team',
  'organisation',
]);
/** Legal forms and joining words: ignored when matching (the key already normalises them). */
const IGNORED = new Set([
  ...['ltd', 'cic', 'co', 'plc', 'llp', 'inc', 'cio', 'coop', 'cbs', 'ips'],
  ...['and', 'of', 'the', 'uk', 'for', 'in'],
]);

const SUGGEST_AT = 0.8;
const MAX_SUGGESTIONS = 3;

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const tokens = (key: string): string[] => [...new Set(key.split(' ').filter((t) => t && !IGNORED.has(t)))];
const weight = (token: string): number => (GENERIC.has(token) ? 0.5 : 1);

/** Same word, allowing a typo in longer words ("trst", "cafee"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 4) return false;
  return editDistance(a, b) <= (longest >= 8 ? 2 : 1);
}

/**
 * How alike two normalised keys are, 0 to 1: the weighted share of the shorter name's words
 * found in the other, or the whole-key edit similarity, whichever is higher. A match needs at
 * least one distinctive (non-generic) word in common.
 */
export function keySimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const whole = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  const ta = tokens(a);
  const tb = tokens(b);
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const total = small.reduce((s, t) => s + weight(t), 0);
  const matched = small.filter((t) => large.some((u) => sameWord(t, u)));
  const distinctive = matched.some((t) => !GENERIC.has(t));
  const overlap = total > 0 && distinctive ? matched.reduce((s, t) => s + weight(t), 0) / total : 0;
  return Math.max(whole, overlap);
}

class KeyGroups {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Alias groups ("these names are one organisation") as a key resolver: `canonical(name)` is the
 * same for every name in a group, and the name's own key otherwise. Groups may overlap; they join.
 */
export function aliasResolver(groups: readonly (readonly string[])[] = []): (name: string) => string {
  const sets = new KeyGroups();
  for (const group of groups) {
    const keys = group.flatMap(tradingNames).map(organisationKey).filter(Boolean);
    for (const key of keys.slice(1)) sets.union(keys[0]!, key);
  }
  return (name) => {
    const key = organisationKey(name);
    return key ? sets.find(key) : key;
  };
}

/** A name and the trading names it gives ("A t/a B" is A and B), the name first. */
const everyName = (name: string): string[] => {
  const names = tradingNames(name);
  return names.length > 1 ? [name, ...names] : [name];
};

/**
 * Every name on the roster (register entries, the LTO) or asked about that says "t/a" or
 * "trading as", as groups for aliasResolver: a register entry "Acme Trading Ltd t/a Acme Cafe"
 * matches a decision about "Acme Cafe" and one about "Acme Trading". Remembered per roster (a
 * cached roster is shared by every check until it changes).
 */
const rosterTradingGroups = new WeakMap<object, string[][]>();
export function tradingNameGroups(roster: Roster, asked: readonly string[] = []): string[][] {
  let groups = rosterTradingGroups.get(roster.people);
  if (!groups) {
    const names = roster.people.flatMap((p) => p.interests.map((i) => i.organisation));
    const lto = roster.partnership.settings.ltoOrganisation;
    groups = [...names, ...(lto ? [lto] : [])].filter((n) => tradingNames(n).length > 1).map((n) => [n]);
    rosterTradingGroups.set(roster.people, groups);
  }
  const more = asked.filter((n) => tradingNames(n).length > 1).map((n) => [n]);
  return more.length ? [...groups, ...more] : groups;
}

export class OrganisationDirectory {
  /** One entry per organisation: its display name and every other name it is known by. */
  readonly entries: OrganisationEntry[] = [];
  private readonly byKey = new Map<string, OrganisationEntry>();

  /** Entries listed first win the display name; later entries with a known name only add aliases. */
  constructor(entries: readonly OrganisationEntry[]) {
    for (const e of entries) this.add(e);
  }

  private add(e: OrganisationEntry): void {
    const names = [e.name, ...e.aliases].flatMap(everyName).filter((n) => organisationKey(n));
    const owners = names
      .map((n) => this.byKey.get(organisationKey(n)))
      .filter((o): o is OrganisationEntry => o !== undefined);
    // The earliest known entry keeps its display name; any other entry this one joins is folded in.
    const found = owners.sort((a, b) => this.entries.indexOf(a) - this.entries.indexOf(b))[0];
    const target = found ?? { name: e.name.trim(), aliases: [] as string[] };
    if (!found) this.entries.push(target);
    for (const name of names) {
      const key = organisationKey(name);
      const owner = this.byKey.get(key);
      if (owner === target) continue;
      if (owner) this.merge(owner, target);
      else {
        this.byKey.set(key, target);
        if (key !== organisationKey(target.name)) (target.aliases as string[]).push(name.trim());
      }
    }
  }

  /** Two entries turned out to be one: fold `from` into `into`. */
  private merge(from: OrganisationEntry, into: OrganisationEntry): void {
    (into.aliases as string[]).push(from.name, ...from.aliases);
    for (const [key, owner] of this.byKey) if (owner === from) this.byKey.set(key, into);
    this.entries.splice(this.entries.indexOf(from), 1);
  }

  /** The known organisation this name is (by its key or an alias), if any. */
  find(name: string): OrganisationEntry | undefined {
    for (const n of everyName(name)) {
      const entry = this.byKey.get(organisationKey(n));
      if (entry) return entry;
    }
    return undefined;
  }

  /** Close known organisations for a name that is not itself known, best first. */
  suggest(name: string, limit = MAX_SUGGESTIONS): string[] {
    if (!organisationKey(name) || this.find(name)) return [];
    const keys = everyName(name).map(organisationKey).filter(Boolean);
    const best = new Map<OrganisationEntry, number>();
    for (const [known, entry] of this.byKey) {
      const score = Math.max(...keys.map((key) => keySimilarity(key, known)));
      if (score >= SUGGEST_AT && score > (best.get(entry) ?? 0)) best.set(entry, score);
    }
    return [...best]
      .sort((x, y) => y[1] - x[1] || x[0].name.localeCompare(y[0].name))
      .slice(0, limit)
      .map(([e]) => e.name);
  }

  /** Alias groups in the shape checkConflicts takes. */
  aliasGroups(): string[][] {
    return this.entries.filter((e) => e.aliases.length > 0).map((e) => [e.name, ...e.aliases]);
  }
}

/**
 * A partnership's known organisations: the list officers keep (with aliases) first, then every
 * organisation on the current register, then the locally trusted organisation. `skipInterestId`
 * leaves out one register entry (one just typed, which must not suggest itself).
 */
export function directoryFor(
  roster: Roster,
  kept: readonly OrganisationEntry[],
  skipInterestId?: string,
): OrganisationDirectory {
  const entries: OrganisationEntry[] = kept.map((o) => ({ name: o.name, aliases: [...o.aliases] }));
  for (const p of roster.people) {
    for (const i of p.interests)
      if (i.id === undefined || i.id !== skipInterestId) entries.push({ name: i.organisation, aliases: [] });
  }
  const lto = roster.partnership.settings.ltoOrganisation;
  if (lto) entries.push({ name: lto, aliases: [] });
  return new OrganisationDirectory(entries);
}
