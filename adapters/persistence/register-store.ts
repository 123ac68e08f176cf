// The register of interests, relationships and known organisations in the database. Every
// write is one transaction with its audit row (who, when, before and after); a half-done change
// is never left behind. Audit rows hold personal data: they are read by people, never logged.
//
// Writes are batched per partnership (batched-writer.ts): edits that arrive while one is being
// written share the next transaction, one commit for a burst, each still committed before its
// caller hears the result. On PostgreSQL each transaction first locks the partnership's row, so
// two processes' batches of one partnership take their row locks in one order and never deadlock.
import { CONFLICT_KINDS, type ConflictKind, type DecisionDeclaration } from '../../src/domain/coi.ts';
import { organisationKey } from '../../src/domain/organisations.ts';
import { sameFact, type InterestInput, type RelationshipInput } from '../../src/domain/register.ts';
import type { InterestKind, RelationshipKind } from '../../src/domain/roster.ts';
import type {
  Change,
  DecisionForCheck,
  RegisterStore,
  Saved,
  StoredInterest,
  StoredRelationship,
} from '../../src/services/ports/index.ts';
import { BatchedWriter, type BatchHooks, type BatchSeam } from './batched-writer.ts';
import type { Db, Provider } from './database.ts';
import { prismaSql } from './fast-sql.ts';
import { aliasKnown, ensureKnown, loadKnown, unaliasKnown, writeAudit, type Tx } from './organisation-rows.ts';
import { safeJson } from './person-rows.ts';

type InterestRow = {
  id: string;
  personId: string;
  organisation: string;
  kind: string;
  detail: string | null;
  updatedAt: Date;
};
type RelationshipRow = {
  id: string;
  partnershipId: string;
  fromId: string;
  toId: string;
  kind: string;
  createdAt: Date;
};

const toInterest = (r: InterestRow): StoredInterest => ({
  id: r.id,
  personId: r.personId,
  organisation: r.organisation,
  kind: r.kind as InterestKind,
  detail: r.detail ?? undefined,
  updatedAt: r.updatedAt,
});
const toRelationship = (r: RelationshipRow): StoredRelationship & { partnershipId: string } => ({
  id: r.id,
  partnershipId: r.partnershipId,
  fromId: r.fromId,
  toId: r.toId,
  kind: r.kind as RelationshipKind,
  createdAt: r.createdAt,
});
/** What the audit row keeps of an interest or a relationship. */
const interestAudit = (i: StoredInterest) => ({
  interestId: i.id,
  personId: i.personId,
  organisation: i.organisation,
  kind: i.kind,
  detail: i.detail ?? null,
});
const relationshipFields = (r: RelationshipInput) => ({ fromId: r.fromId, toId: r.toId, kind: r.kind });
const relationshipAudit = (r: StoredRelationship) => ({ relationshipId: r.id, ...relationshipFields(r) });

// Audit rows name as their subject the PERSON whose data they hold (a relationship: one row for
// each person concerned), so that subject access finds them and erasure clears their snapshots.
const audited = (tx: Tx, change: Change, action: string, personId: string, before?: unknown, after?: unknown) =>
  writeAudit(tx, change, action, 'person', personId, before, after);

async function auditRelationship(
  tx: Tx,
  change: Change,
  action: string,
  before?: StoredRelationship,
  after?: StoredRelationship,
) {
  const people = new Set(
    [before?.fromId, before?.toId, after?.fromId, after?.toId].filter((id): id is string => id !== undefined),
  );
  for (const personId of people) {
    await audited(tx, change, action, personId, before && relationshipAudit(before), after && relationshipAudit(after));
  }
}
const interestData = (i: InterestInput) => ({
  organisation: i.organisation,
  organisationKey: organisationKey(i.organisation),
  kind: i.kind,
  detail: i.detail ?? null,
});

const saved = <T>(value: T): Saved<T> => ({ status: 'saved', value });
const NOT_FOUND = { status: 'not-found' } as const;
const DUPLICATE = { status: 'duplicate' } as const;

/** Interests belong to people of the change's partnership; anything else is "not found". */
async function interestIn(tx: Tx, change: Change, id: string): Promise<StoredInterest | null> {
  const row = await tx.interest.findUnique({ where: { id }, include: { person: { select: { partnershipId: true } } } });
  return row && row.person.partnershipId === change.partnershipId ? toInterest(row) : null;
}

async function relationshipIn(tx: Tx, change: Change, id: string) {
  const row = await tx.relationship.findUnique({ where: { id } });
  return row && row.partnershipId === change.partnershipId ? toRelationship(row) : null;
}

async function isDuplicate(
  tx: Tx,
  partnershipId: string,
  input: RelationshipInput,
  exceptId?: string,
): Promise<boolean> {
  const rows = await tx.relationship.findMany({
    where: {
      partnershipId,
      OR: [
        { fromId: input.fromId, toId: input.toId },
        { fromId: input.toId, toId: input.fromId },
      ],
    },
  });
  return rows.some((r) => r.id !== exceptId && sameFact(toRelationship(r), input));
}

/** Many members edit at once: transactions queue rather than fail. */
const TX = { maxWait: 60_000, timeout: 60_000 } as const;

export interface RegisterStoreOptions {
  provider?: Provider;
  /** the durable inbox's hook into every write (batched-writer.ts, `BatchSeam`) */
  seam?: BatchSeam;
  /** points where a test can hold or count batches, keyed by partnership id */
  hooks?: BatchHooks;
}

export class PrismaRegisterStore implements RegisterStore {
  private readonly writer: BatchedWriter<Tx>;

  constructor(
    private readonly db: Db,
    options: RegisterStoreOptions = {},
  ) {
    const provider = options.provider ?? 'sqlite';
    this.writer = new BatchedWriter<Tx>({
      transaction: (fn) => db.$transaction(fn, TX),
      sql: (tx) => prismaSql(tx, provider),
      begin: async (tx, partnershipId) => {
        if (provider === 'postgres')
          await tx.$queryRawUnsafe('SELECT 1 FROM "Partnership" WHERE "id" = $1 FOR UPDATE', partnershipId);
      },
      ...(options.seam ? { seam: options.seam } : {}),
      ...(options.hooks ? { hooks: options.hooks } : {}),
    });
  }

  /** One write of the change's partnership, in the next batch's transaction. */
  private write<T>(change: Change, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.writer.write(change.partnershipId, fn);
  }

  async interestsOf(personId: string) {
    return (await this.db.interest.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } })).map(toInterest);
  }

  async getInterest(id: string) {
    const row = await this.db.interest.findUnique({ where: { id } });
    return row ? toInterest(row) : null;
  }

  async addInterest(
    change: Change,
    personId: string,
    input: InterestInput,
    options: { registerOrganisation?: boolean } = {},
  ) {
    return this.write(change, async (tx) => {
      const row = toInterest(await tx.interest.create({ data: { personId, ...interestData(input) } }));
      await audited(tx, change, 'interest.add', personId, undefined, interestAudit(row));
      if (options.registerOrganisation) await ensureKnown(tx, change, input.organisation);
      return row;
    });
  }

  async updateInterest(
    change: Change,
    id: string,
    input: InterestInput,
    options: { registerOrganisation?: boolean } = {},
  ): Promise<Saved<StoredInterest>> {
    return this.write(change, async (tx) => {
      const before = await interestIn(tx, change, id);
      if (!before) return NOT_FOUND;
      const after = toInterest(await tx.interest.update({ where: { id }, data: interestData(input) }));
      await audited(tx, change, 'interest.update', before.personId, interestAudit(before), interestAudit(after));
      if (options.registerOrganisation) await ensureKnown(tx, change, input.organisation);
      return saved(after);
    });
  }

  async removeInterest(change: Change, id: string): Promise<Saved<StoredInterest>> {
    return this.write(change, async (tx) => {
      const before = await interestIn(tx, change, id);
      if (!before) return NOT_FOUND;
      await tx.interest.delete({ where: { id } });
      await audited(tx, change, 'interest.remove', before.personId, interestAudit(before));
      return saved(before);
    });
  }

  async confirmNothingToDeclare(change: Change, personId: string) {
    await this.write(change, async (tx) => {
      await audited(tx, change, 'interests.none-confirmed', personId, undefined, {
        confirmedAt: change.at.toISOString(),
      });
    });
  }

  async lastNothingToDeclare(partnershipId: string, personId: string) {
    const row = await this.db.auditEvent.findFirst({
      where: { partnershipId, action: 'interests.none-confirmed', subjectType: 'person', subjectId: personId },
      orderBy: { at: 'desc' },
    });
    return row?.at ?? null;
  }

  async relationships(partnershipId: string) {
    const rows = await this.db.relationship.findMany({
      where: { partnershipId, from: { endedAt: null }, to: { endedAt: null } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toRelationship);
  }

  async getRelationship(id: string) {
    const row = await this.db.relationship.findUnique({ where: { id } });
    return row ? toRelationship(row) : null;
  }

  async addRelationship(change: Change, input: RelationshipInput): Promise<Saved<StoredRelationship>> {
    return this.write(change, async (tx) => {
      if (await isDuplicate(tx, change.partnershipId, input)) return DUPLICATE;
      const row = toRelationship(
        await tx.relationship.create({ data: { partnershipId: change.partnershipId, ...relationshipFields(input) } }),
      );
      await auditRelationship(tx, change, 'relationship.add', undefined, row);
      return saved(row);
    });
  }

  async updateRelationship(change: Change, id: string, input: RelationshipInput): Promise<Saved<StoredRelationship>> {
    return this.write(change, async (tx) => {
      const before = await relationshipIn(tx, change, id);
      if (!before) return NOT_FOUND;
      if (await isDuplicate(tx, change.partnershipId, input, id)) return DUPLICATE;
      const after = toRelationship(await tx.relationship.update({ where: { id }, data: relationshipFields(input) }));
      await auditRelationship(tx, change, 'relationship.update', before, after);
      return saved(after);
    });
  }

  async removeRelationship(change: Change, id: string): Promise<Saved<StoredRelationship>> {
    return this.write(change, async (tx) => {
      const before = await relationshipIn(tx, change, id);
      if (!before) return NOT_FOUND;
      await tx.relationship.delete({ where: { id } });
      await auditRelationship(tx, change, 'relationship.remove', before);
      return saved(before);
    });
  }

  async organisations(partnershipId: string) {
    return loadKnown(this.db, partnershipId);
  }

  async registerOrganisation(change: Change, name: string) {
    return this.write(change, (tx) => ensureKnown(tx, change, name));
  }

  async addAlias(change: Change, name: string, alias: string) {
    return this.write(change, (tx) => aliasKnown(tx, change, name, alias));
  }

  async removeAlias(change: Change, organisationId: string, alias: string) {
    const after = await this.write(change, (tx) => unaliasKnown(tx, change, organisationId, alias));
    return after ? saved(after) : NOT_FOUND;
  }

  async declarationDetails(partnershipId: string): Promise<string[]> {
    const rows = await this.db.declaration.findMany({
      where: { decision: { partnershipId }, detail: { not: null } },
      select: { detail: true },
    });
    return rows.flatMap((r) => (r.detail ? [r.detail] : []));
  }

  async decisionForCheck(partnershipId: string, number: number): Promise<DecisionForCheck | null> {
    const row = await this.db.decision.findUnique({
      where: { partnershipId_number: { partnershipId, number } },
      include: { declarations: { where: { outcome: 'interest' }, orderBy: { createdAt: 'asc' } } },
    });
    if (!row) return null;
    const names = safeJson(row.organisations);
    const isKind = (k: string | null): k is ConflictKind => (CONFLICT_KINDS as readonly (string | null)[]).includes(k);
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      kind: row.kind,
      organisations: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
      // A declared interest without a kind counts as a loyalty conflict: the member said there is one.
      declarations: row.declarations.map((d): DecisionDeclaration => ({
        personId: d.personId,
        kind: isKind(d.kind) ? d.kind : 'loyalty',
        organisation: d.organisation ?? undefined,
        detail: d.detail ?? undefined,
      })),
    };
  }
}
