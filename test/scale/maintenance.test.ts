// The nightly housekeeping job removes delivery keys older than a day and keeps recent ones, so
// retries are still recognised while the table stays small.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

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
    await db.inboxItem.createMany({
      data: [
        { key: 'slack:old', platform: 'slack', status: 'done', createdAt: new Date('2026-11-22T04:14:00Z') },
        { key: 'teams:old', platform: 'teams', status: 'failed', createdAt: new Date('2026-11-20T10:00:00Z') },
        { key: 'slack:recent', platform: 'slack', status: 'done', createdAt: new Date('2026-11-22T04:16:00Z') },
        // never removed while pending: its work is not done
        { key: 'slack:pending', platform: 'slack', body: '{}', createdAt: new Date('2026-11-20T10:00:00Z') },
      ],
    });
    expect(await t.app.scheduler.tick(job!, now)).toBe(true);
    expect((await db.inboxItem.findMany({ orderBy: { key: 'asc' } })).map((d) => d.key)).toEqual([
      'slack:pending',
      'slack:recent',
    ]);
    expect(await t.app.inbox.accept('slack:recent', 'slack', {})).toBe(false); // still recognised as a retry
    expect(await t.app.inbox.accept('slack:old', 'slack', {})).toBe(true);
  });
});
