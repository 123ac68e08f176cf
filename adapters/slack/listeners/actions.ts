// Button clicks (block_actions). Acknowledged at once: the receiver wrote the click to the durable
// inbox before this runs, so an acknowledged click is on disk and is processed even if this
// process dies now (docs/inbox.md). The core then records it; replies follow.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import { textReply } from '../../../src/domain/chat/reply.ts';
import type { Origin } from '../deliver.ts';
import { homeConversation } from '../home.ts';
import { OPEN_FORM_ACTION } from '../pending-forms.ts';
import { formView } from '../render/modal.ts';
import { respondTo } from '../respond.ts';
import { actionInbound, channelKind, type ActionPayload } from '../translate.ts';
import type { ListenerContext } from './context.ts';

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  const { slack: s } = ctx;

  /** A form too big for a message opens as a modal from its button, while the form is still held. */
  const openPendingForm = async (id: string, origin: Origin) => {
    const pending = s.forms.get(id);
    if (!pending || !origin.triggerId) {
      return s.delivery.deliver(
        [textReply('That form has expired. Ask me again and I will give you a new one.')],
        origin,
      );
    }
    const api = await s.apiFor(origin.conversation.workspaceId);
    await api.views.open({ trigger_id: origin.triggerId, view: formView(pending.form, pending.origin) });
  };

  bolt.action({ type: 'block_actions' }, async ({ ack, body, action, context }) => {
    const a = action as ActionPayload;
    await ack();
    if (body.type !== 'block_actions' || body.view?.type === 'modal') return; // inputs in our modals do not dispatch
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? context.teamId ?? '';
    const container = body.container as {
      type?: string;
      message_ts?: string;
      channel_id?: string;
      is_ephemeral?: boolean;
    };
    const home = body.view?.type === 'home';
    const channelId = body.channel?.id ?? container.channel_id;
    const conversation: Conversation =
      home || !channelId
        ? homeConversation(teamId, userId)
        : { platform: 'slack', workspaceId: teamId, channelId, kind: channelKind(channelId, body.channel?.name) };
    const message =
      !home && container.type === 'message' && container.message_ts && channelId
        ? { channelId, ts: container.message_ts, ephemeral: !!container.is_ephemeral }
        : undefined;
    const origin: Origin = {
      conversation,
      userId,
      home,
      message,
      triggerId: body.trigger_id,
      // a message in a D channel that is not ephemeral was posted by the bot in its own DM
      privateChannel: !!message && !message.ephemeral && conversation.kind === 'direct',
      respond: body.response_url ? respondTo(body.response_url) : undefined,
      threadTs: (body.message as { thread_ts?: string } | undefined)?.thread_ts,
    };
    await ctx.guard('action', origin, async () => {
      if (a.action_id === OPEN_FORM_ACTION) return openPendingForm(a.value ?? '', origin);
      await ctx.answer(origin, teamId, actionInbound(a));
    });
  });
}
