// Bolt listeners: acknowledge at once, then (once per delivery, whatever Slack re-sends) turn the
// payload into the core's Request, let the core answer and deliver the replies. No governance
// decisions here: the core decides what to say and who may see it. One exception to ack-first:
// decision clicks (votes, declarations) run the core, which records them in one transaction,
// before the ack, so a click Slack saw acknowledged is on the record; replies go after the ack.
import type { App as BoltApp } from '@slack/bolt';
import type { Conversation, Inbound } from '../../src/domain/chat/inbound.ts';
import { textReply } from '../../src/domain/chat/reply.ts';
import { claimDelivery } from '../persistence/deliveries.ts';
import type { App } from '../server/app.ts';
import { slackErrorCode } from './api.ts';
import { CLAIMED } from './receiver.ts';
import type { Origin } from './deliver.ts';
import { homeConversation } from './home.ts';
import { linkRosterByEmail } from './identity.ts';
import { ModalAck } from './modal-ack.ts';
import { OPEN_FORM_ACTION } from './pending-forms.ts';
import { formValues, formView, readMetadata, type StateValue } from './render/modal.ts';
import type { SlackParts } from './parts.ts';
import {
  actionInbound,
  channelKind,
  cleanText,
  deliveryKey,
  isHumanMessage,
  type ActionPayload,
  type MessageEventLike,
} from './translate.ts';

/** Slack shows an error when a click is not acknowledged within 3 s; Bolt answers 404 at 3.001 s. */
const ACK_DEADLINE_MS = 2_500;
const SORRY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
const UNAVAILABLE = 'Sorry, I can’t reach my records just now, so I did nothing. Please try again in a minute.';

export function registerListeners(bolt: BoltApp, app: App, s: SlackParts): void {
  const { logger } = app;

  /**
   * Tells the person something went wrong: where they asked (ephemeral, response_url), else in
   * their direct messages with the bot, else (Slack is not answering at all) the log says so.
   */
  const apologise = async (origin: Origin, text: string) => {
    try {
      return await s.delivery.deliver([textReply(text)], { ...origin, home: false, triggerId: undefined });
    } catch (error) {
      logger.warn('slack apology not delivered where asked; trying a direct message', {
        platform: 'slack',
        code: slackErrorCode(error),
      });
    }
    if (!(await s.notifier.sendToUser(origin.conversation.workspaceId, origin.userId, textReply(text)))) {
      logger.error('slack reply undeliverable', { platform: 'slack', code: 'E_UNDELIVERABLE' });
    }
  };

  /** A Slack API failure while answering is said as such: the answer was worked out but not shown. */
  const failure = (error: unknown): string =>
    (error as { code?: unknown }).code?.toString().startsWith('slack_webapi')
      ? `Sorry, I couldn’t show you my answer: Slack refused it (${slackErrorCode(error).slice(0, 60)}). Please try again in a minute, or ask me in a direct message.`
      : SORRY;

  /**
   * Runs `work` once per delivery key (events arrive already claimed by the receiver, `context`
   * says so); on failure the person is told, and the log gets a code. When the database cannot
   * even record the claim, nothing is done and the person is asked to try again.
   */
  const once = (
    key: string,
    kind: string,
    origin: Origin,
    work: () => Promise<void>,
    context: Record<string, unknown> = {},
  ) =>
    s.inFlight.run(async () => {
      if (context[CLAIMED] !== key) {
        let fresh: boolean;
        try {
          fresh = await claimDelivery(app.database, key);
        } catch (error) {
          logger.error('slack request refused: database unavailable', {
            platform: 'slack',
            kind,
            code: (error as { code?: string }).code ?? 'E_DATABASE',
          });
          return apologise(origin, UNAVAILABLE);
        }
        if (!fresh) {
          logger.info('slack delivery already handled', { platform: 'slack', kind, code: 'duplicate' });
          return;
        }
      }
      try {
        await work();
      } catch (error) {
        logger.error('slack request failed', { platform: 'slack', kind, code: slackErrorCode(error) });
        await apologise(origin, failure(error));
      }
    });

  /** `recorded` runs once the core has answered (its writes committed), before the replies go out. */
  const answer = async (origin: Origin, teamId: string, inbound: Inbound, recorded?: () => Promise<void>) => {
    const speaker = await s.users.speaker(teamId, origin.userId);
    const replies = await app.bot.handle({ conversation: origin.conversation, speaker, inbound });
    await recorded?.();
    await s.delivery.deliver(replies, origin);
  };

  bolt.command(/^\/.+/, async ({ command, ack, respond, context }) => {
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
      respond,
      triggerId: command.trigger_id,
    };
    await once(deliveryKey.command(command), 'command', origin, async () => {
      const text = cleanText(command.text, context.botUserId);
      await answer(origin, command.team_id, { type: 'command', text });
      if (conversation.kind !== 'direct' && /^setup\b/i.test(text)) await linkAfterSetup(conversation);
    });
  });

  /** A newly bound channel: link the roster's people to their Slack accounts by email, in the background. */
  const linkAfterSetup = async (conversation: Conversation) => {
    const binding = await app.stores.directory.findBinding('slack', conversation.workspaceId, conversation.channelId);
    if (!binding) return;
    void s.inFlight.run(() =>
      linkRosterByEmail(s.api, app.stores, logger, binding.partnershipId, conversation.workspaceId).catch((error) =>
        logger.warn('slack roster linking failed', { platform: 'slack', code: slackErrorCode(error) }),
      ),
    );
  };

  bolt.event('app_mention', async ({ event, body, context }) => {
    if (!isHumanMessage(event, context.botUserId)) return;
    const conversation: Conversation = {
      platform: 'slack',
      workspaceId: body.team_id,
      channelId: event.channel,
      kind: channelKind(event.channel),
    };
    const origin: Origin = { conversation, userId: event.user!, privateChannel: false, threadTs: event.thread_ts };
    await once(
      deliveryKey.event(body.event_id, event),
      'mention',
      origin,
      () => answer(origin, body.team_id, { type: 'text', text: cleanText(event.text, context.botUserId) }),
      context,
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
    await once(
      deliveryKey.event(body.event_id, event),
      'direct',
      origin,
      async () => {
        await s.direct.remember(body.team_id, message.user!, message.channel);
        await answer(origin, body.team_id, { type: 'text', text: cleanText(message.text ?? '', context.botUserId) });
      },
      context,
    );
  });

  bolt.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    const origin: Origin = {
      conversation: homeConversation(body.team_id, event.user),
      userId: event.user,
      privateChannel: false,
      home: true,
    };
    await once(
      deliveryKey.event(body.event_id, event),
      'home',
      origin,
      async () => {
        if (event.channel?.startsWith('D')) await s.direct.remember(body.team_id, event.user, event.channel);
        await s.home.publish(body.team_id, event.user);
      },
      context,
    );
  });

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
    await once(deliveryKey.action(userId, body.container, a), 'action', origin, async () => {
      if (a.action_id === OPEN_FORM_ACTION) return openPendingForm(a.value ?? '', origin);
      try {
        await answer(origin, teamId, actionInbound(a), ackOnce);
      } finally {
        await ackOnce(); // the core failed: acknowledge before the apology goes out
      }
    });
    clearTimeout(deadline);
    await ackOnce(); // a duplicate delivery (already handled) is acknowledged too
  });

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
    const values = formValues(view.state.values as unknown as Record<string, Record<string, StateValue>>);
    try {
      await once(deliveryKey.view(view.id, view.state.values), 'form', origin, async () => {
        const speaker = await s.users.speaker(teamId, userId);
        const replies = await app.bot.handle({
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
