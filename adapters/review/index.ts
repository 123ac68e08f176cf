// Review season in the server: an hourly job (at :05, Europe/London) that runs the sweep with the
// app's clock. The logic is in src/services/review/sweep.ts; its messages are events the app's bus
// hands to src/bot/notifications/review.ts. Cron only triggers it, and the sweep itself makes sure
// nothing is sent twice, whoever runs it and however often. At shutdown the scheduler's stop
// signal ends the sweep after the message it is sending (its batch's other claims handed back).
import { runReviewSweep } from '../../src/services/review/sweep.ts';
import type { PartnershipScope } from '../../src/services/ports/index.ts';
import type { App } from '../server/app.ts';

export const REVIEW_JOB = 'review-season';
/** minute 5 of every hour; quiet hours and Sundays are left out by the sweep, per partnership */
export const REVIEW_SCHEDULE = '5 * * * *';

export function registerReview(app: App): void {
  const running = new Map<PartnershipScope, Promise<unknown>>();
  app.scheduler.add({
    name: REVIEW_JOB,
    schedule: REVIEW_SCHEDULE,
    kind: 'partnerships',
    async run(now, scope, stop) {
      // A big opening day can take longer than an hour with pacing: one sweep at a time per process and scope.
      if (running.has(scope)) return;
      const sweep = runReviewSweep(
        {
          stores: app.stores,
          clock: app.clock,
          logger: app.logger,
          events: app.events,
          paceMs: app.config.REVIEW_SEND_INTERVAL_MS,
          signal: stop,
        },
        now,
        scope,
      );
      running.set(scope, sweep);
      try {
        await sweep;
      } finally {
        running.delete(scope);
      }
    },
  });
}
