// Registers the decisions job: every minute, close what is overdue and send reminders that are
// due. The logic is src/decisions/jobs.ts; running it twice or late is harmless.
import { runDecisionJobs } from '../../src/decisions/jobs.ts';
import type { App } from '../server/app.ts';

export const DECISIONS_JOB = 'decisions';

export async function registerDecisions(app: App): Promise<void> {
  app.scheduler.add({
    name: DECISIONS_JOB,
    schedule: '* * * * *',
    async run(now) {
      await runDecisionJobs({ stores: app.stores, clock: app.clock, logger: app.logger, notifier: app.notifier }, now);
    },
  });
}
