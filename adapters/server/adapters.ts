// Which adapters run: each registers its routes, notifier and jobs with the app. Slack runs when
// configured; Teams always (authentication decides who may talk to it); the playground and the
// scheduler unless switched off.
import type { App } from './app.ts';
import { registerPrivacy } from '../privacy/register.ts';
import { registerReview } from '../review/index.ts';
import { registerDecisions } from '../scheduler/decisions.ts';
import { registerMaintenance } from '../scheduler/maintenance.ts';
import { registerPolicies } from '../scheduler/policies.ts';
import { registerSlack } from '../slack/index.ts';
import { registerTeams } from '../teams/index.ts';
import { registerPlayground } from '../web/index.ts';

export async function registerAdapters(app: App): Promise<void> {
  // Each adapter adds one line here: `await registerX(app)`.
  registerPrivacy(app);
  registerMaintenance(app);
  await registerDecisions(app);
  registerReview(app);
  registerPolicies(app);
  if (app.config.slack.enabled) await registerSlack(app);
  await registerTeams(app);
  await registerPlayground(app);
  if (app.config.SCHEDULER) app.scheduler.start();
  app.inbox.start(); // once every platform has registered how to process its recovered items
}
