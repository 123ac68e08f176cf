// Data the tests put straight into the demo database: register entries through our own store,
// and decisions with declarations as the decisions feature stores them (Decision, Declaration).
import type { ConflictKind } from '../../src/domain/coi.ts';
import type { InterestKind } from '../../src/domain/roster.ts';
import type { Demo } from './support.ts';

export async function giveInterest(
  t: Demo,
  name: string,
  organisation: string,
  kind: InterestKind,
  detail?: string,
): Promise<void> {
  const change = { partnershipId: t.db.partnership.id, actorId: t.idOf(name), at: new Date() };
  await t.db.stores.register.addInterest(change, t.idOf(name), { organisation, kind, detail });
}

export interface DeclarationRow {
  name: string;
  outcome: 'none' | 'interest';
  kind?: ConflictKind;
  detail?: string;
}

export async function addDecision(
  t: Demo,
  number: number,
  title: string,
  kind: string,
  organisations: string[],
  declarations: DeclarationRow[],
): Promise<void> {
  const db = t.db.database.db;
  const decision = await db.decision.create({
    data: {
      partnershipId: t.db.partnership.id,
      number,
      title,
      kind,
      organisations: JSON.stringify(organisations),
      options: JSON.stringify(['For', 'Against', 'Abstain']),
      ballot: 'open',
      visibility: 'channel',
      rules: JSON.stringify({}),
      closesAt: new Date('2026-04-01T12:00:00Z'),
      createdById: t.idOf('Margaret Okafor'),
    },
  });
  for (const d of declarations) {
    await db.declaration.create({
      data: {
        decisionId: decision.id,
        personId: t.idOf(d.name),
        outcome: d.outcome,
        kind: d.kind ?? null,
        detail: d.detail ?? null,
      },
    });
  }
}
