// Messages the core sends outside a turn (reminders, vote cards): through the stored
// conversation references and continueConversationAsync.
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { MessageRef, PlatformNotifier } from '../../src/services/ports/index.ts';
import { send, type DeliveryDeps } from './deliver.ts';
import { fileConsentActivity } from './files.ts';
import { toActivity } from './messages.ts';
import { withRetry } from './retry.ts';

export class TeamsNotifier implements PlatformNotifier {
  constructor(private readonly deps: DeliveryDeps) {}

  /** A personal chat message; false when the person never opened a chat with the bot (nothing stored). */
  async sendToUser(workspaceId: string, userId: string, reply: Reply): Promise<boolean> {
    return (await this.sendToUserAt(workspaceId, userId, reply)) !== null;
  }

  /** Where it landed: the user's id stands for their personal chat (its reference is stored under it). */
  async sendToUserAt(workspaceId: string, userId: string, reply: Reply): Promise<MessageRef | null> {
    const reference = await this.deps.references.find<Partial<ConversationReference>>(workspaceId, userId, true);
    if (!reference) return null;
    const messageId = await this.post(reference, reply, true);
    return messageId === null ? null : { platform: 'teams', workspaceId, channelId: userId, messageId };
  }

  async sendToConversation(conversation: Conversation, reply: Reply): Promise<MessageRef | null> {
    const shared = conversation.kind !== 'direct';
    if (reply.visibility === 'private' && shared) {
      // A private reply would be seen by everyone here: refuse rather than leak.
      this.deps.logger.warn('teams refused a private reply to a shared conversation', { kind: conversation.kind });
      return null;
    }
    const reference = await this.deps.references.find<Partial<ConversationReference>>(
      conversation.workspaceId,
      conversation.channelId,
    );
    if (!reference) return null;
    if (reply.attachment && shared) {
      // Teams offers files only in personal chats.
      this.deps.logger.warn('teams cannot attach a file in a shared conversation; sent without it', {
        kind: conversation.kind,
      });
    }
    const messageId = await this.post(reference, reply, !shared);
    return messageId === null
      ? null
      : { platform: 'teams', workspaceId: conversation.workspaceId, channelId: conversation.channelId, messageId };
  }

  async updateMessage(ref: MessageRef, reply: Reply): Promise<boolean> {
    // a channel's reference is stored under its conversation id, a personal chat's under the user's
    // id, found in any tenant as sendToUser finds it
    const reference = await this.deps.references.find<Partial<ConversationReference>>(
      ref.workspaceId,
      ref.channelId,
      true,
    );
    if (!reference) return false;
    const updated = await this.continue(reference, async (context) => {
      await withRetry(() => context.updateActivity({ ...toActivity(reply), id: ref.messageId }));
      return ref.messageId;
    });
    return updated !== null;
  }

  /** The id of the message posted (or of the file offer, for a reply that is only a file); null when it failed. */
  private post(reference: Partial<ConversationReference>, reply: Reply, withFile: boolean): Promise<string | null> {
    return this.continue(reference, async (context) => {
      let id: string | undefined;
      if (reply.blocks.length || !withFile || !reply.attachment) id = (await send(context, toActivity(reply)))?.id;
      if (withFile && reply.attachment) {
        const offer = (await send(context, fileConsentActivity(reply.attachment)))?.id;
        id = id ?? offer;
      }
      return id ?? '';
    });
  }

  private async continue(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<string | null>,
  ): Promise<string | null> {
    let result: string | null = null;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        result = await logic(context);
      });
    } catch (error) {
      this.deps.logger.warn('teams proactive message failed', {
        code: (error as { code?: string }).code,
        status: (error as { statusCode?: number }).statusCode,
      });
      return null;
    }
    return result;
  }
}
