// The local policies register and the concerns raised privately, in the database. Each write is
// one transaction with its audit row. A concern's audit row keeps its number and kind only: its
// words and the person it is about stay in the Concern row (docs/privacy.md).
import type { Concern, ConcernInput, ConcernKind } from '../../src/domain/concerns.ts';
import { policyKey, type Policy, type PolicyInput, type PolicyKind } from '../../src/domain/policies.ts';
import type { Change, ConcernStore, PolicyStore } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import { writeAudit } from './organisation-rows.ts';

type PolicyRow = {
  id: string;
  partnershipId: string;
  kind: string;
  name: string;
  adoptedOn: string;
  reviewOn: string | null;
  link: string | null;
  updatedAt: Date;
};

const toPolicy = (r: PolicyRow): Policy & { partnershipId: string } => ({
  id: r.id,
  partnershipId: r.partnershipId,
  kind: r.kind as PolicyKind,
  name: r.name,
  adoptedOn: r.adoptedOn,
  reviewOn: r.reviewOn,
  link: r.link,
  updatedAt: r.updatedAt,
});
const policyAudit = (p: PolicyInput) => ({
  kind: p.kind,
  name: p.name,
  adoptedOn: p.adoptedOn,
  reviewOn: p.reviewOn,
  link: p.link,
});

/** Two people saving at once: the unique name or number makes one retry, never a duplicate. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 4 || !['P2002', 'P2034'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

export class PrismaPolicyStore implements PolicyStore {
  constructor(private readonly db: Db) {}

  async list(partnershipId: string): Promise<Policy[]> {
    const rows = await this.db.policy.findMany({ where: { partnershipId }, orderBy: { nameKey: 'asc' } });
    return rows.map(toPolicy);
  }

  save(change: Change, input: PolicyInput): Promise<{ policy: Policy; created: boolean }> {
    const nameKey = policyKey(input.name);
    return withRetry(() =>
      this.db.$transaction(async (tx) => {
        const where = { partnershipId_nameKey: { partnershipId: change.partnershipId, nameKey } };
        const before = await tx.policy.findUnique({ where });
        const data = { ...policyAudit(input), nameKey, updatedAt: change.at };
        const row = before
          ? await tx.policy.update({ where, data })
          : await tx.policy.create({ data: { ...data, partnershipId: change.partnershipId, createdAt: change.at } });
        await writeAudit(
          tx,
          change,
          before ? 'policy.update' : 'policy.add',
          'policy',
          row.id,
          before ? policyAudit(toPolicy(before)) : undefined,
          policyAudit(input),
        );
        return { policy: toPolicy(row), created: !before };
      }),
    );
  }

  async remove(change: Change, name: string): Promise<Policy | null> {
    return this.db.$transaction(async (tx) => {
      const where = { partnershipId_nameKey: { partnershipId: change.partnershipId, nameKey: policyKey(name) } };
      const row = await tx.policy.findUnique({ where });
      if (!row) return null;
      await tx.policy.delete({ where });
      await writeAudit(tx, change, 'policy.remove', 'policy', row.id, policyAudit(toPolicy(row)));
      return toPolicy(row);
    });
  }

  async withReviewDates(partnershipIds: readonly string[]): Promise<(Policy & { partnershipId: string })[]> {
    if (!partnershipIds.length) return [];
    const rows = await this.db.policy.findMany({
      where: { partnershipId: { in: [...partnershipIds] }, reviewOn: { not: null } },
      orderBy: [{ partnershipId: 'asc' }, { nameKey: 'asc' }],
    });
    return rows.map(toPolicy);
  }
}

type ConcernRow = {
  id: string;
  number: number;
  kind: string;
  raisedById: string | null;
  aboutId: string | null;
  text: string;
  reviewerId: string | null;
  status: string;
  outcome: string | null;
  createdAt: Date;
  closedAt: Date | null;
};

const toConcern = (r: ConcernRow): Concern => ({
  id: r.id,
  number: r.number,
  kind: r.kind as ConcernKind,
  raisedById: r.raisedById,
  aboutId: r.aboutId,
  text: r.text,
  reviewerId: r.reviewerId,
  status: r.status === 'closed' ? 'closed' : 'open',
  outcome: r.outcome,
  createdAt: r.createdAt,
  closedAt: r.closedAt,
});

export class PrismaConcernStore implements ConcernStore {
  constructor(private readonly db: Db) {}

  raise(change: Change, input: ConcernInput & { raisedById: string; reviewerId: string | null }): Promise<Concern> {
    return withRetry(() =>
      this.db.$transaction(async (tx) => {
        const last = await tx.concern.findFirst({
          where: { partnershipId: change.partnershipId },
          orderBy: { number: 'desc' },
          select: { number: true },
        });
        const row = await tx.concern.create({
          data: {
            partnershipId: change.partnershipId,
            number: (last?.number ?? 0) + 1,
            kind: input.kind,
            raisedById: input.raisedById,
            aboutId: input.aboutId,
            text: input.text,
            reviewerId: input.reviewerId,
            createdAt: change.at,
          },
        });
        await writeAudit(tx, change, 'concern.raise', 'concern', row.id, undefined, {
          number: row.number,
          kind: row.kind,
          routed: row.reviewerId ? 'reviewer' : 'local-trust',
        });
        return toConcern(row);
      }),
    );
  }

  async find(partnershipId: string, id: string): Promise<Concern | null> {
    const row = await this.db.concern.findFirst({ where: { partnershipId, id } });
    return row ? toConcern(row) : null;
  }

  async reviewing(partnershipId: string, reviewerId: string): Promise<Concern[]> {
    const rows = await this.db.concern.findMany({
      where: { partnershipId, reviewerId },
      orderBy: [{ status: 'desc' }, { number: 'desc' }],
    });
    return rows.map(toConcern);
  }

  async raisedBy(partnershipId: string, personId: string): Promise<Concern[]> {
    const rows = await this.db.concern.findMany({
      where: { partnershipId, raisedById: personId },
      orderBy: { number: 'desc' },
    });
    return rows.map(toConcern);
  }

  async close(change: Change, id: string, outcome: string): Promise<Concern | null> {
    return this.db.$transaction(async (tx) => {
      // conditional: of two outcomes recorded at once, only the first closes it
      const closed = await tx.concern.updateMany({
        where: { id, partnershipId: change.partnershipId, status: 'open' },
        data: { status: 'closed', outcome, closedAt: change.at },
      });
      if (closed.count === 0) return null;
      const row = await tx.concern.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, change, 'concern.close', 'concern', id, undefined, { number: row.number });
      return toConcern(row);
    });
  }
}
