// Linking a chat account and binding a channel: the change and its audit row are one transaction.
// An audit row that cannot be written (its partnership does not exist) leaves no link or binding.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDemoDatabase } from '../support/db.ts';

let db: Awaited<ReturnType<typeof createDemoDatabase>>;
let personId: string;
beforeEach(async () => {
  db = await createDemoDatabase();
  personId = (await db.stores.rosters.loadRoster(db.partnership.id)).people.find((p) => p.name === 'Rosa Novak')!.id;
});
afterEach(async () => {
  await db.close();
});

const entry = (partnershipId: string, action: string) => ({
  partnershipId,
  actorId: personId,
  action,
  subjectType: 'test',
  subjectId: 'x',
});
const audited = (action: string) => db.database.db.auditEvent.count({ where: { action } });

it('a link is written with its audit row, or not at all', async () => {
  const { directory } = db.stores;
  await directory.linkIdentity(personId, 'slack', 'T1', 'U1', entry(db.partnership.id, 'identity.link'));
  expect(await directory.findIdentity('slack', 'T1', 'U1')).toEqual({ personId, partnershipId: db.partnership.id });
  expect(await audited('identity.link')).toBe(1);

  await expect(
    directory.linkIdentity(personId, 'slack', 'T1', 'U2', entry('no-such-partnership', 'identity.link')),
  ).rejects.toThrow();
  expect(await directory.findIdentity('slack', 'T1', 'U2')).toBeNull();
  expect(await audited('identity.link')).toBe(1);
});

it('a binding is written with its audit row, or not at all', async () => {
  const { directory } = db.stores;
  const binding = { partnershipId: db.partnership.id, platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
  await expect(
    directory.bindChannel(binding, personId, entry('no-such-partnership', 'channel.bind')),
  ).rejects.toThrow();
  expect(await directory.findBinding('slack', 'T1', 'C1')).toBeNull();
  expect(await audited('channel.bind')).toBe(0);

  await directory.bindChannel(binding, personId, entry(db.partnership.id, 'channel.bind'));
  expect(await directory.findBinding('slack', 'T1', 'C1')).toMatchObject({ partnershipId: db.partnership.id });
  expect(await audited('channel.bind')).toBe(1);
});
