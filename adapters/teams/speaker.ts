// Who is speaking, and whom they mention, in the core's terms. Teams gives the user's Entra
// object id (aadObjectId) on every activity; the email (to link a new user to the roster) comes
// from the Bot Connector's member lookup, which is asked only while the user is not linked yet.
// A failed lookup never breaks the reply: the user is then simply not linked by email this time.
import { TeamsInfo, TurnContext, type Mention, type TeamsChannelAccount } from 'botbuilder';
import type { Speaker } from '../../src/domain/chat/inbound.ts';
import type { DirectoryStore, Logger } from '../../src/services/ports/index.ts';
import { stripAtTags, tenantOf, userIdOf } from './activity.ts';

async function lookUp(context: TurnContext, userId: string, logger: Logger): Promise<TeamsChannelAccount | null> {
  try {
    return await TeamsInfo.getMember(context, userId);
  } catch (error) {
    logger.warn('teams member lookup failed', {
      code: (error as { code?: string }).code,
      status: (error as { statusCode?: number }).statusCode,
    });
    return null;
  }
}

/** An email address from the member record: `email`, else a UPN that is an address (not a guest's #EXT# UPN). */
export function emailOf(member: TeamsChannelAccount): string | undefined {
  if (member.email) return member.email;
  const upn = member.userPrincipalName;
  return upn && /^[^@\s#]+@[^@\s]+$/.test(upn) ? upn : undefined;
}

export async function speakerOf(context: TurnContext, directory: DirectoryStore, logger: Logger): Promise<Speaker> {
  const { activity } = context;
  const tenant = tenantOf(activity);
  const base: Speaker = {
    userId: userIdOf(activity),
    workspaceId: tenant,
    displayName: activity.from?.name || undefined,
  };
  if (await directory.findIdentity('teams', tenant, base.userId)) return base;
  const member = activity.from?.id ? await lookUp(context, activity.from.id, logger) : null;
  if (!member) return base;
  return {
    ...base,
    workspaceId: member.tenantId || tenant,
    email: emailOf(member),
    displayName: member.name || base.displayName,
  };
}

/**
 * The message text with the bot's own mention removed and other people's mentions turned into
 * `<@aadObjectId>`, the form the core's `link` command reads. A mention whose object id cannot be
 * found keeps just the name, so the core asks for a proper mention.
 */
export async function messageText(context: TurnContext, logger: Logger): Promise<string> {
  const { activity } = context;
  if (typeof activity.text !== 'string') return '';
  let text = TurnContext.removeRecipientMention(activity) ?? '';
  const recipient = activity.recipient?.id;
  for (const mention of TurnContext.getMentions(activity) as Mention[]) {
    if (!mention.text || mention.mentioned?.id === recipient || !text.includes(mention.text)) continue;
    const mentioned = mention.mentioned as TeamsChannelAccount;
    const aad = mentioned.aadObjectId ?? (await lookUp(context, mentioned.id, logger))?.aadObjectId;
    text = text.replace(mention.text, aad ? `<@${aad}>` : stripAtTags(mention.text));
  }
  return stripAtTags(text).trim();
}
