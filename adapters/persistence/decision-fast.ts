// The vote path, made cheap (docs/database.md, "Caches"). A decision's state is cached under its
// version and its partnership's roster version (both bumped by database triggers on any change,
// whichever process or tool made it). A vote then takes the row lock by bumping the version: if
// the new number is the cached one plus one, nothing changed since it was read, so the core
// decides on the cached state and the vote and its audit row are written (decision-votes.ts) as
// prepared statements. A stale copy is reloaded and the vote decided again. This path writes
// plans made only of votes; a plan with any other change (a declaration, a recusal, a close: the
// vote that completes a ballot closes it), or a vote whose copy another process keeps making stale,
// is refused here and done by the locked transaction in decision-store.ts, which reads afresh
// under the row's lock and so always makes progress.
import type { DecisionState, Plan } from '../../src/domain/decisions/types.ts';
import type { Db } from './database.ts';
import { loadState } from './decision-rows.ts';
import { isVote, writeVote, type VoteChange } from './decision-votes.ts';
import type { FastSql, SqlRunner } from './fast-sql.ts';
import { deepFreeze } from '../../src/domain/freeze.ts';

interface Entry {
  state: DecisionState;
  version: number;
  rosterVersion: number;
}

/** Thrown inside the transaction to roll it back and leave the request to the locked path. */
class NeedsLock extends Error {}

/** The result, null when there is no such decision, or 'locked-path' when this path refuses the plan. */
export type Applied<T> = { state: DecisionState; outcome: T } | null | 'locked-path';

/** Points where a test can hold the path (test/persistence/caches.test.ts), injected, never mocked. */
export interface FastPathHooks {
  /** A request joined the queue of its decision; `queued` are waiting for the next transaction. */
  queued?(decisionId: string, queued: number): void;
  /** Before each attempt's transaction begins, its copy in hand and no lock held: `jobs` requests are in the batch. */
  beforeTransaction?(decisionId: string, jobs: number, attempt: number): Promise<void>;
}

interface Job {
  decide: (state: DecisionState) => Plan<unknown>;
  resolve: (result: Applied<unknown>) => void;
  reject: (error: unknown) => void;
}

/**
 * The jobs of a batch settled in one transaction (in order, from the first) and the copy it left;
 * when they are fewer than the batch, the next job's plan was refused (it needs the locked path).
 */
interface Batch {
  done: Applied<unknown>[];
  entry: Entry | null;
}

const MAX_CACHED = 500;
const ATTEMPTS = 3;
/** requests decided in one transaction at most */
const MAX_BATCH = 64;

export class DecisionFastPath {
  private readonly entries = new Map<string, Entry>();
  /** Requests about one decision run one batch at a time in this process, so each finds the last one's copy. */
  private readonly waiting = new Map<string, Job[]>();
  private readonly draining = new Set<string>();
  /** how often a copy had to be read from the database (the benchmark reports it) */
  reloads = 0;

  constructor(
    private readonly db: Db,
    private readonly sql: FastSql,
    private readonly hooks: FastPathHooks = {},
  ) {}

  /** The current state, from the cache while its versions are unchanged. */
  async find(decisionId: string): Promise<DecisionState | null> {
    return (await this.fresh(decisionId))?.state ?? null;
  }

  forget(decisionId: string): void {
    this.entries.delete(decisionId);
  }

  /**
   * Runs the plan on the fast path: the result, null when there is no such decision, or
   * 'locked-path' when the locked transaction must do it (a change other than a vote, or a copy
   * that kept going stale because another process is busy with the same decision). Requests about one
   * decision that arrive while a transaction is running are decided one after another in the
   * next transaction: one commit (one disk flush) for a burst of votes, each still committed
   * before its caller hears the result.
   */
  apply<T>(decisionId: string, decide: (state: DecisionState) => Plan<T>): Promise<Applied<T>> {
    return new Promise<Applied<T>>((resolve, reject) => {
      const job: Job = { decide, resolve: resolve as Job['resolve'], reject };
      const queue = [...(this.waiting.get(decisionId) ?? []), job];
      this.waiting.set(decisionId, queue);
      this.hooks.queued?.(decisionId, queue.length);
      if (!this.draining.has(decisionId)) void this.drain(decisionId);
    });
  }

  private async drain(decisionId: string): Promise<void> {
    this.draining.add(decisionId);
    try {
      for (let jobs = this.waiting.get(decisionId); jobs?.length; jobs = this.waiting.get(decisionId)) {
        this.waiting.delete(decisionId);
        const batch = jobs.slice(0, MAX_BATCH);
        const rest = [...jobs.slice(MAX_BATCH), ...(await this.runBatch(decisionId, batch))];
        if (rest.length) this.waiting.set(decisionId, [...rest, ...(this.waiting.get(decisionId) ?? [])]);
      }
    } finally {
      this.draining.delete(decisionId);
    }
  }

  /** Settles the jobs it could and returns those left for the next batch, in order. */
  private async runBatch(decisionId: string, batch: Job[]): Promise<Job[]> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let result: Batch | 'stale' | null;
      try {
        const entry = this.entries.get(decisionId) ?? (await this.fresh(decisionId));
        await this.hooks.beforeTransaction?.(decisionId, batch.length, attempt);
        result = entry && (await this.sql.transaction((tx) => this.attempt(tx, decisionId, entry, batch)));
      } catch (error) {
        if (!(error instanceof NeedsLock)) {
          for (const job of batch) job.reject(error);
          return [];
        }
        result = { done: [], entry: null };
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
      result.done.forEach((outcome, i) => batch[i]!.resolve(outcome));
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
    const done: Applied<unknown>[] = [];
    for (const job of batch) {
      const plan = job.decide(state);
      if (plan.changes.length > 0) {
        const votes = plan.changes.filter(isVote);
        // anything but a vote, or a voter this copy does not name: the locked path, from here on
        if (votes.length !== plan.changes.length || !votes.every((c) => canWriteVote(state, c))) break;
        for (const change of votes) state = await writeVote(tx, state, plan, change);
        wrote = true;
      }
      done.push({ state, outcome: plan.outcome });
    }
    if (!done.length) throw new NeedsLock(); // rolls back the version bump too
    let version = Number(locked.version);
    if (wrote)
      version = Number(
        (await tx.all<{ version: number }>('SELECT "version" FROM "Decision" WHERE "id" = $1', [decisionId]))[0]
          ?.version,
      );
    return { done, entry: { state: deepFreeze(state), version, rosterVersion: entry.rosterVersion } };
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

/** This copy can say what a fresh read would give after the vote: it names the voter, and the vote it replaces is the one stored. */
const canWriteVote = (state: DecisionState, c: VoteChange): boolean =>
  !!state.people[c.personId] && state.votes.find((v) => v.personId === c.personId)?.option === c.replaces;
