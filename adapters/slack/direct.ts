// The bot's direct-message channel with a person: opened once with conversations.open, then
// remembered (adapters/persistence/conversation-refs.ts) so later private messages need one API
// call, not two.
import type { SlackDirectStore } from '../persistence/conversation-refs.ts';
import { apiSource, type ApiFor, type SlackApi } from './api.ts';

/** Where the channels are remembered. */
export type DirectChannelStore = Pick<SlackDirectStore, 'findChannel' | 'rememberChannel'>;

export class DirectChannels {
  private readonly api: ApiFor;

  constructor(
    api: SlackApi | ApiFor,
    private readonly store: DirectChannelStore,
  ) {
    this.api = apiSource(api);
  }

  async channelFor(workspaceId: string, userId: string): Promise<string> {
    const known = await this.store.findChannel(workspaceId, userId);
    if (known) return known;
    const api = await this.api(workspaceId);
    const opened = await api.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'no_channel' });
    await this.remember(workspaceId, userId, channel);
    return channel;
  }

  /** A direct message from the person tells us the channel for free. */
  async remember(workspaceId: string, userId: string, channel: string): Promise<void> {
    await this.store.rememberChannel(workspaceId, userId, channel);
  }
}
