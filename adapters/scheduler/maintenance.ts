// Housekeeping for several server processes sharing one database: the de-duplication keys of
// inbound deliveries (claimDelivery) are kept a day, far longer than Slack and Teams retry, then
// removed, so the table stays small however many clicks and events arrive. Repeat-safe.
import { pruneDeliveries } from '../persistence/deliveries.ts';
import type { App } from '../server/app.ts';

export const DELIVERY_KEEP_MS = 24 * 60 * 60 * 1000;

export async function pruneOldDeliveries(app: Pick<App, 'database' | 'logger'>, now: Date): Promise<number> {
  const removed = await pruneDeliveries(app.database.db, new Date(now.getTime() - DELIVERY_KEEP_MS));
  if (removed) app.logger.info('old delivery keys removed', { count: removed });
  return removed;
}

export function registerMaintenance(app: App): void {
  app.scheduler.add({
    name: 'prune-deliveries',
    schedule: '15 4 * * *',
    kind: 'maintenance',
    run: (now) => pruneOldDeliveries(app, now).then(() => undefined),
  });
}
