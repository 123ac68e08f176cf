// Slack payloads as the core's Request pieces: conversation kind, cleaned text, action ids, and
// the keys that make a re-sent delivery recognisable.
import { createHash } from 'node:crypto';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import { ACTION_SUFFIX } from './render/blocks.ts';

/**
 * `hint` is an event's channel_type (im, mpim, channel, group) or a slash command's channel_name
 * (directmessage, mpdm-..., privategroup, a channel name).
 */
export function channelKind(channelId: string, hint?: string): Conversation['kind'] {
  if (hint === 'im' || hint === 'directmessage') return 'direct';
  if (hint === 'mpim' || hint?.startsWith('mpdm-')) return 'group';
  return channelId.startsWith('D') ? 'direct' : 'channel';
}

const unescapeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Slack markup as plain words: the bot's own mention is removed, channel and link markup becomes
 * its label, entities are unescaped. Other people's mentions stay as `<@U…>` so commands such as
 * `link @someone Name` can read the user id.
 */
export function cleanText(text: string, botUserId: string | undefined): string {
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  out = out
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label: string | undefined) => label ?? '')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1');
  return unescapeEntities(out).replace(/\s+/g, ' ').trim();
}

/** What a button or select sent: our action id (minus the uniqueness suffix) and its value. */
export interface ActionPayload {
  action_id: string;
  value?: string;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  action_ts?: string;
}

export function actionInbound(action: ActionPayload): Extract<Inbound, { type: 'action' }> {
  const value =
    action.value ?? action.selected_option?.value ?? action.selected_options?.map((o) => o.value).join(',') ?? '';
  return { type: 'action', actionId: action.action_id.replace(ACTION_SUFFIX, ''), value };
}

const digest = (...parts: (string | number | undefined)[]): string =>
  createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u0000'))
    .digest('base64url')
    .slice(0, 32);

/**
 * Keys of the durable inbox: the same delivery always gives the same key, a new one a new key.
 * Events carry an id; slash commands and clicks do not, so their key is a digest of what makes
 * them unique (trigger ids and action timestamps are new for every command and click).
 */
export const deliveryKey = {
  event: (eventId: string | undefined, fallback: unknown): string =>
    `slack:event:${eventId ?? digest(JSON.stringify(fallback))}`,
  command: (c: {
    team_id: string;
    user_id: string;
    channel_id: string;
    command: string;
    text: string;
    trigger_id: string;
  }): string => `slack:command:${digest(c.team_id, c.user_id, c.channel_id, c.command, c.text, c.trigger_id)}`,
  action: (userId: string, container: unknown, action: ActionPayload): string =>
    `slack:action:${digest(userId, JSON.stringify(container ?? {}), action.action_id, action.value, action.action_ts)}`,
  view: (viewId: string, state: unknown): string => `slack:view:${viewId}:${digest(JSON.stringify(state ?? {}))}`,
};

/**
 * The inbox key of any signed payload Slack sends: events, slash commands, clicks and modal
 * submissions by what identifies them; anything else by its whole body (a re-send is identical).
 */
export function inboxKey(body: Record<string, unknown>): string {
  const user = body.user as { id?: string } | undefined;
  if (body.type === 'event_callback') return deliveryKey.event(body.event_id as string | undefined, body.event);
  if (typeof body.command === 'string')
    return deliveryKey.command(body as unknown as Parameters<typeof deliveryKey.command>[0]);
  if (body.type === 'block_actions') {
    const action = (body.actions as ActionPayload[] | undefined)?.[0];
    if (action && user?.id) return deliveryKey.action(user.id, body.container, action);
  }
  if (body.type === 'view_submission') {
    const view = body.view as { id?: string; state?: { values?: unknown } } | undefined;
    if (view?.id) return deliveryKey.view(view.id, view.state?.values);
  }
  return `slack:other:${digest(JSON.stringify(body))}`;
}

/** Message subtypes that are a person writing something new; edits, deletions, joins are not. */
const NEW_MESSAGE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export interface MessageEventLike {
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
  user?: string;
  text?: string;
  app_id?: string;
}

/** Is this a new message written by a person (not a bot, not the bot itself, not an edit)? */
export function isHumanMessage(event: MessageEventLike, botUserId: string | undefined): boolean {
  if (!NEW_MESSAGE_SUBTYPES.has(event.subtype)) return false;
  if (event.bot_id || event.bot_profile || event.app_id) return false;
  if (!event.user || event.user === botUserId) return false;
  return typeof event.text === 'string';
}
