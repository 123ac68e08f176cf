// Decisions in the database. Every use case is one transaction: lock the decision's row, read its
// state, let the core decide, write the changes with their audit rows. Clicks (votes,
// declarations, and the recusals and close they bring) are done by the fast path
// (decision-fast.ts) on its cached copy, batched; a plan it cannot write (an interest added to
// the register from a declaration, an amendment) or a request whose copy kept going stale is done
// here in the locked transaction. Each kind of change has one writer: a vote is written by
// decision-votes.ts, a declaration, recusal, withdrawn vote, close or "reminders sent" by
// decision-changes.ts (here through the same prepared statements, inside this transaction), and
// the rest by `writeChange` below. One vote per member per decision is the database's unique
// (decisionId, personId), and every writer of a vote holds the decision's row lock and decides on
// the current state, so a double click counts once.
//
// A secret ballot forgets (docs/privacy.md, "Secret ballots"): while it is open a Vote row holds
// the member's choice (to change it, and to count it at close); the transaction that closes it
// writes the tally into the outcome and erases every choice, keeping only who took part. On
// SQLite the freed bytes are zeroed (secure_delete, database.ts) and the WAL, which still holds
// the old pages, is checkpointed and truncated once the close has committed.
import { organisationKey } from '../../src/domain/organisations.ts';
import type { DecisionDraft, DecisionState, DecisionStatus, Plan } from '../../src/domain/decisions/types.ts';
import type { DecisionLookup, DecisionStore, PartnershipScope, SentPrompt } from '../../src/services/ports/index.ts';
import type { CardRef } from '../../src/domain/decisions/types.ts';
import type { Db, Provider } from './database.ts';
import type { BatchSeam } from './batched-writer.ts';
import { isRowChange, writeRowChange, type RowChange } from './decision-changes.ts';
import { forgetPrompts, promptsOf, rememberPrompts } from './decision-prompts.ts';
import { DecisionFastPath, type FastPathHooks } from './decision-fast.ts';
import { loadState, toDecision, type Tx } from './decision-rows.ts';
import { isVote, writeVote, type OtherChange } from './decision-votes.ts';
import { prismaSql, type FastSql } from './fast-sql.ts';
import { partnershipsIn } from './scope.ts';

/** Many members click at once: transactions queue rather than fail. */
const TX = { maxWait: 60_000, timeout: 60_000 } as const;
const ATTEMPTS = 4;

const retryable = (error: unknown): boolean => ['P2002', 'P2034'].includes((error as { code?: string }).code ?? '');

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= ATTEMPTS || !retryable(error)) throw error;
    }
  }
}

export class PrismaDecisionStore implements DecisionStore {
  /** clicks, and reads of a decision's state, on prepared statements, a versioned cache and batched commits */
  readonly fast: DecisionFastPath;

  /**
   * `seam`: the durable inbox's hook into the fast path's shared transactions (batched-writer.ts,
   * `BatchSeam`); the locked transaction runs in the request's own async context and does not call it.
   */
  constructor(
    private readonly db: Db,
    sql: FastSql,
    private readonly provider: Provider = 'sqlite',
    hooks?: FastPathHooks,
    seam: BatchSeam = {},
  ) {
    this.fast = new DecisionFastPath(db, sql, { hooks, seam, erased: () => this.flushErased() });
  }

  async create(draft: DecisionDraft, plan: Plan<unknown>): Promise<DecisionState> {
    return withRetry(() =>
      this.db.$transaction(async (tx) => {
        const last = await tx.decision.findFirst({
          where: { partnershipId: draft.partnershipId },
          orderBy: { number: 'desc' },
          select: { number: true },
        });
        const row = await tx.decision.create({
          data: {
            partnershipId: draft.partnershipId,
            number: (last?.number ?? 0) + 1,
            title: draft.title,
            description: draft.description,
            kind: draft.kind,
            organisations: JSON.stringify(draft.organisations),
            options: JSON.stringify(draft.options),
            ballot: draft.ballot,
            visibility: draft.visibility,
            rules: JSON.stringify(draft.rules),
            closesAt: draft.closesAt,
            createdById: draft.createdById,
            ...(draft.opening ? { opening: { create: { roster: JSON.stringify(draft.opening) } } } : {}),
            meeting: draft.meeting ? JSON.stringify(draft.meeting) : null,
            createdAt: plan.at,
            updatedAt: plan.at,
          },
        });
        await audit(tx, row.partnershipId, row.id, plan, 'decision.create', null, {
          number: row.number,
          kind: draft.kind,
          ballot: draft.ballot,
          visibility: draft.visibility,
          closesAt: draft.closesAt.toISOString(),
          organisations: draft.organisations.length,
          ...(draft.meeting ? { meeting: draft.meeting.heldOn } : {}),
        });
        const state = (await loadState(tx, row.id))!;
        await this.write(tx, state, plan);
        return (await loadState(tx, row.id))!;
      }, TX),
    );
  }

  async find(lookup: DecisionLookup): Promise<DecisionState | null> {
    if ('id' in lookup) return this.fast.find(lookup.id);
    const row = await this.db.decision.findUnique({
      where: { partnershipId_number: { partnershipId: lookup.partnershipId, number: lookup.number } },
      select: { id: true },
    });
    return row ? this.fast.find(row.id) : null;
  }

  async list(partnershipId: string | null, status?: DecisionStatus, scope: PartnershipScope = 'all') {
    const rows = await this.db.decision.findMany({
      where: {
        ...(partnershipId ? { partnershipId } : { partnership: partnershipsIn(scope) }),
        ...(status ? { status } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
      include: { opening: true },
    });
    return rows.map(toDecision);
  }

  async apply<T>(decisionId: string, decide: (state: DecisionState) => Plan<T>) {
    const fast = await this.fast.apply(decisionId, decide);
    if (fast !== 'locked-path') return fast;
    this.fast.forget(decisionId);
    let erased = false;
    const result = await withRetry(() =>
      this.db.$transaction(async (tx) => {
        // Touching the row first takes its lock (PostgreSQL), so requests about one decision queue.
        const locked = await tx.decision.updateMany({ where: { id: decisionId }, data: { updatedAt: new Date() } });
        if (locked.count === 0) return null;
        const before = (await loadState(tx, decisionId))!;
        const plan = decide(before);
        if (plan.changes.length === 0) return { state: before, outcome: plan.outcome };
        erased = await this.write(tx, before, plan);
        return { state: (await loadState(tx, decisionId))!, outcome: plan.outcome };
      }, TX),
    );
    if (erased) await this.flushErased();
    return result;
  }

  /**
   * SQLite: the erased choices are zeroed in the new pages, but the write-ahead log still holds
   * the pages as they were until a checkpoint copies the new ones into the database file and the
   * log is truncated. Done here, after the close has committed. Best effort: with another process
   * reading, SQLite may not truncate now; the log is then overwritten as it is reused.
   */
  private async flushErased(): Promise<void> {
    if (this.provider !== 'sqlite') return;
    try {
      await this.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // the close stands; the next checkpoint copies the pages
    }
  }

  async setCard(decisionId: string, card: CardRef): Promise<void> {
    await this.db.decision.update({ where: { id: decisionId }, data: { cardRef: JSON.stringify(card) } });
  }

  rememberPrompts(decisionId: string, sent: readonly SentPrompt[]): Promise<void> {
    return rememberPrompts(this.db, decisionId, sent);
  }

  promptsOf(decisionId: string): Promise<SentPrompt[]> {
    return promptsOf(this.db, decisionId);
  }

  forgetPrompts(decisionId: string, sent: readonly SentPrompt[]): Promise<void> {
    return forgetPrompts(this.db, decisionId, sent);
  }

  /** Writes the plan's changes in order, each by its one writer. True when it erased a secret ballot's choices. */
  private async write(tx: Tx, state: DecisionState, plan: Plan<unknown>): Promise<boolean> {
    let erased = false;
    let current = state;
    const sql = prismaSql(tx, this.provider);
    for (const change of plan.changes) {
      if (isVote(change)) current = await writeVote(sql, current, plan, change);
      else if (isRowChange(change)) {
        erased ||= change.type === 'close' && current.decision.ballot === 'secret';
        current = await writeRowChange(sql, current, plan, change);
      } else await writeChange(tx, current, plan, change);
    }
    return erased;
  }
}

async function audit(
  tx: Tx,
  partnershipId: string,
  decisionId: string,
  plan: Plan<unknown>,
  action: string,
  before: unknown,
  after: unknown,
  subject?: { type: string; id: string },
) {
  await tx.auditEvent.create({
    data: {
      partnershipId,
      actorId: plan.actorId,
      action,
      subjectType: subject?.type ?? 'decision',
      subjectId: subject?.id ?? decisionId,
      at: plan.at,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(subject ? { ...(after as object), decisionId } : after),
    },
  });
}

/** Writes an interest added to the register from a declaration, or an amendment, with its audit row. */
async function writeChange(
  tx: Tx,
  state: DecisionState,
  plan: Plan<unknown>,
  c: Exclude<OtherChange, RowChange>,
): Promise<void> {
  const d = state.decision;
  const at = plan.at;
  const log = (action: string, before: unknown, after: unknown, subject?: { type: string; id: string }) =>
    audit(tx, d.partnershipId, d.id, plan, action, before, after, subject);
  switch (c.type) {
    case 'register-interest':
      await tx.interest.create({
        data: {
          personId: c.personId,
          organisation: c.organisation,
          organisationKey: organisationKey(c.organisation),
          kind: c.kind,
          detail: c.detail ?? null,
          createdAt: at,
          updatedAt: at,
        },
      });
      await log(
        'interest.add',
        null,
        { organisation: c.organisation, kind: c.kind, source: 'decision' },
        { type: 'person', id: c.personId },
      );
      return;
    case 'appoint-proxy':
      await tx.proxy.create({
        data: { decisionId: d.id, appointerId: c.appointerId, holderId: c.holderId, createdAt: at },
      });
      // ids only: who holds whose proxy is shown in the record, never in a log
      await log('decision.proxy', null, { appointerId: c.appointerId, holderId: c.holderId });
      return;
    case 'withdraw-proxy':
      await tx.proxy.deleteMany({ where: { decisionId: d.id, appointerId: c.appointerId } });
      await log('decision.proxy.withdraw', { appointerId: c.appointerId, holderId: c.holderId }, null);
      return;
    case 'roster-changes': {
      const recorded = [...(d.rosterChanges ?? []), ...c.entries.map((e) => ({ ...e, at }))];
      await tx.decision.update({ where: { id: d.id }, data: { rosterChanges: JSON.stringify(recorded) } });
      // ids and the kind of change only: who joined or left is on the roster's own audit
      await log('decision.roster-changes', null, { changes: c.entries.map((e) => [e.personId, e.change]) });
      return;
    }
    case 'amend': {
      const data = {
        ...(c.closesAt ? { closesAt: c.closesAt } : {}),
        ...(c.ballot ? { ballot: c.ballot } : {}),
        ...(c.visibility ? { visibility: c.visibility } : {}),
      };
      await tx.decision.update({ where: { id: d.id }, data });
      await log(
        'decision.amend',
        { closesAt: d.closesAt.toISOString(), ballot: d.ballot, visibility: d.visibility },
        { ...data, ...(c.closesAt ? { closesAt: c.closesAt.toISOString() } : {}) },
      );
      return;
    }
  }
}
