// Sends the core's replies for one turn. Replies the conversation may see go into it (in the
// thread, for a channel). Teams has no ephemeral messages, so a private reply asked for in a
// channel or group chat goes to the person's personal chat with the bot, and the conversation
// only gets a neutral line saying so; private content never goes into the conversation.
import {
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Request, Speaker } from '../../src/domain/chat/inbound.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import type { TeamsReferenceStore } from '../persistence/conversation-refs.ts';
import { referenceFor } from './activity.ts';
import { fileConsentActivity } from './files.ts';
import { cardResponse, messageResponse, textActivity, toActivity } from './messages.ts';
import { withRetry } from './retry.ts';

export interface DeliveryDeps {
  adapter: CloudAdapter;
  /** '' when authentication is off */
  appId: string;
  /** where conversation references are kept (saved on every message and click in a personal chat) */
  references: TeamsReferences;
  logger: Logger;
}

export const SENT_PRIVATELY = 'I’ve sent you my answer in a private chat.';
export const ASK_PRIVATELY =
  'I can only answer that privately, and I can’t open a private chat with you yet. Open a chat with me (select my name, then Chat) and ask me there.';

export type TeamsReferences = Pick<TeamsReferenceStore, 'save' | 'find' | 'claimWelcome' | 'forget'>;

/**
 * createConversationAsync as botbuilder runs it: its declaration asks for an audience, but with
 * none the connector uses the configured cloud's (public, government, China), which is what we want.
 */
interface ConversationCreator {
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string | undefined,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface Turn {
  context: TurnContext;
  request: Request;
  replies: Reply[];
  /** an Action.Submit: the message whose card was clicked, for replies that replace it */
  clickedActivityId?: string | undefined;
}

export const send = (context: TurnContext, activity: Partial<Activity>) =>
  withRetry(() => context.sendActivity(activity));

/** A reply in a personal chat: its message, then the offer of its file (if any). */
export async function sendWithFile(context: TurnContext, reply: Reply): Promise<void> {
  if (reply.blocks.length) await send(context, toActivity(reply));
  if (reply.attachment) await send(context, fileConsentActivity(reply.attachment));
}

/** Messages and Action.Submit clicks. */
export async function deliver(turn: Turn, deps: DeliveryDeps): Promise<void> {
  const { here, privately } = split(turn);
  let rest = here;
  const replacing = turn.clickedActivityId ? here.find((r) => r.replaceOriginal) : undefined;
  if (replacing && turn.clickedActivityId) {
    const id = turn.clickedActivityId;
    await withRetry(() => turn.context.updateActivity({ ...toActivity(replacing), id }));
    rest = here.filter((r) => r !== replacing);
  }
  for (const reply of rest) await sendHere(turn, reply);
  if (privately.length) await send(turn.context, textActivity(await sendPrivately(turn, privately, deps)));
}

const sendHere = ({ context, request }: Turn, reply: Reply) =>
  request.conversation.kind === 'direct' ? sendWithFile(context, reply) : send(context, toActivity(reply));

/** Action.Execute clicks: the first reply the conversation may see becomes the refreshed card. */
export async function deliverInvoke(turn: Turn, deps: DeliveryDeps): Promise<AdaptiveCardInvokeResponse> {
  const { here, privately } = split(turn);
  const [first, ...rest] = here;
  for (const reply of rest) await sendHere(turn, reply);
  // The refreshed card cannot carry a file: it is offered in a message of its own.
  if (first?.attachment) await send(turn.context, fileConsentActivity(first.attachment));
  const note = privately.length ? await sendPrivately(turn, privately, deps) : null;
  if (first) {
    if (note) await send(turn.context, textActivity(note));
    return cardResponse(first);
  }
  // Nothing for the conversation: the card stays, and only the person who clicked sees the note.
  return messageResponse(note ?? 'Done.');
}

function split({ request, replies }: Turn): { here: Reply[]; privately: Reply[] } {
  if (request.conversation.kind === 'direct') return { here: replies, privately: [] };
  const here = replies.filter((r) => r.visibility === 'channel');
  // Files can only be offered in a personal chat: a shared reply's file goes to the person who asked.
  const files: Reply[] = here
    .filter((r) => r.attachment)
    .map((r) => ({ summary: r.summary, blocks: [], visibility: 'private', attachment: r.attachment }));
  return {
    here: here.map(({ attachment: _file, ...r }) => r),
    privately: [...replies.filter((r) => r.visibility === 'private'), ...files],
  };
}

/** Returns the line to show in the conversation. */
async function sendPrivately(turn: Turn, replies: Reply[], deps: DeliveryDeps): Promise<string> {
  const { speaker } = turn.request;
  const sendAll = async (context: TurnContext) => {
    for (const reply of replies) await sendWithFile(context, reply);
  };
  try {
    const reference = await deps.references.find<Partial<ConversationReference>>(
      speaker.workspaceId,
      speaker.userId,
      true,
    );
    if (reference) {
      await deps.adapter.continueConversationAsync(deps.appId, reference, sendAll);
      return SENT_PRIVATELY;
    }
    if (await openPersonalChat(turn.context, speaker, deps, sendAll)) return SENT_PRIVATELY;
  } catch (error) {
    deps.logger.warn('teams private reply failed', {
      code: (error as { code?: string }).code,
      status: (error as { statusCode?: number }).statusCode,
    });
  }
  return ASK_PRIVATELY;
}

/**
 * Starts a personal chat with the speaker. Teams allows it when the app is installed where the
 * person is (this team or chat); it refuses (403) otherwise, and we ask them to message us.
 */
async function openPersonalChat(
  context: TurnContext,
  speaker: Speaker,
  deps: DeliveryDeps,
  logic: (c: TurnContext) => Promise<void>,
): Promise<boolean> {
  const { activity } = context;
  if (activity.channelId !== 'msteams' || !activity.from?.id || !activity.serviceUrl) return false;
  const tenantId = activity.conversation.tenantId ?? speaker.workspaceId;
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [{ id: activity.from.id, name: '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  const creator: ConversationCreator = deps.adapter;
  await creator.createConversationAsync(
    deps.appId,
    activity.channelId,
    activity.serviceUrl,
    undefined,
    parameters,
    async (personal) => {
      const reference = referenceFor(TurnContext.getConversationReference(personal.activity), 'direct');
      await deps.references.save({ workspaceId: speaker.workspaceId, key: speaker.userId, reference });
      await logic(personal);
    },
  );
  return true;
}
