// Group commit for the writes every click makes (docs/database.md, "Group commit"). Requests that
// arrive while a transaction is running wait for the next one and are written together: a burst
// costs one commit (one disk flush on SQLite) per batch, not one per request, and each request
// still hears its result only after its batch has committed. Used by the decision fast path (votes,
// declarations, recusals, closes: decision-fast.ts, which decides each request on a cached copy)
// and by the register of interests (register-store.ts, through `BatchedWriter`).
//
// A batch's transaction is shared by many requests, so it runs outside every request's async
// context (`detached`): nothing that reads the current request from an AsyncLocalStorage (a
// durable inbox marking "its" item done in whatever transaction it sees) can take a shared
// transaction for one request's own. What a request needs done in the transaction that writes it
// goes through the seam (`BatchSeam`): each queued job carries an opaque context, captured when it
// is queued, in the request's own async context (`context()`, for example an AsyncLocalStorage's
// store). `beforeWrite(tx, job)` runs inside the transaction that writes the job, just before its
// writes, with the job's context: it may run SQL there (mark the request's inbox item done, in the
// same commit as its effect). It answers false when the job was already done (by another
// process): the job is then skipped, nothing of it is written, and its caller's promise rejects
// with `alreadyDone(job)` (default `AlreadyDone`). `committed(job)` is told once the transaction
// that wrote the job has committed. The seam runs wherever a job is written in a shared
// transaction: in a batch, and when a failed batch re-runs its jobs one by one. A transaction that
// writes for one request alone in that request's own context (the decisions' locked transaction,
// decision-store.ts) does not call it: there the request's own context is current.
import { AsyncResource } from 'node:async_hooks';
import type { SqlRunner } from './fast-sql.ts';

/** A queued request, as `BatchSeam.beforeWrite` sees it. */
export interface QueuedJob {
  /** what `BatchSeam.context` returned when the request was queued */
  readonly context: unknown;
}

export interface BatchSeam {
  /** Called as each request is queued, in its own async context; the value travels with the job. */
  context?(): unknown;
  /** Inside the job's transaction, before its writes; false: already done, skip it (`alreadyDone`). */
  beforeWrite?(tx: SqlRunner, job: QueuedJob): Promise<boolean>;
  /** The error a skipped job's caller gets (default `AlreadyDone`). */
  alreadyDone?(job: QueuedJob): Error;
  /** The transaction that wrote the job (after `beforeWrite` said true) has committed. */
  committed?(job: QueuedJob): void;
  /**
   * True when the job's write can be done again from a record already on disk if its commit is
   * lost (a pending inbox item that this commit marks done): such a commit needs no disk sync.
   */
  recoverable?(job: QueuedJob): boolean;
}

/** A transaction writing these jobs must sync the disk unless the seam can recover every one of them. */
export const mustSync = (seam: BatchSeam, jobs: readonly QueuedJob[]): boolean =>
  !seam.recoverable || !jobs.every((job) => seam.recoverable!(job));

/** Runs `fn` in the async context this module was loaded in: no request's. */
const detached = AsyncResource.bind((fn: () => void) => fn());

/** The request was already done (`BatchSeam.beforeWrite` said so): nothing of it was written. */
export class AlreadyDone extends Error {
  constructor() {
    super('this request was already done');
    this.name = 'AlreadyDone';
  }
}

/** Points where a test can hold or count batches (injected, never mocked). */
export interface BatchHooks {
  /** A request joined the queue of `key`; `queued` are waiting for the next transaction. */
  queued?(key: string, queued: number): void;
  /** Before each transaction of a batch begins, no lock held: `jobs` requests are in it; `attempt` counts from 0. */
  beforeTransaction?(key: string, jobs: number, attempt: number): Promise<void>;
}

/** True when the job may be written; false when the seam says it was already done. */
export const mayWrite = async (seam: BatchSeam, tx: SqlRunner, job: QueuedJob): Promise<boolean> =>
  !seam.beforeWrite || (await seam.beforeWrite(tx, job));

/** What the caller of a job the seam skipped is told. */
export const skipped = (seam: BatchSeam, job: QueuedJob): Error => seam.alreadyDone?.(job) ?? new AlreadyDone();

export interface Settles {
  reject(error: unknown): void;
}

/**
 * Requests queued per key (a decision, a partnership) and handed to `run` in arrival order, at
 * most `max` at a time: while one batch of a key runs, later requests for it wait for the next.
 * `run` settles the jobs it can and returns those left for the next batch, which go first.
 */
export class BatchQueue<J extends Settles> {
  private readonly waiting = new Map<string, J[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly run: (key: string, batch: J[]) => Promise<J[]>,
    private readonly max: number,
    private readonly hooks: BatchHooks = {},
  ) {}

  push(key: string, job: J): void {
    const queue = [...(this.waiting.get(key) ?? []), job];
    this.waiting.set(key, queue);
    this.hooks.queued?.(key, queue.length);
    if (!this.draining.has(key)) detached(() => void this.drain(key));
  }

  private async drain(key: string): Promise<void> {
    this.draining.add(key);
    try {
      for (let jobs = this.waiting.get(key); jobs?.length; jobs = this.waiting.get(key)) {
        this.waiting.delete(key);
        const batch = jobs.slice(0, this.max);
        let left: J[];
        try {
          left = await this.run(key, batch);
        } catch (error) {
          for (const job of batch) job.reject(error);
          left = [];
        }
        const rest = [...jobs.slice(this.max), ...left];
        if (rest.length) this.waiting.set(key, [...rest, ...(this.waiting.get(key) ?? [])]);
      }
    } finally {
      this.draining.delete(key);
    }
  }
}

interface WriteJob<Tx> extends QueuedJob, Settles {
  write(tx: Tx): Promise<unknown>;
  resolve(value: unknown): void;
}

const SKIPPED = Symbol('already done');

export interface WriterOptions<Tx> {
  /** one transaction: committed when `fn` resolves, rolled back when it throws */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** the same transaction as SQL, for the seam */
  sql(tx: Tx): SqlRunner;
  /** first thing in every transaction of `key` (a lock taken in one order by every process) */
  begin?(tx: Tx, key: string): Promise<void>;
  seam?: BatchSeam;
  hooks?: BatchHooks;
  /** requests written in one transaction at most */
  max?: number;
}

/**
 * Writes that do not depend on one another's results (each reads what it needs inside the
 * transaction), batched per key. A batch that fails is rolled back and its jobs written again one
 * per transaction, so one bad request fails alone and the others still commit.
 */
export class BatchedWriter<Tx> {
  private readonly queue: BatchQueue<WriteJob<Tx>>;

  constructor(private readonly options: WriterOptions<Tx>) {
    this.queue = new BatchQueue((key, batch) => this.runBatch(key, batch), options.max ?? 64, options.hooks);
  }

  /** Resolves with what `write` returned once its transaction has committed. */
  write<R>(key: string, write: (tx: Tx) => Promise<R>): Promise<R> {
    const context = this.options.seam?.context?.();
    return new Promise<R>((resolve, reject) =>
      this.queue.push(key, { context, write, resolve: resolve as (value: unknown) => void, reject }),
    );
  }

  private async runBatch(key: string, batch: WriteJob<Tx>[]): Promise<WriteJob<Tx>[]> {
    const { hooks } = this.options;
    await hooks?.beforeTransaction?.(key, batch.length, 0);
    try {
      const results = await this.options.transaction(async (tx) => {
        await this.options.begin?.(tx, key);
        const out: unknown[] = [];
        for (const job of batch) out.push(await this.one(tx, job));
        return out;
      });
      results.forEach((result, i) => this.settle(batch[i]!, result));
    } catch (error) {
      if (batch.length === 1) throw error;
      for (const job of batch) {
        try {
          await hooks?.beforeTransaction?.(key, 1, 1);
          const result = await this.options.transaction(async (tx) => {
            await this.options.begin?.(tx, key);
            return this.one(tx, job);
          });
          this.settle(job, result);
        } catch (alone) {
          job.reject(alone);
        }
      }
    }
    return [];
  }

  private async one(tx: Tx, job: WriteJob<Tx>): Promise<unknown> {
    if (!(await mayWrite(this.options.seam ?? {}, this.options.sql(tx), job))) return SKIPPED;
    return job.write(tx);
  }

  /** After the commit: the caller hears its result, the seam that its job is on disk. */
  private settle(job: WriteJob<Tx>, result: unknown): void {
    const seam = this.options.seam ?? {};
    if (result === SKIPPED) return job.reject(skipped(seam, job));
    seam.committed?.(job);
    job.resolve(result);
  }
}
