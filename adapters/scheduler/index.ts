// Scheduled jobs. A job is a plain, repeat-safe function of `now` (it must be harmless to run
// twice or late: it works out what is due and records what it did); node-cron only triggers it.
// A database lease makes sure only one of several server processes runs jobs at a time.
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { App } from '../server/app.ts';
import type { Db } from '../persistence/database.ts';

export interface Job {
  name: string;
  /** node-cron expression, evaluated in Europe/London */
  schedule: string;
  run(now: Date): Promise<void>;
}

const LEASE = 'scheduler';
const LEASE_MS = 60_000;

/** Take or renew the lease; true when this process holds it. Expired leases (a crashed holder) are taken over. */
export async function acquireLease(db: Db, holder: string, now: Date, name = LEASE, ms = LEASE_MS): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch {
    return false; // someone else holds it
  }
}

export async function releaseLease(db: Db, holder: string, name = LEASE): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}

export class Scheduler {
  readonly jobs: Job[] = [];
  private readonly holder = randomUUID();
  private tasks: { stop(): void | Promise<void> }[] = [];

  constructor(private readonly app: App) {}

  add(job: Job): void {
    this.jobs.push(job);
  }

  /** Run one job now if this process holds the lease (also what tests and catch-up call). */
  async tick(job: Job, now = this.app.clock.now()): Promise<boolean> {
    if (!(await acquireLease(this.app.database.db, this.holder, now))) return false;
    try {
      await job.run(now);
    } catch (error) {
      this.app.logger.error('scheduled job failed', { key: job.name, code: (error as { code?: string }).code, error: error as Error });
    }
    return true;
  }

  start(): void {
    for (const job of this.jobs) {
      this.tasks.push(cron.schedule(job.schedule, () => void this.tick(job), { timezone: 'Europe/London', name: job.name }));
    }
    // Catch up once at start: anything that fell due while no process was running.
    for (const job of this.jobs) void this.tick(job);
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
    await releaseLease(this.app.database.db, this.holder).catch(() => undefined);
  }
}
