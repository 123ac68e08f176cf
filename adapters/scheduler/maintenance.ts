// Housekeeping for several server processes sharing one database: the de-duplication keys of
// inbound deliveries (claimDelivery) are kept a day, far longer than Slack and Teams retry, then
// removed, so the table stays small however many clicks and events arrive. Repeat-safe.
import type { Logger } from '../../src/services/ports/index.ts';
import type { DeliveryKeys } from '../persistence/maintenance-store.ts';
import type { Scheduler } from './index.ts';

export const DELIVERY_KEEP_MS = 24 * 60 * 60 * 1000;

/** What the housekeeping job needs from the app. */
export interface MaintenanceContext {
  deliveries: Pick<DeliveryKeys, 'forgetBefore'>;
  logger: Logger;
}

export async function pruneOldDeliveries(ctx: MaintenanceContext, now: Date): Promise<number> {
  const removed = await ctx.deliveries.forgetBefore(new Date(now.getTime() - DELIVERY_KEEP_MS));
  if (removed) ctx.logger.info('old delivery keys removed', { count: removed });
  return removed;
}

export function registerMaintenance(app: {
  scheduler: Pick<Scheduler, 'add'>;
  platform: { deliveries: DeliveryKeys };
  logger: Logger;
}): void {
  const ctx: MaintenanceContext = { deliveries: app.platform.deliveries, logger: app.logger };
  app.scheduler.add({
    name: 'prune-deliveries',
    schedule: '15 4 * * *',
    kind: 'maintenance',
    run: (now) => pruneOldDeliveries(ctx, now).then(() => undefined),
  });
}
