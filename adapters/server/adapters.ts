// Which adapters run: each registers its routes, notifier and jobs with the app. Slack and Teams
// run when configured; the playground and the scheduler unless switched off.
import type { App } from './app.ts';
import { registerPrivacy } from '../privacy/register.ts';
import { registerMaintenance } from '../scheduler/maintenance.ts';

export async function registerAdapters(app: App): Promise<void> {
  // Each adapter adds one line here: `await registerX(app)`.
  registerPrivacy(app);
  registerMaintenance(app);
  if (app.config.SCHEDULER) app.scheduler.start();
}
