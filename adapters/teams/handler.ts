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
import type { InboxRunner } from '../inbox/runner.ts';
import { inboxKey, STILL_WORKING, type StoredTeamsRequest } from './inbox.ts';
import { conversationOf, scopeOf, textInbound } from './activity.ts';
import { parseSubmission } from './cards/submit.ts';
import { deliver, deliverInvoke, type DeliveryDeps } from './deliver.ts';
import { messageResponse, notImplementedResponse, textActivity } from './messages.ts';
import { HANDLED_INVOKES } from './validate.ts';
import { acceptFile, declineFile } from './files.ts';
import { forgetConversation, rememberConversation, welcome } from './install.ts';
import { messageText, speakerOf } from './speaker.ts';
import { reachAfterSetup, type ReachDeps } from './team-reach.ts';

export interface HandlerDeps extends DeliveryDeps {
  /** the durable inbox: each activity is written there before it is answered, and acted on once */
  inbox: Pick<InboxRunner, 'accept' | 'process'>;
  bot: Bot;
  directory: DirectoryStore;
  /** reaching a whole team once one of its channels is set up (team-reach.ts) */
  reach?: ReachDeps;
}

/** A card submission we cannot read (an old card, another app's) goes to the core as an unknown action, which says so. */
const UNREADABLE: Inbound = { type: 'action', actionId: '', value: '' };

const isSetup = (inbound: Inbound) => inbound.type === 'command' && /^setup\b/i.test(inbound.text.trim());

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

  /**
   * Writes the request to the durable inbox (false: a re-delivery, already received), then lets
   * the core answer it there. Teams re-delivers an activity it thinks timed out with the same id.
   */
  private async inboxed(
    context: TurnContext,
    request: Request,
    answer: (replies: Awaited<ReturnType<Bot['handle']>>) => Promise<void>,
  ): Promise<'done' | 'duplicate' | 'retrying'> {
    const key = inboxKey(context.activity);
    const stored: StoredTeamsRequest = { request };
    if (!(await this.deps.inbox.accept(key, 'teams', stored))) return 'duplicate';
    const processed = await this.deps.inbox.process(
      key,
      1,
      async () => answer(await this.deps.bot.handle(request)),
      undefined,
      // the Bot Connector refused the reply (it carries a status): it would refuse it again
      (error) => (error as { statusCode?: unknown }).statusCode === undefined,
    );
    if (processed.outcome === 'done' || processed.outcome === 'duplicate') return processed.outcome;
    if (processed.outcome === 'retrying') return 'retrying';
    throw (processed as { error: unknown }).error; // onTurnError apologises
  }

  private async message(context: TurnContext): Promise<void> {
    const { activity } = context;
    // Keep a current reference: a personal chat's lets us answer privately later, a channel's
    // lets the core post to it (vote cards, reminders).
    await rememberConversation(context, this.deps);
    const text = await messageText(context, this.deps.logger);
    let inbound: Inbound;
    if (text) inbound = textInbound(text);
    else if (activity.value !== undefined) inbound = parseSubmission(activity.value) ?? UNREADABLE;
    else inbound = { type: 'text', text: '' };
    const request = await this.request(context, inbound);
    const clickedActivityId = inbound.type === 'action' || inbound.type === 'form' ? activity.replyToId : undefined;
    const outcome = await this.inboxed(context, request, (replies) =>
      deliver({ context, request, replies, clickedActivityId }, this.deps),
    );
    if (outcome === 'retrying') await context.sendActivity(textActivity(STILL_WORKING));
    if (outcome === 'done' && this.deps.reach && isSetup(inbound))
      await reachAfterSetup(context, this.deps.reach, request.speaker.userId).catch((error: unknown) => {
        // the setup itself is done and answered; the chair can type it again to retry the reach
        this.deps.logger.error('teams team reach failed', { error });
      });
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
    const inbound = parseSubmission(invokeValue?.action?.data) ?? UNREADABLE;
    if (scopeOf(context.activity) === 'direct') await rememberConversation(context, this.deps);
    const request = await this.request(context, inbound);
    let response: AdaptiveCardInvokeResponse | undefined;
    const outcome = await this.inboxed(context, request, async (replies) => {
      response = await deliverInvoke({ context, request, replies }, this.deps);
    });
    if (outcome === 'duplicate') return messageResponse(ALREADY_DONE);
    if (outcome === 'retrying' || !response) return messageResponse(STILL_WORKING);
    return response;
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
