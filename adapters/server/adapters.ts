// Which adapters run: each registers its routes and jobs with the app. Slack and Teams run when
// configured; the playground and scheduler unless switched off.
import type { App } from './app.ts';

export async function registerAdapters(app: App): Promise<void> {
  void app; // adapters register here as they are added (Slack, Teams, playground, scheduler)
}
