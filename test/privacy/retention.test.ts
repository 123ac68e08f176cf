// The retention job (docs/privacy.md, "Retention"), as the real server registers it: nightly at
// 03:30 as housekeeping on the real clock, it erases everyone whose membership ended longer ago
// than their own partnership's `retentionMonths`; 0 keeps them until erased by hand; a second run
// erases nobody twice.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
});
afterEach(async () => {
  await t.close();
});

it('runs nightly at 03:30 and erases, by the partnership’s own setting, memberships that ended longer ago', async () => {
  const job = t.app.scheduler.jobs.find((j) => j.name === 'retention')!;
  expect(job).toMatchObject({ schedule: '30 3 * * *', kind: 'maintenance' });
  const db = t.app.database.db;
  const northfield = (await t.app.stores.rosters.findPartnership('northfield'))!;
  expect(northfield.settings.retentionMonths).toBe(24); // the default
  const partnershipId = northfield.id;
  const ids = new Map((await db.person.findMany({ where: { partnershipId } })).map((p) => [p.name, p.id] as const));
  const end = (name: string, at: string) =>
    db.person.update({ where: { id: ids.get(name)! }, data: { endedAt: new Date(at) } });
  const erased = async () =>
    (await db.person.findMany({ where: { partnershipId, erasedAt: { not: null } } }))
      .map((p) => [...ids].find(([, id]) => id === p.id)![0])
      .sort();
  const night = (at: string) => t.app.scheduler.tick(job, new Date(at));

  await end('Helen Brooks', '2024-10-01T00:00:00Z'); // 25 months before the night below
  await end('Gareth Jones', '2025-06-01T00:00:00Z'); // 18 months before
  expect(await night('2026-11-23T03:30:00Z')).toBe(true);
  expect(await erased()).toEqual(['Helen Brooks']);
  expect((await db.person.findUniqueOrThrow({ where: { id: ids.get('Helen Brooks')! } })).name).toMatch(
    /^Former member /,
  );

  // 0: kept until erased by hand, however long ago the membership ended
  await t.app.stores.rosters.updateSettings(partnershipId, { ...northfield.settings, retentionMonths: 0 }, null);
  await end('Kwame Mensah', '2020-01-01T00:00:00Z');
  expect(await night('2026-11-24T03:30:00Z')).toBe(true);
  expect(await erased()).toEqual(['Helen Brooks']);

  // 12 months: Gareth and Kwame go; Helen, already erased, is skipped
  await t.app.stores.rosters.updateSettings(partnershipId, { ...northfield.settings, retentionMonths: 12 }, null);
  expect(await night('2026-11-25T03:30:00Z')).toBe(true);
  expect(await erased()).toEqual(['Gareth Jones', 'Helen Brooks', 'Kwame Mensah']);
  expect(await db.auditEvent.count({ where: { action: 'person.erase', subjectId: ids.get('Helen Brooks')! } })).toBe(1);
});
