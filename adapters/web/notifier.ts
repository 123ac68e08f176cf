// The playground's side of the Notifier: what the core sends outside the current conversation
// (a DM prompt, a decision card in the channel, a review nudge) lands in the timeline, where the
// page of the person concerned picks it up.
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { MessageRef, PlatformNotifier } from '../../src/services/ports/index.ts';
import { CHANNEL_ID, dmChannelId, type Timeline } from './timeline.ts';

export const WORKSPACE_ID = 'local';

export class WebNotifier implements PlatformNotifier {
  constructor(
    private readonly timeline: Timeline,
    private readonly isDemoPerson: (personId: string) => Promise<boolean>,
  ) {}

  async sendToUser(workspaceId: string, userId: string, reply: Reply): Promise<boolean> {
    return (await this.sendToUserAt(workspaceId, userId, reply)) !== null;
  }

  async sendToUserAt(workspaceId: string, userId: string, reply: Reply): Promise<MessageRef | null> {
    if (workspaceId !== WORKSPACE_ID || !(await this.isDemoPerson(userId))) return null;
    const channelId = dmChannelId(userId);
    const message = this.timeline.add({ channelId, author: { type: 'bot' }, reply, onlyFor: userId });
    return { platform: 'web', workspaceId: WORKSPACE_ID, channelId, messageId: message.id };
  }

  async sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null> {
    const channelId = await this.known(conversation);
    if (!channelId) return null;
    const message = this.timeline.add({ channelId, author: { type: 'bot' }, reply, onlyFor: null });
    return { platform: 'web', workspaceId: WORKSPACE_ID, channelId, messageId: message.id };
  }

  async updateMessage(ref: MessageRef, reply: Reply): Promise<boolean> {
    if (ref.platform !== 'web' || ref.workspaceId !== WORKSPACE_ID) return false;
    const message = this.timeline.get(ref.messageId);
    if (!message || message.channelId !== ref.channelId) return false;
    return this.timeline.update(ref.messageId, reply) !== undefined;
  }

  /** The playground has one channel and one direct chat per demo person; nothing else exists. */
  private async known(conversation: Conversation): Promise<string | null> {
    if (conversation.platform !== 'web' || conversation.workspaceId !== WORKSPACE_ID) return null;
    if (conversation.channelId === CHANNEL_ID) return CHANNEL_ID;
    const personId = conversation.channelId.startsWith('dm-') ? conversation.channelId.slice(3) : '';
    return personId && (await this.isDemoPerson(personId)) ? dmChannelId(personId) : null;
  }
}
