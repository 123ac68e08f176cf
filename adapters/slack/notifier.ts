// Messages the core sends on its own (reminders, vote cards): a private message to a person, a
// message to a bound channel, and updates in place. Rate limits (429) are waited out by the Web
// API client for as long as Retry-After says; other failures are logged by code and reported as
// "not delivered" so the core can carry on.
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Logger, MessageRef, PlatformNotifier } from '../../src/services/ports/index.ts';
import { slackErrorCode, type ApiFor } from './api.ts';
import { uploadFile, type SlackDelivery } from './deliver.ts';
import type { DirectChannels } from './direct.ts';

export class SlackNotifier implements PlatformNotifier {
  constructor(
    private readonly apiFor: ApiFor,
    private readonly direct: DirectChannels,
    private readonly delivery: SlackDelivery,
    private readonly logger: Logger,
  ) {}

  async sendToUser(workspaceId: string, userId: string, reply: Reply): Promise<boolean> {
    return (await this.sendToUserAt(workspaceId, userId, reply)) !== null;
  }

  async sendToUserAt(workspaceId: string, userId: string, reply: Reply): Promise<MessageRef | null> {
    try {
      const channel = await this.direct.channelFor(workspaceId, userId);
      const ts = await this.post({ platform: 'slack', workspaceId, channelId: channel, kind: 'direct' }, reply);
      return { platform: 'slack', workspaceId, channelId: channel, messageId: ts ?? '' };
    } catch (error) {
      this.logger.warn('slack private message failed', { platform: 'slack', code: slackErrorCode(error) });
      return null;
    }
  }

  async sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null> {
    if (reply.visibility === 'private' && conversation.kind !== 'direct') {
      // the core marks personal content private: it must never land where others can read it
      this.logger.warn('slack refused a private message to a shared conversation', {
        platform: 'slack',
        code: 'private_in_channel',
      });
      return null;
    }
    try {
      const ts = await this.post(conversation, reply);
      return ts
        ? { platform: 'slack', workspaceId: conversation.workspaceId, channelId: conversation.channelId, messageId: ts }
        : null;
    } catch (error) {
      this.logger.warn('slack message failed', { platform: 'slack', code: slackErrorCode(error) });
      return null;
    }
  }

  async updateMessage(ref: MessageRef, reply: Reply): Promise<boolean> {
    try {
      const msg = this.delivery.render(reply, {
        conversation: { platform: 'slack', workspaceId: ref.workspaceId, channelId: ref.channelId, kind: 'channel' },
      });
      const api = await this.apiFor(ref.workspaceId);
      await api.chat.update({ channel: ref.channelId, ts: ref.messageId, ...msg });
      return true;
    } catch (error) {
      this.logger.warn('slack message update failed', { platform: 'slack', code: slackErrorCode(error) });
      return false;
    }
  }

  /** Posts the reply (and its file, if any); returns the message ts. */
  private async post(conversation: Conversation, reply: Reply): Promise<string | undefined> {
    const api = await this.apiFor(conversation.workspaceId);
    if (reply.attachment) await uploadFile(api, conversation.channelId, reply.attachment, reply.summary);
    const msg = this.delivery.render(reply, { conversation });
    const res = await api.chat.postMessage({ channel: conversation.channelId, ...msg });
    return res.ts;
  }
}
