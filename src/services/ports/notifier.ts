// The Notifier port: how the core sends outside the current conversation (a card in a channel,
// a prompt to a person) and updates what it sent. Implemented by src/bot/notifier-registry.ts over
// each platform's adapter (adapters/{slack,teams,web}/notifier.ts).
import type { Conversation, Platform } from '../../domain/chat/inbound.ts';
import type { Reply } from '../../domain/chat/reply.ts';

/** Where a posted message lives, so it can be updated in place (a vote card's counts). */
export interface MessageRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Slack message ts, Teams activity id, the playground's message id */
  messageId: string;
}

/** Sends messages the core decides to send outside the current conversation. */
export interface Notifier {
  /** A private message to a person (Slack DM, Teams personal chat). False when they cannot be reached. */
  sendToPerson(personId: string, reply: Reply): Promise<boolean>;
  /**
   * The same, saying where each copy landed (one per linked platform), so it can be replaced
   * later; null when they could not be reached.
   */
  sendToPersonAt?(personId: string, reply: Reply): Promise<MessageRef[] | null>;
  /** A message to a conversation (a channel bound to the partnership). Null when it could not be sent. */
  sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null>;
  /** Replace a message the bot sent earlier. */
  updateMessage(ref: MessageRef, reply: Reply): Promise<boolean>;
  /** Whether a chat platform's adapter is running to send through (so a null above means it failed). */
  canReach?(platform: Platform): boolean;
}

/** What one chat platform's adapter provides to the Notifier. */
export interface PlatformNotifier {
  sendToUser(workspaceId: string, userId: string, reply: Reply): Promise<boolean>;
  /** The same, with where it landed (updateMessage replaces it); null when it was not delivered. */
  sendToUserAt?(workspaceId: string, userId: string, reply: Reply): Promise<MessageRef | null>;
  sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null>;
  updateMessage(ref: MessageRef, reply: Reply): Promise<boolean>;
}

/** A private message about a decision sent to a person, and where it landed. */
export interface SentPrompt {
  personId: string;
  message: MessageRef;
}
