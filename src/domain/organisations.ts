// Organisation names typed by volunteers vary ("The Acme Café Ltd." vs "acme cafe limited"):
// matching is on a normalised key so the same body is never treated as two.

const SUFFIXES: ReadonlyArray<[RegExp, string]> = [
  [/\bcommunity interest company\b/g, 'cic'],
  [/\blimited\b/g, 'ltd'],
  [/\bcompany\b/g, 'co'],
];

// Keys are remembered: a conflict check normalises every interest on the roster, and the same
// names recur on every check (a fifth of a 10,000-person check's time). Bounded, pure.
const known = new Map<string, string>();
const KNOWN_MAX = 20_000;

export function organisationKey(name: string): string {
  const hit = known.get(name);
  if (hit !== undefined) return hit;
  const key = normalise(name);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(name, key);
  return key;
}

function normalise(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of SUFFIXES) s = s.replace(pattern, replacement);
  // A chair asks about "Acme Trading" when the register says "Acme Trading Ltd": a trailing legal
  // form is optional, or the conflict would be missed.
  s = s
    .replace(/^the\s+/, '')
    .replace(/\s+(ltd|plc|cic|llp|inc)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

export const sameOrganisation = (a: string, b: string): boolean => {
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
};
