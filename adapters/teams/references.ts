// Conversation references: what Teams needs to message a conversation later (its serviceUrl,
// ids, tenant). Kept in the ConversationRef table: the key is the user's aadObjectId for a
// personal chat and the conversation id (thread suffix removed) for a channel or group chat.
import type { ConversationReference } from 'botbuilder';
import type { Db } from '../persistence/database.ts';

const PLATFORM = 'teams';

export interface StoredReference {
  workspaceId: string;
  key: string;
  reference: Partial<ConversationReference>;
}

export async function saveReference(db: Db, { workspaceId, key, reference }: StoredReference): Promise<void> {
  const json = JSON.stringify(reference);
  await db.conversationRef.upsert({
    where: { platform_workspaceId_key: { platform: PLATFORM, workspaceId, key } },
    create: { platform: PLATFORM, workspaceId, key, reference: json },
    update: { reference: json },
  });
}

/**
 * The reference for a key in a tenant. A personal chat is also found by the user's aadObjectId
 * alone: object ids are unique across tenants, and a guest's personal chat may live in their
 * home tenant rather than the one a message came from.
 */
export async function findReference(db: Db, workspaceId: string, key: string, anyTenant = false): Promise<Partial<ConversationReference> | null> {
  const row = (await db.conversationRef.findUnique({ where: { platform_workspaceId_key: { platform: PLATFORM, workspaceId, key } } }))
    ?? (anyTenant ? await db.conversationRef.findFirst({ where: { platform: PLATFORM, key }, orderBy: { updatedAt: 'desc' } }) : null);
  if (!row) return null;
  try {
    return JSON.parse(row.reference) as Partial<ConversationReference>;
  } catch {
    return null;
  }
}

/** True exactly once per conversation: the welcome is sent by whichever install event claims it first. */
export async function claimWelcome(db: Db, workspaceId: string, key: string): Promise<boolean> {
  const { count } = await db.conversationRef.updateMany({ where: { platform: PLATFORM, workspaceId, key, welcomed: false }, data: { welcomed: true } });
  return count === 1;
}
