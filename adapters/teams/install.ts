// The bot added to a personal chat, a group chat or a team. Teams often sends both an
// installationUpdate and a conversationUpdate for one install: both store the reference (so
// later features can message the conversation with continueConversationAsync), and whichever
// claims the welcome first sends it, once.
import { TurnContext } from 'botbuilder';
import type { Bot } from '../../src/bot/bot.ts';
import type { Request, Speaker } from '../../src/domain/chat/inbound.ts';
import { conversationOf, referenceFor, referenceKey, scopeOf, tenantOf, userIdOf } from './activity.ts';
import { send, type DeliveryDeps } from './deliver.ts';
import { toActivity } from './messages.ts';

/** Stores (or refreshes) the reference of the conversation this activity came from. */
export async function rememberConversation(
  context: TurnContext,
  deps: DeliveryDeps,
): Promise<{ workspaceId: string; key: string }> {
  const { activity } = context;
  const where = { workspaceId: tenantOf(activity), key: referenceKey(activity) };
  const reference = referenceFor(TurnContext.getConversationReference(activity), scopeOf(activity));
  await deps.references.save({ ...where, reference });
  return where;
}

export async function forgetConversation(context: TurnContext, deps: DeliveryDeps): Promise<void> {
  const { activity } = context;
  await deps.references.forget(tenantOf(activity), referenceKey(activity));
}

/**
 * The welcome is the core's help (what the bot can do, and that personal details never appear
 * in a channel). It is general text with nothing personal in it, so it is posted where the bot
 * was added, even though help asked for directly is answered privately.
 */
export async function welcome(
  context: TurnContext,
  bot: Bot,
  deps: DeliveryDeps & { speaker: () => Promise<Speaker> },
): Promise<void> {
  const where = await rememberConversation(context, deps);
  if (!(await deps.references.claimWelcome(where.workspaceId, where.key))) return;
  const { activity } = context;
  const personal = scopeOf(activity) === 'direct';
  const request: Request = {
    conversation: conversationOf(activity),
    // In a personal install the speaker is the person who installed: with the email Teams has for
    // them, the core links them to the roster, so vote prompts reach them before they ever write.
    speaker: personal ? await deps.speaker() : { userId: userIdOf(activity), workspaceId: tenantOf(activity) },
    inbound: { type: 'command', text: 'help' },
  };
  for (const reply of await bot.handle(request)) await send(context, toActivity(reply));
  deps.logger.info('teams welcome sent', { kind: request.conversation.kind });
}
