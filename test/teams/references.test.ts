// Conversation references (adapters/persistence/conversation-refs.ts) are saved on every message and every
// click in a personal chat: an unchanged reference writes nothing, a changed one replaces it.
import { afterEach, expect, it } from 'vitest';
import { TeamsReferenceStore } from '../../adapters/persistence/conversation-refs.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
afterEach(() => db.close());

it('saves a new reference, leaves an unchanged one untouched, and replaces a changed one', async () => {
  db = await createTestDatabase();
  const where = { workspaceId: 'tenant-1', key: 'aad-user-1' };
  const references = new TeamsReferenceStore(db.database);
  const first = { serviceUrl: 'https://smba.example/emea/', conversation: { id: 'a:personal-1' } } as never;
  const row = () =>
    db.database.db.conversationRef.findUniqueOrThrow({
      where: { platform_workspaceId_key: { platform: 'teams', ...where } },
    });
  await references.save({ ...where, reference: first });
  const saved = await row();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await references.save({ ...where, reference: first });
  expect((await row()).updatedAt).toEqual(saved.updatedAt); // nothing written
  const moved = { serviceUrl: 'https://smba.example/amer/', conversation: { id: 'a:personal-1' } } as never;
  await references.save({ ...where, reference: moved });
  expect((await row()).updatedAt.getTime()).toBeGreaterThan(saved.updatedAt.getTime());
  expect(await references.find('tenant-1', 'aad-user-1')).toEqual(moved);
  expect(await references.find('another-tenant', 'aad-user-1', true)).toEqual(moved); // a guest's chat, found by the user alone
  expect(await references.find('another-tenant', 'aad-user-1')).toBeNull();
  expect(await db.database.db.conversationRef.count()).toBe(1);
});
