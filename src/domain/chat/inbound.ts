// What an adapter hands the core: who said what, where.

export type Platform = 'slack' | 'teams' | 'web';

export interface Conversation {
  platform: Platform;
  /** Slack team id, Teams tenant id, "local" for the playground. */
  workspaceId: string;
  /** Slack channel id, Teams conversation id. */
  channelId: string;
  /** `direct`: a one-to-one chat with the bot; `channel` and `group` are seen by others. */
  kind: 'direct' | 'group' | 'channel';
}

export interface Speaker {
  /** Platform user id (Slack user id, Teams aadObjectId, the playground's person id). */
  userId: string;
  /** Workspace of the user, which may differ from the channel's (Slack Connect, Teams guests). */
  workspaceId: string;
  /** Known to the platform (Slack profile, Teams member); used to link to the roster. */
  email?: string | undefined;
  displayName?: string | undefined;
}

export type Inbound =
  /** Plain words: a mention, a direct message. Mention markup already stripped. */
  | { type: 'text'; text: string }
  /** `/partnership <text>` (Slack slash command, a Teams command, the playground). */
  | { type: 'command'; text: string }
  /** A button or select. */
  | { type: 'action'; actionId: string; value: string }
  /** A form submission. */
  | { type: 'form'; formId: string; values: Record<string, string | string[]>; context?: string | undefined };

export interface Request {
  conversation: Conversation;
  speaker: Speaker;
  inbound: Inbound;
}
