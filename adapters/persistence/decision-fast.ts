// The click path, made cheap (docs/database.md, "Caches"). A decision's state is cached under its
// version and its partnership's roster version (both bumped by database triggers on any change,
// whichever process or tool made it). A request then takes the row lock by bumping the version: if
// the new number is the cached one plus one, nothing changed since it was read, so the core
// decides on the cached state and the plan's changes and their audit rows are written as prepared
// statements (votes: decision-votes.ts; declarations, recusals, withdrawn votes, the close that
// completes a ballot, reminders: decision-changes.ts). A stale copy is reloaded and the request
// decided again. Requests about one decision that arrive while a transaction runs share the next
// one (batched-writer.ts): one commit for a burst of votes and declarations.
//
// Two kinds of change stay with the locked transaction in decision-store.ts, which reads afresh
// under the row's lock and so always makes progress: an interest added to the register from a
// declaration (it changes the roster the copy was decided with) and an amendment (the chair). A
// plan with one of those, or a request whose copy another process keeps making stale, is refused
// here ('locked-path').
import type { DecisionState, Plan } from '../../src/domain/decisions/types.ts';
import { deepFreeze } from '../../src/domain/freeze.ts';
import {
  BatchQueue,
  mayWrite,
  mustSync,
  skipped,
  type BatchHooks,
  type BatchSeam,
  type QueuedJob,
} from './batched-writer.ts';
import { isRowChange, writeRowChange } from './decision-changes.ts';
import type { Db } from './database.ts';
import { inStoredOrder, loadState } from './decision-rows.ts';
import { isVote, writeVote } from './decision-votes.ts';
import type { FastSql, SqlRunner } from './fast-sql.ts';

interface Entry {
  state: DecisionState;
  version: number;
  rosterVersion: number;
}

/** Thrown inside the transaction to roll it back and leave the request to the locked path. */
class NeedsLock extends Error {}

/** The result, null when there is no such decision, or 'locked-path' when this path refuses the plan. */
export type Applied<T> = { state: DecisionState; outcome: T } | null | 'locked-path';

/** Points where a test can hold the path (test/persistence/caches.test.ts), keyed by decision id. */
export type FastPathHooks = BatchHooks;

export interface FastPathOptions {
  hooks?: FastPathHooks;
  seam?: BatchSeam;
  /** after a batch that closed a secret ballot has committed (decision-store.ts flushes SQLite's log) */
  erased?(): Promise<void>;
}

interface Job extends QueuedJob {
  decide: (state: DecisionState) => Plan<unknown>;
  resolve: (result: Applied<unknown>) => void;
  reject: (error: unknown) => void;
}

const SKIPPED = Symbol('already done');

/**
 * The jobs of a batch settled in one transaction (in order, from the first) and the copy it left;
 * when they are fewer than the batch, the next job's plan was refused (it needs the locked path).
 */
interface Batch {
  done: (Applied<unknown> | typeof SKIPPED)[];
  entry: Entry | null;
  erased: boolean;
}

const MAX_CACHED = 500;
const ATTEMPTS = 3;
/** requests decided in one transaction at most */
const MAX_BATCH = 64;

/**
 * A plan this path can write: every change has a prepared-statement writer and keeps the roster as
 * it was, and a vote names a voter this copy knows (a fresh read would name them too) and replaces
 * the vote it holds.
 */
const writable = (state: DecisionState, plan: Plan<unknown>): boolean =>
  plan.changes.every(
    (c) =>
      isRowChange(c) ||
      (isVote(c) &&
        !!state.people[c.personId] &&
        state.votes.find((v) => v.personId === c.personId)?.option === c.replaces),
  );

export class DecisionFastPath {
  private readonly entries = new Map<string, Entry>();
  /** Requests about one decision run one batch at a time in this process, so each finds the last one's copy. */
  private readonly queue: BatchQueue<Job>;
  private readonly seam: BatchSeam;
  /** how often a copy had to be read from the database (the benchmark reports it) */
  reloads = 0;

  constructor(
    private readonly db: Db,
    private readonly sql: FastSql,
    private readonly options: FastPathOptions = {},
  ) {
    this.seam = options.seam ?? {};
    this.queue = new BatchQueue((id, batch) => this.runBatch(id, batch), MAX_BATCH, options.hooks);
  }

  /** The current state, from the cache while its versions are unchanged. */
  async find(decisionId: string): Promise<DecisionState | null> {
    return (await this.fresh(decisionId))?.state ?? null;
  }

  forget(decisionId: string): void {
    this.entries.delete(decisionId);
  }

  /**
   * Runs the plan on the fast path: the result, null when there is no such decision, or
   * 'locked-path' when the locked transaction must do it. Each request is committed before its
   * caller hears the result; one the seam says was already done rejects (`BatchSeam.alreadyDone`).
   * `context`: the request's, when the caller captured it already (decision-store.ts).
   */
  apply<T>(
    decisionId: string,
    decide: (state: DecisionState) => Plan<T>,
    context: unknown = this.seam.context?.(),
  ): Promise<Applied<T>> {
    return new Promise<Applied<T>>((resolve, reject) =>
      this.queue.push(decisionId, { decide, context, resolve: resolve as Job['resolve'], reject }),
    );
  }

  /** Settles the jobs it could and returns those left for the next batch, in order. */
  private async runBatch(decisionId: string, batch: Job[]): Promise<Job[]> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let result: Batch | 'stale' | null;
      try {
        const entry = this.entries.get(decisionId) ?? (await this.fresh(decisionId));
        await this.options.hooks?.beforeTransaction?.(decisionId, batch.length, attempt);
        const sync = mustSync(this.seam, batch);
        result = entry && (await this.sql.transaction((tx) => this.attempt(tx, decisionId, entry, batch), { sync }));
      } catch (error) {
        if (!(error instanceof NeedsLock)) {
          // Rolled back (a request's write failed, the connection dropped): each request is
          // decided again, alone, by the locked transaction, so one bad request fails alone and
          // a commit whose fate is unknown is found on the record rather than written twice.
          this.entries.delete(decisionId);
          for (const job of batch) job.resolve('locked-path');
          return [];
        }
        result = { done: [], entry: null, erased: false };
      }
      if (result === null) {
        for (const job of batch) job.resolve(null);
        return [];
      }
      if (result === 'stale') {
        this.entries.delete(decisionId);
        continue;
      }
      if (result.entry) this.remember(decisionId, result.entry);
      if (result.erased) await this.options.erased?.();
      result.done.forEach((outcome, i) => {
        const job = batch[i]!;
        if (outcome === SKIPPED) return job.reject(skipped(this.seam, job));
        this.seam.committed?.(job);
        job.resolve(outcome);
      });
      if (result.done.length === batch.length) return [];
      // The next job was decided on the current state and refused: it goes to the locked path.
      batch[result.done.length]!.resolve('locked-path');
      return batch.slice(result.done.length + 1);
    }
    batch[0]!.resolve('locked-path'); // the copy kept going stale: another process is busy with this decision
    return batch.slice(1);
  }

  private async attempt(
    tx: SqlRunner,
    decisionId: string,
    entry: Entry,
    batch: Job[],
  ): Promise<Batch | 'stale' | null> {
    // Bumping the version takes the row's lock (PostgreSQL; SQLite holds the write lock already).
    const [locked] = await tx.all<{ version: number; partnershipId: string }>(
      'UPDATE "Decision" SET "version" = "version" + 1, "updatedAt" = $2 WHERE "id" = $1 RETURNING "version", "partnershipId"',
      [decisionId, new Date()],
    );
    if (!locked) return null;
    const [partnership] = await tx.all<{ rosterVersion: number }>(
      'SELECT "rosterVersion" FROM "Partnership" WHERE "id" = $1',
      [locked.partnershipId],
    );
    if (Number(locked.version) !== entry.version + 1 || Number(partnership?.rosterVersion) !== entry.rosterVersion)
      return 'stale';
    let state = entry.state;
    let wrote = false;
    let erased = false;
    const done: Batch['done'] = [];
    for (const job of batch) {
      const plan = job.decide(state);
      // anything this path cannot write: the locked path, from here on
      if (!writable(state, plan)) break;
      if (!(await mayWrite(this.seam, tx, job))) {
        done.push(SKIPPED);
        continue;
      }
      const before = state; // in stored order
      for (const change of plan.changes) {
        if (isVote(change)) state = await writeVote(tx, state, plan, change);
        else if (isRowChange(change)) {
          erased ||= change.type === 'close' && state.decision.ballot === 'secret';
          state = await writeRowChange(tx, state, plan, change);
        }
        wrote = true;
      }
      // rows in the order a fresh read gives them (the rows of one batch often share a millisecond)
      if (plan.changes.length) state = inStoredOrder(state, before);
      done.push({ state, outcome: plan.outcome });
    }
    if (!done.length) throw new NeedsLock(); // rolls back the version bump too
    let version = Number(locked.version);
    if (wrote)
      version = Number(
        (await tx.all<{ version: number }>('SELECT "version" FROM "Decision" WHERE "id" = $1', [decisionId]))[0]
          ?.version,
      );
    return { done, entry: { state: deepFreeze(state), version, rosterVersion: entry.rosterVersion }, erased };
  }

  /** Versions first, then the state: a write in between makes the copy look older than it is, never newer. */
  private async fresh(decisionId: string): Promise<Entry | null> {
    const [v] = await this.sql.all<{ version: number; rosterVersion: number }>(
      'SELECT d."version", p."rosterVersion" FROM "Decision" d JOIN "Partnership" p ON p."id" = d."partnershipId" WHERE d."id" = $1',
      [decisionId],
    );
    if (!v) return null;
    const version = Number(v.version);
    const rosterVersion = Number(v.rosterVersion);
    const hit = this.entries.get(decisionId);
    if (hit && hit.version === version && hit.rosterVersion === rosterVersion) return hit;
    const state = await loadState(this.db, decisionId);
    if (!state) return null;
    this.reloads++;
    const entry = { state: deepFreeze(state), version, rosterVersion };
    this.remember(decisionId, entry);
    return entry;
  }

  private remember(decisionId: string, entry: Entry): void {
    const held = this.entries.get(decisionId);
    if (held && held.version > entry.version && held.rosterVersion >= entry.rosterVersion) return; // a newer copy is already here
    this.entries.delete(decisionId);
    if (this.entries.size >= MAX_CACHED) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(decisionId, entry);
  }
}
