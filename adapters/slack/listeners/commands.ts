// Slash commands: acknowledged at once, then answered through the response_url (respond.ts).
// After `setup` binds a channel, its roster's people are linked to their Slack accounts by email.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import { slackErrorCode } from '../api.ts';
import type { Origin } from '../deliver.ts';
import { linkRosterByEmail } from '../identity.ts';
import { channelKind, cleanText } from '../translate.ts';
import type { ListenerContext } from './context.ts';
import { respondTo } from '../respond.ts';

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  const { logger, slack: s } = ctx;

  /** A newly bound channel: link the roster's people to their Slack accounts by email, in the background. */
  const linkAfterSetup = async (conversation: Conversation) => {
    const binding = await ctx.stores.directory.findBinding('slack', conversation.workspaceId, conversation.channelId);
    if (!binding) return;
    void s.inFlight.run(() =>
      linkRosterByEmail(s.apiFor, ctx.stores, logger, binding.partnershipId, conversation.workspaceId).catch((error) =>
        logger.warn('slack roster linking failed', { platform: 'slack', code: slackErrorCode(error) }),
      ),
    );
  };

  bolt.command(/^\/.+/, async ({ command, ack, context }) => {
    await ack();
    const conversation: Conversation = {
      platform: 'slack',
      workspaceId: command.team_id,
      channelId: command.channel_id,
      kind: channelKind(command.channel_id, command.channel_name),
    };
    const origin: Origin = {
      conversation,
      userId: command.user_id,
      privateChannel: false,
      respond: respondTo(command.response_url),
      triggerId: command.trigger_id,
    };
    await ctx.guard('command', origin, async () => {
      const text = cleanText(command.text, context.botUserId);
      await ctx.answer(origin, command.team_id, { type: 'command', text });
      if (conversation.kind !== 'direct' && /^setup\b/i.test(text)) await linkAfterSetup(conversation);
    });
  });
}
