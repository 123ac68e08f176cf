// The nightly housekeeping job removes delivery keys older than a day and keeps recent ones, so
// retries are still recognised while the table stays small.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../adapters/persistence/deliveries.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('delivery key housekeeping', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('is scheduled, removes keys older than a day and keeps the rest', async () => {
    const job = t.app.scheduler.jobs.find((j) => j.name === 'prune-deliveries');
    expect(job?.schedule).toBe('15 4 * * *');
    const db = t.app.database.db;
    const now = new Date('2026-11-23T04:15:00Z');
    await db.processedDelivery.createMany({
      data: [
        { key: 'slack:old', createdAt: new Date('2026-11-22T04:14:00Z') },
        { key: 'teams:old', createdAt: new Date('2026-11-20T10:00:00Z') },
        { key: 'slack:recent', createdAt: new Date('2026-11-22T04:16:00Z') },
      ],
    });
    expect(await t.app.scheduler.tick(job!, now)).toBe(true);
    expect((await db.processedDelivery.findMany({ orderBy: { key: 'asc' } })).map((d) => d.key)).toEqual([
      'slack:recent',
    ]);
    expect(await claimDelivery(t.app.database, 'slack:recent')).toBe(false); // still recognised as a retry
    expect(await claimDelivery(t.app.database, 'slack:old')).toBe(true);
  });
});
