// A recording implementation of the Notifier port (and of PlatformNotifier, to plug into the
// app's registry): what the core sends to people and conversations, kept for the test to read.
// The real notifiers come from the chat adapters; this stands in only for the outside world.
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import type { MessageRef, Notifier, PlatformNotifier } from '../../src/services/ports/index.ts';

export class RecordingNotifier implements Notifier, PlatformNotifier {
  readonly toPeople: { personId: string; reply: Reply }[] = [];
  readonly toUsers: { workspaceId: string; userId: string; reply: Reply }[] = [];
  readonly posted: { conversation: Conversation; reply: Reply; ref: MessageRef }[] = [];
  readonly updates: { ref: MessageRef; reply: Reply }[] = [];
  /** people (or user ids) the platform cannot reach */
  readonly unreachable = new Set<string>();
  private sequence = 0;

  async sendToPerson(personId: string, reply: Reply): Promise<boolean> {
    if (this.unreachable.has(personId)) return false;
    this.toPeople.push({ personId, reply });
    return true;
  }

  async sendToUser(workspaceId: string, userId: string, reply: Reply): Promise<boolean> {
    if (this.unreachable.has(userId)) return false;
    this.toUsers.push({ workspaceId, userId, reply });
    return true;
  }

  async sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null> {
    const ref: MessageRef = {
      platform: conversation.platform,
      workspaceId: conversation.workspaceId,
      channelId: conversation.channelId,
      messageId: `m${++this.sequence}`,
    };
    this.posted.push({ conversation, reply, ref });
    return ref;
  }

  async updateMessage(ref: MessageRef, reply: Reply): Promise<boolean> {
    if (!this.posted.some((p) => p.ref.messageId === ref.messageId)) return false;
    this.updates.push({ ref, reply });
    return true;
  }

  /** The message as it now stands in the channel (the last update, else as posted). */
  current(messageId: string): Reply | undefined {
    const updated = this.updates.filter((u) => u.ref.messageId === messageId).at(-1);
    return updated?.reply ?? this.posted.find((p) => p.ref.messageId === messageId)?.reply;
  }

  /** Everything sent privately to a person, as text. */
  textsTo(personId: string): string[] {
    return this.toPeople.filter((m) => m.personId === personId).map((m) => replyText(m.reply));
  }

  /** Every line ever shown in a conversation (posts and updates). */
  channelText(): string {
    return [...this.posted.map((p) => p.reply), ...this.updates.map((u) => u.reply)].map(replyText).join('\n');
  }

  clear(): void {
    this.toPeople.length = 0;
    this.toUsers.length = 0;
    this.updates.length = 0;
  }
}
