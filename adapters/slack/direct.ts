// The bot's direct-message channel with a person: opened once with conversations.open, then
// remembered in ConversationRef so later private messages need one API call, not two.
import type { Db } from '../persistence/database.ts';
import type { SlackApi } from './api.ts';

export class DirectChannels {
  constructor(
    private readonly api: SlackApi,
    private readonly db: Db,
  ) {}

  async channelFor(workspaceId: string, userId: string): Promise<string> {
    const where = { platform_workspaceId_key: { platform: 'slack', workspaceId, key: userId } };
    const known = await this.db.conversationRef.findUnique({ where });
    if (known) return known.reference;
    const opened = await this.api.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'no_channel' });
    await this.remember(workspaceId, userId, channel);
    return channel;
  }

  /** A direct message from the person tells us the channel for free. */
  async remember(workspaceId: string, userId: string, channel: string): Promise<void> {
    await this.db.conversationRef.upsert({
      where: { platform_workspaceId_key: { platform: 'slack', workspaceId, key: userId } },
      create: { platform: 'slack', workspaceId, key: userId, reference: channel },
      update: { reference: channel },
    });
  }
}
