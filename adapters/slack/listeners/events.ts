// Messages to the bot: an @mention in a channel, and anything written in its direct messages (which
// also tells us the person's direct-message channel for free). Events arrive already written to
// the durable inbox by the receiver, before the acknowledgement (adapters/slack/receiver.ts).
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import type { Origin } from '../deliver.ts';
import { channelKind, cleanText, isHumanMessage, type MessageEventLike } from '../translate.ts';
import type { ListenerContext } from './context.ts';

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  bolt.event('app_mention', async ({ event, body, context }) => {
    if (!isHumanMessage(event, context.botUserId)) return;
    const conversation: Conversation = {
      platform: 'slack',
      workspaceId: body.team_id,
      channelId: event.channel,
      kind: channelKind(event.channel),
    };
    const origin: Origin = { conversation, userId: event.user!, privateChannel: false, threadTs: event.thread_ts };
    await ctx.guard('mention', origin, () =>
      ctx.answer(origin, body.team_id, { type: 'text', text: cleanText(event.text, context.botUserId) }),
    );
  });

  bolt.event('message', async ({ event, body, context }) => {
    const message = event as MessageEventLike & { channel: string; channel_type?: string; thread_ts?: string };
    if (message.channel_type !== 'im' || !isHumanMessage(message, context.botUserId)) return;
    const conversation: Conversation = {
      platform: 'slack',
      workspaceId: body.team_id,
      channelId: message.channel,
      kind: 'direct',
    };
    const origin: Origin = { conversation, userId: message.user!, privateChannel: true, threadTs: message.thread_ts };
    await ctx.guard('direct', origin, async () => {
      await ctx.slack.direct.remember(body.team_id, message.user!, message.channel);
      await ctx.answer(origin, body.team_id, {
        type: 'text',
        text: cleanText(message.text ?? '', context.botUserId),
      });
    });
  });
}
