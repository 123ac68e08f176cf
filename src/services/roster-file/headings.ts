// When a CSV file's headings miss a required column, say which heading to rename to what. The
// spreadsheet usually has the column under another name ("Full Name", "Lives locally?"): the
// closest unknown heading is suggested, and the rows are not checked (every row would repeat it).
import type { Problem } from '../../domain/result.ts';

/** Lower case, letters only: "Full Name" -> "fullname", "Resident?" -> "resident". */
export const headingKey = (h: string): string => h.toLowerCase().replace(/[^a-z]/g, '');

function editDistance(a: string, b: string): number {
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

/** How alike a heading is to a field, 0 (nothing in common) to 1: containment counts most ("fullname" holds "name"). */
function likeness(heading: string, names: readonly string[]): number {
  let best = 0;
  for (const name of names) {
    if (!heading || !name) continue;
    if (heading.includes(name) || name.includes(heading)) best = Math.max(best, 0.9);
    const distance = editDistance(heading, name);
    best = Math.max(best, 1 - distance / Math.max(heading.length, name.length));
  }
  return best;
}

/** What a required column holds, for the sentence that asks for it. */
const HOLDS: Record<string, string> = {
  name: "each person's name",
  kind: 'member, paid worker or rep',
  resident: 'yes or no: lives in the area',
  a: 'the first person of the pair',
  b: 'the second person of the pair',
  organisation: 'the organisation',
  setting: "the setting's name",
  value: "the setting's value",
};

/**
 * One problem per missing required column, at line 1: rename the closest unknown heading (a
 * heading the format does not read), or add the column when none is left to rename.
 * `columns` maps heading keys to fields; `headingFor` is how the field is written in the docs.
 */
export function missingColumnProblems(
  file: string,
  headings: readonly string[],
  columns: Record<string, string>,
  missing: readonly string[],
  headingFor: (field: string) => string,
): Problem[] {
  const unknown = headings.filter((h) => h.trim() && !columns[headingKey(h)]);
  const aliases = (field: string) => [
    headingKey(headingFor(field)),
    ...Object.keys(columns).filter((k) => columns[k] === field),
  ];
  // Best pairs first, each heading used once; when as many unknown headings are left as columns
  // are missing, the last ones pair up by elimination (in the order they appear).
  const pairs = missing.flatMap((field) =>
    unknown.map((heading) => ({ field, heading, score: likeness(headingKey(heading), aliases(field)) })),
  );
  pairs.sort((x, y) => y.score - x.score);
  const renameOf = new Map<string, string>();
  const used = new Set<string>();
  for (const pair of pairs) {
    if (pair.score < 0.5 || renameOf.has(pair.field) || used.has(pair.heading)) continue;
    renameOf.set(pair.field, pair.heading);
    used.add(pair.heading);
  }
  const left = unknown.filter((h) => !used.has(h));
  const unpaired = missing.filter((f) => !renameOf.has(f));
  if (left.length === unpaired.length) unpaired.forEach((f, i) => renameOf.set(f, left[i]!));

  const holds = (field: string) => (HOLDS[field] ? `: ${HOLDS[field]}` : '');
  return missing.map((field) => {
    const heading = renameOf.get(field);
    const wanted = headingFor(field);
    return heading
      ? {
          where: `${file} line 1, column "${heading}"`,
          message: `rename this heading to "${wanted}" (the file needs a "${wanted}" column${holds(field)})`,
        }
      : {
          where: `${file} line 1`,
          message: `add a column headed "${wanted}"${HOLDS[field] ? ` (${HOLDS[field]})` : ''}; the headings are ${headings.map((h) => `"${h}"`).join(', ')}`,
        };
  });
}
