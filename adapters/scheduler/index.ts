// Scheduled jobs. A job is a plain, repeat-safe function of `now` (it must be harmless to run
// twice or late: it works out what is due and records what it did); node-cron only triggers it.
// A database lease makes sure only one of several server processes runs jobs at a time; a
// process that crashes stops renewing it and another takes over once it has expired.
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { App } from '../server/app.ts';
import type { Db } from '../persistence/database.ts';
import { acquireLease as takeLease, releaseLease as dropLease } from '../persistence/lease.ts';

export interface Job {
  name: string;
  /** node-cron expression, evaluated in Europe/London */
  schedule: string;
  run(now: Date): Promise<void>;
}

export const SCHEDULER_LEASE = 'scheduler';
export const LEASE_MS = 60_000;

/** Take or renew the lease; true when this process holds it. Expired leases (a crashed holder) are taken over. */
export function acquireLease(db: Db, holder: string, now: Date, name = SCHEDULER_LEASE, ms = LEASE_MS): Promise<boolean> {
  return takeLease(db, holder, now, name, ms);
}

export function releaseLease(db: Db, holder: string, name = SCHEDULER_LEASE): Promise<void> {
  return dropLease(db, holder, name);
}

/** What the scheduler needs from the app (the whole App satisfies it). */
export type SchedulerHost = Pick<App, 'database' | 'clock' | 'logger'>;

export class Scheduler {
  readonly jobs: Job[] = [];
  readonly holder = randomUUID();
  private tasks: { stop(): void | Promise<void> }[] = [];
  private readonly running = new Set<Promise<boolean>>();
  private readonly leaseMs: number;
  private stopped = false;

  constructor(private readonly app: SchedulerHost, options: { leaseMs?: number } = {}) {
    this.leaseMs = options.leaseMs ?? LEASE_MS;
  }

  add(job: Job): void {
    this.jobs.push(job);
  }

  /** Run one job now if this process holds the lease (also what tests and catch-up call). */
  tick(job: Job, now = this.app.clock.now()): Promise<boolean> {
    const run = this.runOnce(job, now);
    this.running.add(run);
    run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  private async runOnce(job: Job, now: Date): Promise<boolean> {
    if (this.stopped) return false;
    const db = this.app.database.db;
    try {
      if (!(await acquireLease(db, this.holder, now, SCHEDULER_LEASE, this.leaseMs))) return false;
    } catch (error) {
      this.app.logger.error('scheduler lease unavailable', { key: job.name, code: (error as { code?: string }).code, error: error as Error });
      return false;
    }
    // Renew while the job runs, so a long run is not mistaken for a crashed holder.
    const heartbeat = setInterval(() => {
      acquireLease(db, this.holder, this.app.clock.now(), SCHEDULER_LEASE, this.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      await job.run(now);
    } catch (error) {
      this.app.logger.error('scheduled job failed', { key: job.name, code: (error as { code?: string }).code, error: error as Error });
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  /** Schedules every job, then catches up once (anything that fell due while no process ran). */
  start(): Promise<void> {
    for (const job of this.jobs) {
      this.tasks.push(cron.schedule(job.schedule, () => void this.tick(job), { timezone: 'Europe/London', name: job.name }));
    }
    return (async () => {
      for (const job of this.jobs) await this.tick(job); // one at a time: they share the lease
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
    await Promise.allSettled([...this.running]); // let a running job finish before the database closes
    await releaseLease(this.app.database.db, this.holder).catch(() => undefined);
  }
}
