// The App Home tab: published with views.publish when the person opens it, and again (with the
// answer on top) when they click one of its buttons.
import type { KnownBlock } from '@slack/types';
import { homeReply } from '../../src/bot/home.ts';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Block } from '../../src/domain/chat/reply.ts';
import type { BotDeps } from '../../src/bot/context.ts';
import type { ApiFor } from './api.ts';
import type { SlackUsers } from './identity.ts';
import type { PendingForms } from './pending-forms.ts';
import { renderBlocks } from './render/blocks.ts';
import { LIMITS } from './render/text.ts';

/** The conversation of a click on the Home tab: private to the person, bound to no channel. */
export const homeConversation = (workspaceId: string, userId: string): Conversation => ({
  platform: 'slack',
  workspaceId,
  channelId: `home:${userId}`,
  kind: 'direct',
});

/** What the Home tab needs: the core's page is built from the stores, at the app's time. */
export type HomeContext = Pick<BotDeps, 'stores' | 'clock' | 'logger' | 'notifier'>;

export class SlackHome {
  constructor(
    private readonly ctx: HomeContext,
    private readonly api: ApiFor,
    private readonly users: SlackUsers,
    private readonly forms: PendingForms,
  ) {}

  /** `answer`: blocks of the replies to a click on the tab, shown above the usual content. */
  async publish(workspaceId: string, userId: string, answer: Block[] = []): Promise<void> {
    const conversation = homeConversation(workspaceId, userId);
    const speaker = await this.users.speaker(workspaceId, userId);
    const { stores, clock, logger, notifier } = this.ctx;
    const home = await homeReply(
      { conversation, speaker, inbound: { type: 'text', text: '' } },
      { stores, clock, logger, notifier },
    );
    const blocks: Block[] = answer.length ? [...answer, { kind: 'divider' }, ...home.blocks] : home.blocks;
    const rendered: KnownBlock[] = renderBlocks(blocks, {
      maxBlocks: LIMITS.viewBlocks,
      formButton: (form) => this.forms.button(form, { channelId: conversation.channelId, kind: 'direct' }),
    });
    const api = await this.api(workspaceId);
    await api.views.publish({ user_id: userId, view: { type: 'home', blocks: rendered } });
  }
}
