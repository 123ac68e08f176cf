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

// Control characters carry no meaning in anything a person types or a button sends, and PostgreSQL
// refuses a NUL in text outright: they go at the door, so no path can trip over them later.
// Tabs and line breaks stay (a form's detail may have several lines).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const strip = (text: string): string => text.replace(CONTROL, '');

/** The same inbound with control characters removed from every string in it. */
export function withoutControlCharacters(inbound: Inbound): Inbound {
  switch (inbound.type) {
    case 'text':
    case 'command':
      return { ...inbound, text: strip(inbound.text) };
    case 'action':
      return { ...inbound, actionId: strip(inbound.actionId), value: strip(inbound.value) };
    case 'form': {
      const values: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(inbound.values))
        Object.defineProperty(values, strip(key), {
          value: typeof value === 'string' ? strip(value) : value.map(strip),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return {
        ...inbound,
        formId: strip(inbound.formId),
        values,
        context: inbound.context === undefined ? undefined : strip(inbound.context),
      };
    }
  }
}
