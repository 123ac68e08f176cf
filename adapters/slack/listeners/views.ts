// Modal submissions (view_submission): the core's answer is shown in the modal when it is the same
// form back with problems to fix, each under its field (ModalAck answers within Slack's 3 s);
// anything else is delivered where the form was opened from.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import type { Origin } from '../deliver.ts';
import { homeConversation } from '../home.ts';
import { ModalAck } from '../modal-ack.ts';
import { formValues, formView, readMetadata } from '../render/modal.ts';
import { channelKind } from '../translate.ts';
import type { ListenerContext } from './context.ts';

/** The input blocks of the submitted modal (Slack sends the view with its blocks; state.values as a fallback). */
function inputBlockIds(view: { blocks?: unknown; state: { values: Record<string, unknown> } }): Set<string> {
  const ids = new Set(Object.keys(view.state.values));
  if (Array.isArray(view.blocks))
    for (const b of view.blocks as { type?: unknown; block_id?: unknown }[])
      if (b.type === 'input' && typeof b.block_id === 'string') ids.add(b.block_id);
  return ids;
}

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
        const rest = await modal.answer(
          replies,
          { formId: view.callback_id, blockIds: inputBlockIds(view) },
          (form, lead) =>
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
