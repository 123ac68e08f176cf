// Scheduled jobs. A job is a plain, repeat-safe function of `now` (it must be harmless to run
// twice or late: it works out what is due and records what it did); node-cron only triggers it.
// Partnership jobs also take a scope: the playground's sandbox partnerships live on its pretend
// clock, everything else on the real one; maintenance jobs only ever run on the real clock.
// A database lease makes sure only one of several server processes runs jobs at a time; a
// process that crashes stops renewing it and another takes over once it has expired.
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { Leases } from '../persistence/maintenance-store.ts';
import type { Clock, Logger, PartnershipScope } from '../../src/services/ports/index.ts';

/** Work on partnerships (decisions, review season): run per scope, each at its own clock's time. */
export interface PartnershipJob {
  name: string;
  /** node-cron expression, evaluated in Europe/London */
  schedule: string;
  kind: 'partnerships';
  /**
   * Must touch only the partnerships in `scope`. A long job watches `stop`: once it is aborted (the
   * server is shutting down) it ends after the step it is in, leaving the rest to a later run.
   */
  run(now: Date, scope: PartnershipScope, stop: AbortSignal): Promise<void>;
}

/** Housekeeping of the whole database (retention, delivery keys): real time only, never the playground's. */
export interface MaintenanceJob {
  name: string;
  schedule: string;
  kind: 'maintenance';
  run(now: Date, stop: AbortSignal): Promise<void>;
}

export type Job = PartnershipJob | MaintenanceJob;

export const SCHEDULER_LEASE = 'scheduler';
export const LEASE_MS = 60_000;

/** Take or renew the scheduler's lease; true when this holder has it. Expired leases (a crashed holder) are taken over. */
export function acquireLease(
  leases: Leases,
  holder: string,
  now: Date,
  name = SCHEDULER_LEASE,
  ms = LEASE_MS,
): Promise<boolean> {
  return leases.acquire(holder, now, name, ms);
}

export function releaseLease(leases: Leases, holder: string, name = SCHEDULER_LEASE): Promise<void> {
  return leases.release(holder, name);
}

/** What the scheduler needs: the lease shared by every server process, the real clock, a log. */
export interface SchedulerHost {
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

export class Scheduler {
  readonly jobs: Job[] = [];
  readonly holder = randomUUID();
  private tasks: { stop(): void | Promise<void> }[] = [];
  private readonly running = new Set<Promise<boolean>>();
  private readonly leaseMs: number;
  private stopped = false;
  /** aborted by halt(): running jobs stop after their current step */
  private readonly halting = new AbortController();
  private stopping: Promise<void> | null = null;
  private sandboxClock: Clock | null = null;

  constructor(
    private readonly host: SchedulerHost,
    options: { leaseMs?: number } = {},
  ) {
    this.leaseMs = options.leaseMs ?? LEASE_MS;
  }

  add(job: Job): void {
    this.jobs.push(job);
  }

  /**
   * The playground's pretend clock: from now on partnership jobs run twice per tick, for the live
   * partnerships at the real time and for the playground's sandbox at this clock's time.
   */
  useSandboxClock(clock: Clock): void {
    this.sandboxClock = clock;
  }

  /**
   * Run one job now if this process holds the lease (cron, the catch-up run and tests). `at`
   * (tests) is the real time, and stands for the sandbox clock's too; otherwise each scope's clock says.
   */
  tick(job: Job, at?: Date): Promise<boolean> {
    const now = at ?? this.host.clock.now();
    const sandbox = this.sandboxClock;
    const stop = this.halting.signal;
    return this.track(
      this.runOnce(job, now, async () => {
        if (job.kind === 'maintenance') return job.run(now, stop);
        if (!sandbox) return this.guarded(job, 'all', () => job.run(now, 'all', stop));
        await this.guarded(job, 'live', () => job.run(now, 'live', stop));
        if (stop.aborted) return;
        await this.guarded(job, 'sandbox', () => job.run(at ?? sandbox.now(), 'sandbox', stop));
      }),
    );
  }

  /** The playground's "run scheduled jobs now": a partnership job for the sandbox only, at its clock's time. */
  runSandbox(job: PartnershipJob): Promise<boolean> {
    const clock = this.sandboxClock ?? this.host.clock;
    return this.track(
      this.runOnce(job, this.host.clock.now(), () => job.run(clock.now(), 'sandbox', this.halting.signal)),
    );
  }

  private track(run: Promise<boolean>): Promise<boolean> {
    this.running.add(run);
    run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  /** One scope's failure is logged and does not keep the other from running. */
  private async guarded(job: Job, scope: PartnershipScope, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.host.logger.error('scheduled job failed', {
        key: job.name,
        scope,
        code: (error as { code?: string }).code,
        error: error as Error,
      });
    }
  }

  /** `realNow`: the lease is always taken at the real time, never a pretended one (it would hold it for years). */
  private async runOnce(job: Job, realNow: Date, work: () => Promise<void>): Promise<boolean> {
    if (this.stopped) return false;
    const { leases } = this.host;
    try {
      if (!(await acquireLease(leases, this.holder, realNow, SCHEDULER_LEASE, this.leaseMs))) return false;
    } catch (error) {
      this.host.logger.error('scheduler lease unavailable', {
        key: job.name,
        code: (error as { code?: string }).code,
        error: error as Error,
      });
      return false;
    }
    // Renew while the job runs, so a long run is not mistaken for a crashed holder.
    const heartbeat = setInterval(
      () => {
        acquireLease(leases, this.holder, this.host.clock.now(), SCHEDULER_LEASE, this.leaseMs).catch(() => undefined);
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await work();
    } catch (error) {
      this.host.logger.error('scheduled job failed', {
        key: job.name,
        code: (error as { code?: string }).code,
        error: error as Error,
      });
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  /** Schedules every job, then catches up once (anything that fell due while no process ran). */
  start(): Promise<void> {
    for (const job of this.jobs) {
      this.tasks.push(
        cron.schedule(job.schedule, () => void this.tick(job), { timezone: 'Europe/London', name: job.name }),
      );
    }
    return (async () => {
      for (const job of this.jobs) await this.tick(job); // one at a time: they share the lease
    })();
  }

  /**
   * Starts no more runs and tells the running jobs to stop: each ends after the step it is in (the
   * review sweep, after the message it is sending). Synchronous, so shutdown can call it first.
   */
  halt(): void {
    this.stopped = true;
    this.halting.abort();
  }

  /** Halts, then waits for the running jobs to end before the database closes, and gives the lease up. */
  stop(): Promise<void> {
    this.halt();
    this.stopping ??= (async () => {
      for (const t of this.tasks) await t.stop();
      this.tasks = [];
      await Promise.allSettled([...this.running]);
      await releaseLease(this.host.leases, this.holder).catch(() => undefined);
    })();
    return this.stopping;
  }
}
