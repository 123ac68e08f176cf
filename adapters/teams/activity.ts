// Where a Teams activity comes from, in the core's terms. Pure functions of the activity.
//
// Binding key: a channel's messages arrive with conversation ids like
// "19:abc@thread.tacv2;messageid=1712345" (one per thread). The part before ";messageid=" is the
// channel itself, so a channel and every thread in it map to ONE binding, and proactive messages
// sent to that id start a new thread in the channel.
import type { Activity, ConversationReference } from 'botbuilder';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import { findCommand } from '../../src/bot/commands/index.ts';

export type Scope = Conversation['kind'];

/** personal -> direct, groupChat -> group, channel -> channel (the Emulator sends no type: isGroup decides). */
export function scopeOf(activity: Partial<Activity>): Scope {
  switch (activity.conversation?.conversationType) {
    case 'personal':
      return 'direct';
    case 'groupChat':
      return 'group';
    case 'channel':
      return 'channel';
    default:
      return activity.conversation?.isGroup ? 'group' : 'direct';
  }
}

/**
 * The tenant the conversation lives in. Activities outside Teams (the Bot Framework Emulator)
 * carry none: their channel id ("emulator") stands in, so they never match a real tenant.
 */
export function tenantOf(activity: Partial<Activity>): string {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromData = typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined;
  return fromData ?? activity.conversation?.tenantId ?? activity.channelId ?? 'unknown';
}

export const stripThread = (conversationId: string): string => conversationId.split(';messageid=')[0] ?? conversationId;

export function conversationOf(activity: Partial<Activity>): Conversation {
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    channelId: stripThread(activity.conversation?.id ?? ''),
    kind: scopeOf(activity),
  };
}

/** The user's stable id: the Entra object id in Teams, the channel account id elsewhere (Emulator). */
export const userIdOf = (activity: Partial<Activity>): string => activity.from?.aadObjectId ?? activity.from?.id ?? '';

/** Key of a stored reference: the user in a personal chat, the conversation otherwise. */
export const referenceKey = (activity: Partial<Activity>): string =>
  scopeOf(activity) === 'direct' ? userIdOf(activity) : stripThread(activity.conversation?.id ?? '');

/**
 * A reference for later messages. A shared conversation's keeps no user (it is not about whoever
 * spoke last), and a channel's points at the channel itself, so sends start a new thread.
 */
export function referenceFor(reference: Partial<ConversationReference>, scope: Scope): Partial<ConversationReference> {
  const { activityId: _thread, user, ...rest } = reference;
  if (scope === 'direct') return { ...rest, user };
  if (scope !== 'channel' || !rest.conversation) return rest;
  return { ...rest, conversation: { ...rest.conversation, id: stripThread(rest.conversation.id) } };
}

const PREFIX = /^\/partnership\b\s*/i;

/**
 * Typed words as the core's inbound, mention markup already removed. "/partnership roster" and
 * text that starts with a command's name ("roster", "coi Acme Ltd", "setup northfield": what
 * the manifest's command menu sends) are commands; anything else is plain words for the intents.
 */
export function textInbound(text: string): Inbound {
  const trimmed = text.replace(/\u00a0/g, ' ').trim();
  if (PREFIX.test(trimmed)) return { type: 'command', text: trimmed.replace(PREFIX, '') };
  const word = trimmed.split(/\s+/)[0] ?? '';
  const command = findCommand(word);
  // Names only, not aliases: "who is on the partnership?" must reach the roster intent as words,
  // and "conflicts of interest for X" the coi intent that captures X.
  if (command && command.name === word.toLowerCase()) return { type: 'command', text: trimmed };
  return { type: 'text', text: trimmed };
}

/** Teams marks mentions up as <at>Name</at>; any left after the bot's own is removed become the name. */
export const stripAtTags = (text: string): string => text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
