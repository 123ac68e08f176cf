// The Teams activity handler: translates each activity into the core's Request, asks the core,
// and hands the replies to deliver.ts. No governance here: who may see what is the core's call.
import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Bot } from '../../src/bot/bot.ts';
import type { Inbound, Request } from '../../src/domain/chat/inbound.ts';
import type { DirectoryStore } from '../../src/services/ports/index.ts';
import type { DeliveryKeys } from '../persistence/maintenance-store.ts';
import { conversationOf, scopeOf, textInbound } from './activity.ts';
import { parseSubmission } from './cards/submit.ts';
import { deliver, deliverInvoke, type DeliveryDeps } from './deliver.ts';
import { messageResponse, notImplementedResponse } from './messages.ts';
import { HANDLED_INVOKES } from './validate.ts';
import { acceptFile, declineFile } from './files.ts';
import { forgetConversation, rememberConversation, welcome } from './install.ts';
import { messageText, speakerOf } from './speaker.ts';

export interface HandlerDeps extends DeliveryDeps {
  /** where deliveries are claimed, so a re-delivered activity is acted on once */
  deliveries: Pick<DeliveryKeys, 'claim'>;
  bot: Bot;
  directory: DirectoryStore;
}

/** A card submission we cannot read (an old card, another app's) goes to the core as an unknown action, which says so. */
const UNREADABLE: Inbound = { type: 'action', actionId: '', value: '' };

const ALREADY_DONE = 'That click had already reached me, so it was done once.';

export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: HandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetConversation(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  private welcome(context: TurnContext): Promise<void> {
    return welcome(context, this.deps.bot, {
      ...this.deps,
      speaker: () => speakerOf(context, this.deps.directory, this.deps.logger),
    });
  }

  /** Teams re-delivers an activity it thinks timed out: each activity id is acted on once. */
  private firstDelivery(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    return activity.id
      ? this.deps.deliveries.claim(`teams:${activity.conversation?.id}:${activity.id}`)
      : Promise.resolve(true);
  }

  private async message(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!(await this.firstDelivery(context))) return;
    // Keep a current reference: a personal chat's lets us answer privately later, a channel's
    // lets the core post to it (vote cards, reminders).
    await rememberConversation(context, this.deps);
    const text = await messageText(context, this.deps.logger);
    let inbound: Inbound;
    if (text) inbound = textInbound(text);
    else if (activity.value !== undefined) inbound = parseSubmission(activity.value) ?? UNREADABLE;
    else inbound = { type: 'text', text: '' };
    const request = await this.request(context, inbound);
    const replies = await this.deps.bot.handle(request);
    const clickedActivityId = inbound.type === 'action' || inbound.type === 'form' ? activity.replyToId : undefined;
    await deliver({ context, request, replies, clickedActivityId }, this.deps);
  }

  /**
   * Invokes other than the two this bot uses (card clicks, file consent) are answered "not
   * implemented" in the body of an HTTP 200, not botbuilder's bare 501: no endpoint answers a
   * request with a 5xx unless something is really down.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    if (!HANDLED_INVOKES.has(name)) return notImplementedResponse(name);
    return super.onInvokeActivity(context);
  }

  /** Action.Execute (Universal Actions): answered in the HTTP response with a refreshed card. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (!(await this.firstDelivery(context))) return messageResponse(ALREADY_DONE);
    const inbound = parseSubmission(invokeValue?.action?.data) ?? UNREADABLE;
    if (scopeOf(context.activity) === 'direct') await rememberConversation(context, this.deps);
    const request = await this.request(context, inbound);
    const replies = await this.deps.bot.handle(request);
    return deliverInvoke({ context, request, replies }, this.deps);
  }

  /** The person accepted a file the bot offered: upload it to the place Teams gave. */
  protected override handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    return acceptFile(context, response, this.deps.logger);
  }

  protected override handleTeamsFileConsentDecline(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    return declineFile(context, response);
  }

  private async request(context: TurnContext, inbound: Inbound): Promise<Request> {
    return {
      conversation: conversationOf(context.activity),
      speaker: await speakerOf(context, this.deps.directory, this.deps.logger),
      inbound,
    };
  }
}
