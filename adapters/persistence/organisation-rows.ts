// Known organisations (Organisation rows) inside a transaction: find by name or alias, add,
// alias and merge. Called only from register-store.ts, which owns the transactions.
import { organisationKey } from '../../src/domain/organisations.ts';
import type { Change, KnownOrganisation } from '../../src/services/ports/index.ts';
import type { Prisma } from './generated/sqlite/client.ts';
import { safeJson } from './person-rows.ts';

export type Tx = Prisma.TransactionClient;

type OrganisationRow = { id: string; name: string; key: string; aliases: string };

export const toKnown = (row: OrganisationRow): KnownOrganisation => {
  const aliases = safeJson(row.aliases);
  return {
    id: row.id,
    name: row.name,
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
  };
};

export async function writeAudit(
  tx: Tx,
  change: Change,
  action: string,
  subjectType: string,
  subjectId: string | null,
  before?: unknown,
  after?: unknown,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      partnershipId: change.partnershipId,
      actorId: change.actorId,
      action,
      subjectType,
      subjectId,
      at: change.at,
      before: before === undefined ? null : JSON.stringify(before),
      after: after === undefined ? null : JSON.stringify(after),
    },
  });
}

const knows = (o: KnownOrganisation, key: string): boolean =>
  organisationKey(o.name) === key || o.aliases.some((a) => organisationKey(a) === key);

export async function loadKnown(tx: Tx, partnershipId: string): Promise<KnownOrganisation[]> {
  const rows = await tx.organisation.findMany({ where: { partnershipId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toKnown);
}

export async function findKnown(tx: Tx, partnershipId: string, name: string): Promise<KnownOrganisation | undefined> {
  const key = organisationKey(name);
  return (await loadKnown(tx, partnershipId)).find((o) => knows(o, key));
}

/** The organisation this name is, adding it to the known list (audited) when it is new. */
export async function ensureKnown(tx: Tx, change: Change, name: string): Promise<KnownOrganisation> {
  const found = await findKnown(tx, change.partnershipId, name);
  if (found) return found;
  const row = await tx.organisation.create({
    data: { partnershipId: change.partnershipId, name: name.trim(), key: organisationKey(name) },
  });
  const known = toKnown(row);
  await writeAudit(tx, change, 'organisation.add', 'organisation', row.id, undefined, { name: known.name });
  return known;
}

export async function aliasKnown(
  tx: Tx,
  change: Change,
  name: string,
  alias: string,
): Promise<{ organisation: KnownOrganisation; changed: boolean }> {
  const target = await ensureKnown(tx, change, name);
  const aliasKey = organisationKey(alias);
  if (knows(target, aliasKey)) return { organisation: target, changed: false };
  const other = (await loadKnown(tx, change.partnershipId)).find((o) => o.id !== target.id && knows(o, aliasKey));
  const added = other ? [other.name, ...other.aliases] : [alias.trim()];
  const aliases = [...target.aliases];
  for (const a of added) if (!knows({ ...target, aliases }, organisationKey(a))) aliases.push(a);
  const row = await tx.organisation.update({ where: { id: target.id }, data: { aliases: JSON.stringify(aliases) } });
  const after = toKnown(row);
  if (other) {
    await tx.organisation.delete({ where: { id: other.id } });
    await writeAudit(
      tx,
      change,
      'organisation.merge',
      'organisation',
      target.id,
      { kept: target, merged: other },
      after,
    );
  } else {
    await writeAudit(tx, change, 'organisation.alias', 'organisation', target.id, target, after);
  }
  return { organisation: after, changed: true };
}

export async function unaliasKnown(
  tx: Tx,
  change: Change,
  organisationId: string,
  alias: string,
): Promise<KnownOrganisation | null> {
  const row = await tx.organisation.findUnique({ where: { id: organisationId } });
  if (!row || row.partnershipId !== change.partnershipId) return null;
  const before = toKnown(row);
  const key = organisationKey(alias);
  const aliases = before.aliases.filter((a) => organisationKey(a) !== key);
  if (aliases.length === before.aliases.length) return null;
  const after = toKnown(
    await tx.organisation.update({ where: { id: row.id }, data: { aliases: JSON.stringify(aliases) } }),
  );
  await writeAudit(tx, change, 'organisation.unalias', 'organisation', row.id, before, after);
  return after;
}
