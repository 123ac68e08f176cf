// Delivers the core's replies to Slack by the mechanism that fits where the request came from:
// `private` replies are seen only by the person (ephemeral via response_url or chat.postEphemeral,
// a normal message in the bot's own DM, the App Home tab), `channel` replies by the conversation
// (in_channel, chat.postMessage). replaceOriginal updates the clicked message in place.
import { RespondError, type RespondArguments } from '@slack/bolt';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Block, Reply } from '../../src/domain/chat/reply.ts';
import type { ApiFor, SlackApi } from './api.ts';
import type { DirectChannels } from './direct.ts';
import type { PendingForms } from './pending-forms.ts';
import { renderMessage, type RenderedMessage } from './render/blocks.ts';
import { formView } from './render/modal.ts';
import type { Respond } from './respond.ts';

export interface Origin {
  conversation: Conversation;
  userId: string;
  /** the bot's own direct-message channel: a normal message there is private */
  privateChannel: boolean;
  threadTs?: string | undefined;
  /** response_url of a slash command or a click in a message */
  respond?: Respond | undefined;
  /** lets us open a modal: valid for 3 seconds after the command or click */
  triggerId?: string | undefined;
  /** the message whose button was clicked */
  message?: { channelId: string; ts: string; ephemeral: boolean } | undefined;
  /** a click on the App Home tab: replies are shown on the tab */
  home?: boolean;
}

export type PublishHome = (origin: Origin, extra: Block[]) => Promise<void>;

export class SlackDelivery {
  constructor(
    private readonly apiFor: ApiFor,
    private readonly direct: DirectChannels,
    private readonly forms: PendingForms,
    private readonly publishHome: PublishHome,
  ) {}

  async deliver(replies: Reply[], origin: Origin): Promise<void> {
    let trigger = origin.triggerId;
    const homeBlocks: Block[] = [];
    for (const reply of replies) {
      let blocks = reply.blocks;
      const first = blocks.find((b) => b.kind === 'form');
      if (first && trigger && (await this.openForm(first.form, origin, trigger))) {
        blocks = blocks.filter((b) => b !== first);
        trigger = undefined; // a trigger id opens one modal
      }
      if (reply.attachment) await this.upload(reply, origin);
      const consumed = blocks.length < reply.blocks.length || !!reply.attachment;
      if (blocks.length === 0 && consumed) continue;
      if (origin.home) {
        homeBlocks.push(...(homeBlocks.length ? [{ kind: 'divider' } as const] : []), ...blocks);
        continue;
      }
      await this.post({ ...reply, blocks }, origin);
    }
    if (origin.home) await this.publishHome(origin, homeBlocks);
  }

  private async openForm(
    form: Extract<Block, { kind: 'form' }>['form'],
    origin: Origin,
    triggerId: string,
  ): Promise<boolean> {
    const api = await this.apiFor(origin.conversation.workspaceId);
    try {
      await api.views.open({
        trigger_id: triggerId,
        view: formView(form, { channelId: origin.conversation.channelId, kind: origin.conversation.kind }),
      });
      return true;
    } catch {
      return false; // trigger expired: the message gets a button that opens the form instead
    }
  }

  render(reply: Reply, origin: Pick<Origin, 'conversation'>): RenderedMessage {
    const formOrigin = { channelId: origin.conversation.channelId, kind: origin.conversation.kind };
    return renderMessage(reply, { formButton: (form) => this.forms.button(form, formOrigin) });
  }

  private async post(reply: Reply, origin: Origin): Promise<void> {
    const msg = this.render(reply, origin);
    const { conversation, message, respond } = origin;
    const api = await this.apiFor(conversation.workspaceId);
    const isPrivate = reply.visibility === 'private' || conversation.kind === 'direct';
    const thread = origin.threadTs ? { thread_ts: origin.threadTs } : {};
    const viaResponseUrl = (args: { response_type?: 'ephemeral' | 'in_channel'; replace_original: boolean }) =>
      respond!({ ...args, text: msg.text, blocks: msg.blocks } as RespondArguments);

    if (reply.replaceOriginal && message) {
      if (message.ephemeral && respond) return void (await viaResponseUrl({ replace_original: true }));
      // a private reply may replace a message only where just this person sees it
      if (!message.ephemeral && (!isPrivate || origin.privateChannel)) {
        // In the bot's own DM the click's response_url edits the message in place: no Web API
        // call (chat.update is rate-limited per workspace, and a burst of declarations would meet
        // that limit). A used-up or expired response_url falls back to chat.update.
        if (origin.privateChannel && respond) {
          try {
            return void (await viaResponseUrl({ replace_original: true }));
          } catch (error) {
            if (!(error instanceof RespondError)) throw error;
          }
        }
        return void (await api.chat.update({ channel: message.channelId, ts: message.ts, ...msg }));
      }
    }
    if (isPrivate) {
      if (origin.privateChannel)
        return void (await api.chat.postMessage({ channel: conversation.channelId, ...thread, ...msg }));
      if (respond) return void (await viaResponseUrl({ response_type: 'ephemeral', replace_original: false }));
      if (conversation.kind !== 'direct') {
        return void (await api.chat.postEphemeral({
          channel: conversation.channelId,
          user: origin.userId,
          ...thread,
          ...msg,
        }));
      }
      const channel = await this.direct.channelFor(conversation.workspaceId, origin.userId);
      return void (await api.chat.postMessage({ channel, ...msg }));
    }
    if (respond) return void (await viaResponseUrl({ response_type: 'in_channel', replace_original: false }));
    await api.chat.postMessage({ channel: conversation.channelId, ...thread, ...msg });
  }

  /** A file goes where the reply may be seen: the channel, or the person's DM with the bot. */
  private async upload(reply: Reply, origin: Origin): Promise<void> {
    const file = reply.attachment!;
    const isPrivate = reply.visibility === 'private' || origin.conversation.kind === 'direct';
    const channel =
      isPrivate && !origin.privateChannel
        ? await this.direct.channelFor(origin.conversation.workspaceId, origin.userId)
        : origin.conversation.channelId;
    await uploadFile(await this.apiFor(origin.conversation.workspaceId), channel, file, reply.summary);
  }
}

export async function uploadFile(
  api: SlackApi,
  channel: string,
  file: NonNullable<Reply['attachment']>,
  title: string,
): Promise<void> {
  await api.files.uploadV2({
    channel_id: channel,
    filename: file.filename,
    title: title.slice(0, 250),
    file: Buffer.from(file.content, 'utf8'),
  });
}
