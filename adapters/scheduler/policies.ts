// Registers the policy review reminders: every day at 09:15 (Europe/London), remind the chair and
// the rep a month before a policy's review date and on the day. The logic is
// src/services/policies/jobs.ts; each reminder is recorded before it is sent, so running it twice,
// late, or on two servers sends it once.
import { runPolicyJobs } from '../../src/services/policies/jobs.ts';
import type { App } from '../server/app.ts';

export const POLICIES_JOB = 'policy-reviews';
export const POLICIES_SCHEDULE = '15 9 * * *';

export function registerPolicies(app: App): void {
  app.scheduler.add({
    name: POLICIES_JOB,
    schedule: POLICIES_SCHEDULE,
    kind: 'partnerships',
    async run(now, scope, stop) {
      await runPolicyJobs(
        { stores: app.stores, clock: { now: () => now }, logger: app.logger, events: app.events },
        now,
        scope,
        stop,
      );
    },
  });
}
