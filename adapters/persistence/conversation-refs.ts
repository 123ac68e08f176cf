// The ConversationRef table: how to reach a conversation later. Slack keeps the bot's
// direct-message channel with a person (key: the user id); Teams keeps the conversation reference
// as JSON (key: the user's aadObjectId for a personal chat, the conversation id, thread suffix
// removed, for a channel or group chat).
import { randomUUID } from 'node:crypto';
import type { Database, Db } from './database.ts';
import type { FastSql } from './fast-sql.ts';

/** The bot's direct-message channel with each Slack user: opened once, then remembered. */
export class SlackDirectStore {
  private readonly db: Db;

  constructor(database: Pick<Database, 'db'>) {
    this.db = database.db;
  }

  /** The remembered channel, or null when the bot has never opened one with this person. */
  async findChannel(workspaceId: string, userId: string): Promise<string | null> {
    const where = { platform_workspaceId_key: { platform: 'slack', workspaceId, key: userId } };
    return (await this.db.conversationRef.findUnique({ where }))?.reference ?? null;
  }

  async rememberChannel(workspaceId: string, userId: string, channel: string): Promise<void> {
    await this.db.conversationRef.upsert({
      where: { platform_workspaceId_key: { platform: 'slack', workspaceId, key: userId } },
      create: { platform: 'slack', workspaceId, key: userId, reference: channel },
      update: { reference: channel },
    });
  }
}

export interface StoredReference<R extends object = object> {
  workspaceId: string;
  key: string;
  reference: R;
}

const TEAMS = 'teams';

/** Teams conversation references (serviceUrl, ids, tenant), stored as JSON. */
export class TeamsReferenceStore {
  private readonly db: Db;
  private readonly sql: FastSql;

  constructor(database: Pick<Database, 'db' | 'sql'>) {
    this.db = database.db;
    this.sql = database.sql;
  }

  /**
   * Saved on every message and every click in a personal chat, so one prepared statement that
   * writes nothing when the reference is unchanged (the usual case). Its commit does not wait for
   * the disk (`runUnsynced`): on SQLite a flush would hold up every other request while it runs,
   * and the row needs none of its own. It is on disk with the next commit that is synced (the
   * click's own inbox item, a moment later), and a power cut before that loses only a newer copy of
   * a reference the person's next message or click brings again.
   */
  async save({ workspaceId, key, reference }: StoredReference): Promise<void> {
    await this.sql.runUnsynced(
      'INSERT INTO "ConversationRef" ("id", "platform", "workspaceId", "key", "reference", "welcomed", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7) ' +
        'ON CONFLICT ("platform", "workspaceId", "key") DO UPDATE SET "reference" = excluded."reference", "updatedAt" = excluded."updatedAt" ' +
        'WHERE "ConversationRef"."reference" <> excluded."reference"',
      [randomUUID(), TEAMS, workspaceId, key, JSON.stringify(reference), false, new Date()],
    );
  }

  /**
   * The reference for a key in a tenant (`R`: the shape the caller saved). A personal chat is
   * also found by the user's aadObjectId alone: object ids are unique across tenants, and a
   * guest's personal chat may live in their home tenant rather than the one a message came from.
   */
  async find<R extends object>(workspaceId: string, key: string, anyTenant = false): Promise<R | null> {
    type Row = { reference: string };
    let [row] = await this.sql.all<Row>(
      'SELECT "reference" FROM "ConversationRef" WHERE "platform" = $1 AND "workspaceId" = $2 AND "key" = $3',
      [TEAMS, workspaceId, key],
    );
    if (!row && anyTenant)
      [row] = await this.sql.all<Row>(
        'SELECT "reference" FROM "ConversationRef" WHERE "platform" = $1 AND "key" = $2 ORDER BY "updatedAt" DESC LIMIT 1',
        [TEAMS, key],
      );
    if (!row) return null;
    try {
      return JSON.parse(row.reference) as R;
    } catch {
      return null;
    }
  }

  /** True exactly once per conversation: the welcome is sent by whichever install event claims it first. */
  async claimWelcome(workspaceId: string, key: string): Promise<boolean> {
    const { count } = await this.db.conversationRef.updateMany({
      where: { platform: TEAMS, workspaceId, key, welcomed: false },
      data: { welcomed: true },
    });
    return count === 1;
  }

  /** The bot was removed from the conversation. */
  async forget(workspaceId: string, key: string): Promise<void> {
    await this.db.conversationRef.deleteMany({ where: { platform: TEAMS, workspaceId, key } });
  }
}
