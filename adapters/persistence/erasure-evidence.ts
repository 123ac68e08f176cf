// What erasure does to the evidence behind conflicts (docs/privacy.md, "Erasure"). A recusal's
// reasons, and the conflicts a meeting's record flagged, quote register entries and relationship
// chains: the erased person's own, and other members' chains that run through them ("Tom Whitfield
// is Sarah Whitfield's spouse"). Each such reason keeps only its kind, so the record of who stepped
// back, and why in kind, stays true without the erased person's data.
import type { Tx } from './organisation-rows.ts';
import { safeJson } from './person-rows.ts';

interface Erased {
  id: string;
  partnershipId: string;
  name: string;
}

const kindOnly = (reason: unknown) => ({ kind: (reason as { kind?: unknown } | null)?.kind ?? 'unknown' });

/** A reason that quotes the person: their name in any of its words. */
const names = (reason: unknown, name: string): boolean =>
  typeof reason === 'object' &&
  reason !== null &&
  Object.values(reason).some((v) => typeof v === 'string' && v.includes(name));

/** Reasons as they may be kept: all reduced to their kinds when `own`, else those that name the person. */
function withoutEvidence(reasons: unknown, own: boolean, name: string): unknown[] | null {
  const list = Array.isArray(reasons) ? reasons : [];
  if (!own && !list.some((r) => names(r, name))) return null; // nothing to change
  return list.map((r) => (own || names(r, name) ? kindOnly(r) : r));
}

export async function forgetConflictEvidence(tx: Tx, person: Erased): Promise<void> {
  const inPartnership = { decision: { partnershipId: person.partnershipId } };
  for (const r of await tx.recusal.findMany({ where: inPartnership })) {
    const kept = withoutEvidence(safeJson(r.reasons), r.personId === person.id, person.name);
    if (kept) await tx.recusal.update({ where: { id: r.id }, data: { reasons: JSON.stringify(kept) } });
  }
  const meetings = await tx.decision.findMany({
    where: { partnershipId: person.partnershipId, meeting: { not: null } },
    select: { id: true, meeting: true },
  });
  for (const d of meetings) {
    const meeting = safeJson(d.meeting ?? '') as { flagged?: unknown } | null;
    if (!meeting || !Array.isArray(meeting.flagged)) continue;
    let changed = false;
    const flagged = meeting.flagged.map((f: { personId?: unknown; reasons?: unknown }) => {
      const kept = withoutEvidence(f.reasons, f.personId === person.id, person.name);
      if (!kept) return f;
      changed = true;
      return { ...f, reasons: kept };
    });
    if (changed)
      await tx.decision.update({ where: { id: d.id }, data: { meeting: JSON.stringify({ ...meeting, flagged }) } });
  }
}
