// Organisation names typed by volunteers vary ("The Acme Café Ltd." vs "acme cafe limited",
// "Riverside Youth Trust CIO" vs "Riverside Youth Trust"): matching is on a normalised key so the
// same body is never treated as two. The rule, with examples, is in docs/rules.md ("Organisation
// names") and docs/interests.md.

/**
 * UK legal forms, written out and abbreviated, each brought to one short word. Applied to the
 * normalised text (lower case, punctuation as spaces), longest first. Welsh forms too: a Big
 * Local area may be in Wales ("Cyf" is "Ltd").
 */
const FORMS: ReadonlyArray<[RegExp, string]> = [
  [/\bcommunity interest company\b/g, 'cic'],
  [/\bcwmni buddiant cymunedol\b/g, 'cic'],
  [/\bcharitable incorporated organi[sz]ation\b/g, 'cio'],
  [/\bsefydliad corfforedig elusennol\b/g, 'cio'],
  [/\bpublic limited company\b/g, 'plc'],
  [/\blimited liability partnership\b/g, 'llp'],
  [/\bcommunity benefit society\b/g, 'cbs'],
  [/\bbencom\b/g, 'cbs'],
  [/\bindustrial and provident society\b/g, 'ips'],
  [/\blimited\b/g, 'ltd'],
  [/\bcyfyngedig\b/g, 'ltd'],
  [/\bcyf\b/g, 'ltd'],
  [/\bincorporated\b/g, 'inc'],
  [/\bcompany\b/g, 'co'],
  // after "company": "Co-op", "Co-operative", "Cooperative" are one word
  [/\bco ?op(?:erative)?\b/g, 'coop'],
  [/\bcooperative\b/g, 'coop'],
  [/\bcoop society\b/g, 'coop'],
];

/**
 * Legal forms that may end a name and be left off it: "Acme Trading" is "Acme Trading Ltd",
 * "Riverside Youth Trust" is "Riverside Youth Trust CIO". "Trust", "Society" and "Company" are
 * not among them: they are words of a name ("Riverside Trust" is not "Riverside").
 */
const TRAILING_FORM = /\s+(?:ltd|plc|llp|cic|cio|inc|coop|cbs|ips|ccc|sce)$/;

/** "Acme Trading Ltd t/a Acme Cafe", "Acme Trading Ltd (trading as Acme Cafe)". */
const TRADING_AS = /(?:^|[^a-z0-9])(?:t\s*\/\s*a|trading\s+as)(?![a-z0-9])/i;

// Keys are remembered: a conflict check normalises every interest on the roster, and the same
// names recur on every check (a fifth of a 10,000-person check's time). Bounded, pure.
const known = new Map<string, string>();
const namesOf = new Map<string, readonly string[]>();
const KNOWN_MAX = 20_000;

const remember = <T>(cache: Map<string, T>, name: string, value: T): T => {
  if (cache.size >= KNOWN_MAX) cache.clear();
  cache.set(name, value);
  return value;
};

/**
 * The names one register entry or decision names: "Acme Trading Ltd t/a Acme Cafe" is the company
 * "Acme Trading Ltd" and its trading name "Acme Cafe" (one legal body, so one organisation);
 * a name without "t/a" or "trading as" is itself. The name as typed is what people are shown.
 */
export function tradingNames(name: string): readonly string[] {
  const hit = namesOf.get(name);
  if (hit !== undefined) return hit;
  if (!TRADING_AS.test(name)) return remember(namesOf, name, [name]);
  const parts = name
    .split(new RegExp(TRADING_AS.source, 'gi'))
    .map(tidy)
    .filter((p) => {
      const key = normalise(p);
      return key !== '' && key !== 'the';
    });
  return remember(namesOf, name, parts.length ? parts : [name]);
}

/** A part of a name around "t/a": without the punctuation that joined it ("(t/a Acme Cafe)"). */
function tidy(part: string): string {
  const s = part.replace(/^[\s,;:.([-]+|[\s,;:([-]+$/g, '');
  const open = (s.match(/\(/g) ?? []).length;
  return open < (s.match(/\)/g) ?? []).length ? s.replace(/\)+$/, '').trim() : s;
}

/**
 * The key two names of one organisation share. A name with trading names is keyed by its first,
 * the legal name; its trading names join it wherever names are matched (organisation-match.ts).
 */
export function organisationKey(name: string): string {
  const hit = known.get(name);
  if (hit !== undefined) return hit;
  const names = tradingNames(name);
  return remember(known, name, normalise(names[0] ?? name));
}

/**
 * "C.I.C." and "C.I.C" are both "cic": single letters joined by full stops are one word, whether or not
 * the last has its stop, or a trailing full stop would change the key.
 */
const joinInitials = (s: string): string => s.replace(/\b[a-z](?:\.[a-z])+\b\.?/g, (run) => run.replace(/\./g, ''));

function normalise(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  s = joinInitials(s)
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of FORMS) s = s.replace(pattern, replacement);
  s = s.replace(/\s+/g, ' ').trim();
  // A chair asks about "Acme Trading" when the register says "Acme Trading Ltd": a trailing legal
  // form is optional, or the conflict would be missed. A leading "The" never tells bodies apart.
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(/^the\s+(?=\S)/, '').replace(TRAILING_FORM, '');
  }
  return s;
}

export const sameOrganisation = (a: string, b: string): boolean => {
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
};
