// Modal submissions (view_submission): the core's answer is shown in the modal when it is the same
// form back with problems to fix (ModalAck answers within Slack's 3 s); anything else is
// delivered where the form was opened from.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import type { Origin } from '../deliver.ts';
import { homeConversation } from '../home.ts';
import { ModalAck } from '../modal-ack.ts';
import { formValues, formView, readMetadata } from '../render/modal.ts';
import { channelKind } from '../translate.ts';
import type { ListenerContext } from './context.ts';

export function register(bolt: BoltApp, ctx: ListenerContext): void {
  const s = ctx.slack;
  bolt.view({ type: 'view_submission' }, async ({ ack, body, view }) => {
    if (body.type !== 'view_submission') return void (await ack());
    const modal = new ModalAck(ack);
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const { context, origin: from } = readMetadata(view.private_metadata);
    const conversation: Conversation =
      from.channelId && !from.channelId.startsWith('home:')
        ? {
            platform: 'slack',
            workspaceId: teamId,
            channelId: from.channelId,
            kind: from.kind ?? channelKind(from.channelId),
          }
        : homeConversation(teamId, userId);
    const origin: Origin = { conversation, userId, privateChannel: false, triggerId: body.trigger_id };
    const values = formValues(view.state.values);
    try {
      await ctx.guard('form', origin, async () => {
        const speaker = await s.users.speaker(teamId, userId);
        const replies = await ctx.bot.handle({
          conversation,
          speaker,
          inbound: { type: 'form', formId: view.callback_id, values, context },
        });
        // the same form back (its problems to fix) is shown in the modal in place
        const rest = await modal.answer(replies, view.callback_id, (form, lead) =>
          formView(
            form,
            from,
            lead.length ? s.delivery.render({ summary: '', blocks: lead, visibility: 'private' }, origin).blocks : [],
          ),
        );
        await s.delivery.deliver(rest, origin);
      });
    } finally {
      await modal.close();
    }
  });
}
