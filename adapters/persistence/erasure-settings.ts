// What erasure does to the partnership's settings (docs/privacy.md, "Erasure"). The concern
// reviewer is a name on the roster, held in the settings (which every member may read with
// `settings`) and in each settings change's audit row. An erased reviewer is named no more: the
// setting goes back to its default (the rep), and the audit rows carry the pseudonym instead.
import type { Tx } from './organisation-rows.ts';
import { safeJson } from './person-rows.ts';

interface Erased {
  partnershipId: string;
  name: string;
}

type Settings = Record<string, unknown>;

const names = (value: unknown, person: Erased): boolean =>
  typeof value === 'string' && value.trim().toLowerCase() === person.name.trim().toLowerCase();

/** `text` (stored settings, JSON) with the reviewer renamed, or unchanged when it does not name them. */
function renamed(text: string | null, person: Erased, to: string | null): string | null {
  const settings = safeJson(text) as Settings | null;
  if (!settings || typeof settings !== 'object' || !names(settings.concernReviewer, person)) return text;
  const { concernReviewer: _named, ...rest } = settings;
  return JSON.stringify(to === null ? rest : { ...rest, concernReviewer: to });
}

export async function forgetInSettings(tx: Tx, person: Erased, pseudonym: string): Promise<void> {
  const partnership = await tx.partnership.findUnique({ where: { id: person.partnershipId } });
  const settings = partnership && renamed(partnership.settings, person, null);
  if (partnership && settings !== partnership.settings)
    await tx.partnership.update({ where: { id: partnership.id }, data: { settings: settings ?? '{}' } });
  const changes = await tx.auditEvent.findMany({
    where: { partnershipId: person.partnershipId, action: 'settings.update' },
  });
  for (const row of changes) {
    const before = renamed(row.before, person, pseudonym);
    const after = renamed(row.after, person, pseudonym);
    if (before !== row.before || after !== row.after)
      await tx.auditEvent.update({ where: { id: row.id }, data: { before, after } });
  }
}
