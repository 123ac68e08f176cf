// The retention job: once a night, erase people whose membership ended longer ago than their
// partnership's retention period (settings.retentionMonths). Repeat-safe: erased people are skipped.
import { eraseExpired } from '../persistence/privacy.ts';
import type { App } from '../server/app.ts';

export async function runRetention(app: App, now: Date): Promise<number> {
  let erased = 0;
  for (const p of await app.stores.rosters.listPartnerships()) {
    erased += await eraseExpired(app.database.db, p.id, p.settings.retentionMonths, now);
  }
  if (erased) app.logger.info('retention: personal data erased', { count: erased });
  return erased;
}

export function registerPrivacy(app: App): void {
  app.scheduler.add({
    name: 'retention',
    schedule: '30 3 * * *',
    kind: 'maintenance',
    run: (now) => runRetention(app, now).then(() => undefined),
  });
}
