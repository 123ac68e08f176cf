// "What changed since last year's review": who joined, who left, changed roles and resident
// status, and the criteria result, compared with the review the rep submitted last year.
// Resident status is sensitive: these lines go only to the rep and chair, privately, and into the export.
import { createHash } from 'node:crypto';
import type { DocumentMember, ReviewDocument } from './types.ts';

type Comparable = Pick<ReviewDocument, 'members' | 'others' | 'criteria'>;

interface Row {
  personId: string;
  name: string;
  role: string;
  resident: boolean | null;
  member: boolean;
}

const rows = (d: Comparable): Row[] => [
  ...d.members.map((m: DocumentMember): Row => ({
    personId: m.personId,
    name: m.name,
    role: m.role,
    resident: m.resident,
    member: true,
  })),
  ...d.others.map((o): Row => ({ personId: o.personId, name: o.name, role: o.role, resident: null, member: false })),
];

/** Match by database id, then by name (a person re-imported under a new id keeps their name). */
function matcher(previous: Row[]) {
  const byId = new Map(previous.map((r) => [r.personId, r]));
  const byName = new Map(previous.map((r) => [r.name.toLowerCase(), r]));
  return (r: Row): Row | undefined => byId.get(r.personId) ?? byName.get(r.name.toLowerCase());
}

export function changesSince(last: Comparable, lastYear: number, now: Comparable): string[] {
  const before = rows(last);
  const after = rows(now);
  const find = matcher(before);
  const seen = new Set<Row>();
  const lines: string[] = [];
  for (const r of after) {
    const was = find(r);
    if (!was) {
      lines.push(`${r.name} joined (${r.role}).`);
      continue;
    }
    seen.add(was);
    if (was.member !== r.member || was.role !== r.role)
      lines.push(`${r.name}: ${was.role} in ${lastYear}, now ${r.role}.`);
    if (was.resident !== null && r.resident !== null && was.resident !== r.resident) {
      lines.push(`${r.name} ${r.resident ? 'now lives in the area' : 'no longer lives in the area'}.`);
    }
  }
  for (const r of before) if (!seen.has(r)) lines.push(`${r.name} left (was ${r.role}).`);
  const c0 = last.criteria;
  const c1 = now.criteria;
  if (c0.members !== c1.members || c0.residents !== c1.residents) {
    lines.push(
      `Members counted: ${c0.members} (${c0.residents} residents) in ${lastYear}, now ${c1.members} (${c1.residents} residents).`,
    );
  }
  if (c0.inCriteria !== c1.inCriteria) {
    lines.push(
      c1.inCriteria
        ? `Back in criteria (out of criteria in ${lastYear}).`
        : `Out of criteria (in criteria in ${lastYear}).`,
    );
  }
  return lines;
}

let lastFingerprint = { text: '', hash: '' };

/**
 * Identifies a list of changes, so the rep's "these are right" holds until the changes change.
 * The last one is remembered: a sweep asks for thousands, nearly all of the same (empty) list.
 */
export function changesFingerprint(changes: readonly string[]): string {
  const text = changes.join('\n');
  if (!lastFingerprint.hash || lastFingerprint.text !== text)
    lastFingerprint = { text, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
  return lastFingerprint.hash;
}
