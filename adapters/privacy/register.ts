// The retention job: once a night, erase people whose membership ended longer ago than their
// partnership's retention period (settings.retentionMonths). Repeat-safe: erased people are skipped.
import type { Logger, RosterStore } from '../../src/services/ports/index.ts';
import type { PersonalData } from '../persistence/maintenance-store.ts';
import type { Scheduler } from '../scheduler/index.ts';

/** What the retention job needs from the app. */
export interface RetentionContext {
  rosters: Pick<RosterStore, 'listPartnerships'>;
  personalData: Pick<PersonalData, 'eraseExpired'>;
  logger: Logger;
}

export async function runRetention(ctx: RetentionContext, now: Date): Promise<number> {
  let erased = 0;
  for (const p of await ctx.rosters.listPartnerships()) {
    erased += await ctx.personalData.eraseExpired(p.id, p.settings.retentionMonths, now);
  }
  if (erased) ctx.logger.info('retention: personal data erased', { count: erased });
  return erased;
}

export function registerPrivacy(app: {
  scheduler: Pick<Scheduler, 'add'>;
  stores: { rosters: RetentionContext['rosters'] };
  platform: { personalData: PersonalData };
  logger: Logger;
}): void {
  const ctx: RetentionContext = {
    rosters: app.stores.rosters,
    personalData: app.platform.personalData,
    logger: app.logger,
  };
  app.scheduler.add({
    name: 'retention',
    schedule: '30 3 * * *',
    kind: 'maintenance',
    run: (now) => runRetention(ctx, now).then(() => undefined),
  });
}
