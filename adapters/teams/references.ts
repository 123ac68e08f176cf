// Conversation references: what Teams needs to message a conversation later (its serviceUrl,
// ids, tenant). Kept in the ConversationRef table: the key is the user's aadObjectId for a
// personal chat and the conversation id (thread suffix removed) for a channel or group chat.
import type { ConversationReference } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Db } from '../persistence/database.ts';
import type { FastSql } from '../persistence/fast-sql.ts';

const PLATFORM = 'teams';

export interface StoredReference {
  workspaceId: string;
  key: string;
  reference: Partial<ConversationReference>;
}

/**
 * Saved on every message and every click in a personal chat, so one prepared statement that
 * writes nothing when the reference is unchanged (the usual case).
 */
export async function saveReference(sql: FastSql, { workspaceId, key, reference }: StoredReference): Promise<void> {
  await sql.run(
    'INSERT INTO "ConversationRef" ("id", "platform", "workspaceId", "key", "reference", "welcomed", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7) ' +
      'ON CONFLICT ("platform", "workspaceId", "key") DO UPDATE SET "reference" = excluded."reference", "updatedAt" = excluded."updatedAt" ' +
      'WHERE "ConversationRef"."reference" <> excluded."reference"',
    [randomUUID(), PLATFORM, workspaceId, key, JSON.stringify(reference), false, new Date()],
  );
}

/**
 * The reference for a key in a tenant. A personal chat is also found by the user's aadObjectId
 * alone: object ids are unique across tenants, and a guest's personal chat may live in their
 * home tenant rather than the one a message came from.
 */
export async function findReference(
  sql: FastSql,
  workspaceId: string,
  key: string,
  anyTenant = false,
): Promise<Partial<ConversationReference> | null> {
  type Row = { reference: string };
  let [row] = await sql.all<Row>(
    'SELECT "reference" FROM "ConversationRef" WHERE "platform" = $1 AND "workspaceId" = $2 AND "key" = $3',
    [PLATFORM, workspaceId, key],
  );
  if (!row && anyTenant)
    [row] = await sql.all<Row>(
      'SELECT "reference" FROM "ConversationRef" WHERE "platform" = $1 AND "key" = $2 ORDER BY "updatedAt" DESC LIMIT 1',
      [PLATFORM, key],
    );
  if (!row) return null;
  try {
    return JSON.parse(row.reference) as Partial<ConversationReference>;
  } catch {
    return null;
  }
}

/** True exactly once per conversation: the welcome is sent by whichever install event claims it first. */
export async function claimWelcome(db: Db, workspaceId: string, key: string): Promise<boolean> {
  const { count } = await db.conversationRef.updateMany({
    where: { platform: PLATFORM, workspaceId, key, welcomed: false },
    data: { welcomed: true },
  });
  return count === 1;
}
