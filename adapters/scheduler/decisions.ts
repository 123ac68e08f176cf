// Registers the decisions job: every minute, close what is overdue, notice joins and departures
// on open decisions (and prompt who joined), and send reminders that are due. The logic is
// src/services/decisions/jobs.ts; running it twice or late is harmless.
import { runDecisionJobs } from '../../src/services/decisions/jobs.ts';
import type { App } from '../server/app.ts';

export const DECISIONS_JOB = 'decisions';

export async function registerDecisions(app: App): Promise<void> {
  app.scheduler.add({
    name: DECISIONS_JOB,
    schedule: '* * * * *',
    kind: 'partnerships',
    async run(now, scope) {
      // The job's own time (the playground's pretend one for its sandbox), not the app's clock;
      // what it closes and reminds is announced through the app's events (src/bot/notifications).
      await runDecisionJobs(
        { stores: app.stores, clock: { now: () => now }, logger: app.logger, events: app.events },
        now,
        scope,
      );
    },
  });
}
