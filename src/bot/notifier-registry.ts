// The Notifier the core uses: reaches a person on whichever platforms they are linked on, and
// a conversation through its own platform's adapter. Adapters plug in as they start.
import type { Platform } from '../domain/chat/inbound.ts';
import { createChannelGuard, type ChannelGuard, type ChannelGuardDeps } from './channel-guard.ts';
import type { DirectoryStore, Logger, MessageRef, Notifier, PlatformNotifier } from '../services/ports/index.ts';

export class NotifierRegistry implements Notifier {
  private readonly platforms = new Map<Platform, PlatformNotifier>();
  private readonly directory: DirectoryStore;
  /** What the core posts in a channel on its own passes the same guard as its answers. */
  private readonly guard: ChannelGuard;

  constructor(
    stores: ChannelGuardDeps['stores'],
    private readonly logger: Logger,
  ) {
    this.directory = stores.directory;
    this.guard = createChannelGuard({ stores, logger });
  }

  register(platform: Platform, notifier: PlatformNotifier): void {
    this.platforms.set(platform, notifier);
  }

  async sendToPerson(personId: string, reply: Parameters<Notifier['sendToPerson']>[1]): Promise<boolean> {
    return (await this.sendToPersonAt(personId, reply)) !== null;
  }

  async sendToPersonAt(personId: string, reply: Parameters<Notifier['sendToPerson']>[1]): Promise<MessageRef[] | null> {
    let delivered = false;
    const landed: MessageRef[] = [];
    for (const identity of await this.directory.identitiesOf(personId)) {
      const platform = this.platforms.get(identity.platform);
      if (!platform) continue;
      try {
        if (platform.sendToUserAt) {
          const at = await platform.sendToUserAt(identity.workspaceId, identity.userId, reply);
          // a platform that sent without saying where (no id back) delivered, but cannot be replaced later
          if (at?.messageId) landed.push(at);
          delivered = !!at || delivered;
        } else delivered = (await platform.sendToUser(identity.workspaceId, identity.userId, reply)) || delivered;
      } catch (error) {
        this.logger.warn('private message failed', {
          platform: identity.platform,
          personId,
          code: (error as { code?: string }).code,
        });
      }
    }
    return delivered ? landed : null;
  }

  async sendToConversation(
    ...[conversation, reply]: Parameters<Notifier['sendToConversation']>
  ): Promise<MessageRef | null> {
    const platform = this.platforms.get(conversation.platform);
    return platform ? platform.sendToConversation(conversation, await this.guard.screen(conversation, reply)) : null;
  }

  canReach(platform: Platform): boolean {
    return this.platforms.has(platform);
  }

  async updateMessage(ref: MessageRef, reply: Parameters<Notifier['updateMessage']>[1]): Promise<boolean> {
    const platform = this.platforms.get(ref.platform);
    return platform ? platform.updateMessage(ref, await this.guard.screen(ref, reply)) : false;
  }
}
