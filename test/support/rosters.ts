// Small rosters for rule tests, built through the real roster-file parser (the same path a JSON
// file takes), so a test roster is always one a user could have written.
import type { PersonEntry } from '../../src/services/roster-file/document.ts';
import { locateInJson, parseRosterDocument } from '../../src/services/roster-file/document.ts';
import type { Person, Roster } from '../../src/domain/roster.ts';
import { defaultSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import { formatProblems } from '../../src/domain/result.ts';

type Extra = Partial<Omit<PersonEntry, 'name' | 'kind'>>;

export const resident = (name: string, extra: Extra = {}): PersonEntry => ({
  name,
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  ...extra,
});
export const nonResident = (name: string, extra: Extra = {}): PersonEntry =>
  resident(name, { resident: false, ...extra });
export const worker = (name: string, extra: Extra = {}): PersonEntry => ({
  name,
  kind: 'paid-worker',
  resident: false,
  voting: false,
  roles: [],
  ...extra,
});
export const rep = (name: string, extra: Extra = {}): PersonEntry => ({
  name,
  kind: 'rep',
  resident: false,
  voting: false,
  roles: [],
  ...extra,
});

/** `count` members named `${prefix} 1`, `${prefix} 2`, ... */
export const many = (count: number, prefix: string, make: (name: string) => PersonEntry = resident): PersonEntry[] =>
  Array.from({ length: count }, (_, i) => make(`${prefix} ${i + 1}`));

/** `[a, kind, b]`: a is b's kind (as in the roster file's `between`). */
export type Link = [string, string, string];

export function rosterOf(
  people: PersonEntry[],
  links: Link[] = [],
  settings: Partial<PartnershipSettings> = {},
): Roster {
  const document = {
    partnership: { name: 'Test Big Local' },
    people,
    ...(links.length ? { relationships: links.map(([a, kind, b]) => ({ between: [a, b], kind })) } : {}),
  };
  const parsed = parseRosterDocument(document, locateInJson('test roster'), { ...defaultSettings(), ...settings });
  if (!parsed.ok) throw new Error(formatProblems(parsed.error));
  return parsed.value.roster;
}

export function personNamed(roster: Roster, name: string): Person {
  const person = roster.people.find((p) => p.name === name);
  if (!person) throw new Error(`${name} is not on the test roster`);
  return person;
}
