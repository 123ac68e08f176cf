// What erasure does to a submitted review (docs/privacy.md, "Erasure"). A review marked submitted
// is kept as it was sent to Local Trust (ReviewSubmission.snapshot: everyone on the roster by
// name, with their role, resident status and signed membership form). The erased person's name
// becomes their pseudonym wherever the snapshot has it, and their signed form's date goes; the
// figures (counts, resident share, checks) stay as submitted, like a decision record's.
import type { Tx } from './organisation-rows.ts';
import { safeJson } from './person-rows.ts';

interface Erased {
  id: string;
  partnershipId: string;
  name: string;
}

/** Every string in `value` with `name` replaced by `pseudonym`. */
function renamed(value: unknown, name: string, pseudonym: string): unknown {
  if (typeof value === 'string') return value.split(name).join(pseudonym);
  if (Array.isArray(value)) return value.map((v) => renamed(v, name, pseudonym));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, name, pseudonym)]));
  return value;
}

const withoutForm = (entry: unknown, personId: string): unknown =>
  entry && typeof entry === 'object' && (entry as { personId?: unknown }).personId === personId
    ? { ...entry, ...('formSignedOn' in entry ? { formSignedOn: null } : {}) }
    : entry;

export async function pseudonymiseReviews(tx: Tx, person: Erased, pseudonym: string): Promise<void> {
  for (const row of await tx.reviewSubmission.findMany({ where: { partnershipId: person.partnershipId } })) {
    const document = renamed(safeJson(row.snapshot), person.name, pseudonym) as Record<string, unknown> | null;
    if (!document || typeof document !== 'object') continue;
    for (const list of ['members', 'others'])
      if (Array.isArray(document[list])) document[list] = document[list].map((e) => withoutForm(e, person.id));
    const snapshot = JSON.stringify(document);
    if (snapshot !== row.snapshot) await tx.reviewSubmission.update({ where: { id: row.id }, data: { snapshot } });
  }
}
