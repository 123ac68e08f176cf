// Button clicks (block_actions). Acknowledged at once, except decision clicks (votes,
// declarations): they run the core, which records them in one transaction, before the ack, so a
// click Slack saw acknowledged is on the record; replies go after the ack.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import { textReply } from '../../../src/domain/chat/reply.ts';
import type { Origin } from '../deliver.ts';
import { homeConversation } from '../home.ts';
import { OPEN_FORM_ACTION } from '../pending-forms.ts';
import { formView } from '../render/modal.ts';
import { actionInbound, channelKind, deliveryKey, type ActionPayload } from '../translate.ts';
import type { ListenerContext } from './context.ts';

/** Slack shows an error when a click is not acknowledged within 3 s; Bolt answers 404 at 3.001 s. */
const ACK_DEADLINE_MS = 2_500;

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  const { logger, slack: s } = ctx;

  /** A form too big for a message opens as a modal from its button, while the form is still held. */
  const openPendingForm = async (id: string, origin: Origin) => {
    const pending = s.forms.get(id);
    if (!pending || !origin.triggerId) {
      return s.delivery.deliver(
        [textReply('That form has expired. Ask me again and I will give you a new one.')],
        origin,
      );
    }
    await s.api.views.open({ trigger_id: origin.triggerId, view: formView(pending.form, pending.origin) });
  };

  bolt.action({ type: 'block_actions' }, async ({ ack, body, action, respond, context }) => {
    const a = action as ActionPayload;
    let acked = false;
    const ackOnce = async () => {
      if (acked) return;
      acked = true;
      await ack();
    };
    // A vote or declaration is normally tens of ms of database work, inside Slack's 3 s for the ack.
    // When clicks queue behind the database for longer, ack at the deadline anyway (the vote is
    // still written and the reply follows): a late ack would show the person an error for a vote
    // that then counts.
    const recordFirst =
      body.type === 'block_actions' && body.view?.type !== 'modal' && a.action_id.startsWith('decision.');
    if (!recordFirst) await ackOnce();
    const deadline = recordFirst
      ? setTimeout(() => {
          if (acked) return;
          logger.warn('slack decision click acknowledged before it was recorded', {
            platform: 'slack',
            kind: 'action',
            code: 'ack-deadline',
          });
          void ackOnce().catch(() => undefined);
        }, ACK_DEADLINE_MS)
      : undefined;
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
      respond: body.response_url ? respond : undefined,
      threadTs: (body.message as { thread_ts?: string } | undefined)?.thread_ts,
    };
    await ctx.once(deliveryKey.action(userId, body.container, a), 'action', origin, async () => {
      if (a.action_id === OPEN_FORM_ACTION) return openPendingForm(a.value ?? '', origin);
      try {
        await ctx.answer(origin, teamId, actionInbound(a), ackOnce);
      } finally {
        await ackOnce(); // the core failed: acknowledge before the apology goes out
      }
    });
    clearTimeout(deadline);
    await ackOnce(); // a duplicate delivery (already handled) is acknowledged too
  });
}
