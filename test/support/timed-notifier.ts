// A Notifier that records what the core sends, and when (by the test clock), instead of delivering it: the Notifier port is the
// boundary to the chat platforms, so tests of scheduled messages stop here. People listed as
// unreachable get `false`, as when nobody has linked a chat account.
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Clock, MessageRef, Notifier } from '../../src/services/ports/index.ts';

export interface SentMessage {
  at: Date;
  personId: string;
  reply: Reply;
}

export class TimedRecordingNotifier implements Notifier {
  readonly sent: SentMessage[] = [];
  readonly conversations: { at: Date; conversation: Conversation; reply: Reply }[] = [];
  readonly updates: { ref: MessageRef; reply: Reply }[] = [];
  readonly unreachable = new Set<string>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  async sendToPerson(personId: string, reply: Reply): Promise<boolean> {
    if (this.unreachable.has(personId)) return false;
    this.sent.push({ at: this.clock.now(), personId, reply });
    return true;
  }

  async sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null> {
    this.conversations.push({ at: this.clock.now(), conversation, reply });
    return {
      platform: conversation.platform,
      workspaceId: conversation.workspaceId,
      channelId: conversation.channelId,
      messageId: `m${++this.counter}`,
    };
  }

  async updateMessage(ref: MessageRef, reply: Reply): Promise<boolean> {
    this.updates.push({ ref, reply });
    return true;
  }
}
