// Which adapters run: each registers its routes, notifier and jobs with the app. Slack and Teams
// run when configured; the playground and the scheduler unless switched off.
import type { App } from './app.ts';
import { registerTeams } from '../teams/index.ts';

export async function registerAdapters(app: App): Promise<void> {
  // Each adapter adds one line here: `await registerX(app)`.
  await registerTeams(app); // always on: without MICROSOFT_APP_ID it runs unauthenticated for the Emulator, and says so
  if (app.config.SCHEDULER) app.scheduler.start();
}
