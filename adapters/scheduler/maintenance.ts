// Housekeeping for several server processes sharing one database: inbox items done or failed
// (their bodies already erased) keep their key a day, far longer than Slack and Teams retry, so a
// re-delivery is still recognised; then they are removed, so the table stays small however many
// clicks and events arrive. Pending items are never removed here. Repeat-safe.
import type { Logger } from '../../src/services/ports/index.ts';
import type { InboxStore } from '../persistence/inbox-store.ts';
import type { Scheduler } from './index.ts';

export const DELIVERY_KEEP_MS = 24 * 60 * 60 * 1000;

/** What the housekeeping job needs from the app. */
export interface MaintenanceContext {
  inbox: Pick<InboxStore, 'forgetBefore'>;
  logger: Logger;
}

export async function pruneOldDeliveries(ctx: MaintenanceContext, now: Date): Promise<number> {
  const removed = await ctx.inbox.forgetBefore(new Date(now.getTime() - DELIVERY_KEEP_MS));
  if (removed) ctx.logger.info('old inbox items removed', { count: removed });
  return removed;
}

export function registerMaintenance(app: {
  scheduler: Pick<Scheduler, 'add'>;
  platform: { inbox: InboxStore };
  logger: Logger;
}): void {
  const ctx: MaintenanceContext = { inbox: app.platform.inbox, logger: app.logger };
  app.scheduler.add({
    name: 'prune-deliveries',
    schedule: '15 4 * * *',
    kind: 'maintenance',
    run: (now) => pruneOldDeliveries(ctx, now).then(() => undefined),
  });
}
