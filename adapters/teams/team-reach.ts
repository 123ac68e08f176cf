// The whole team within reach: when a channel of a team (or a group chat) is set up for a
// partnership, read its members through the Bot Connector (TeamsInfo's paged member calls), link
// them to the roster (services/team-reach.ts), and open a personal chat with each linked member
// the bot has no chat with yet, storing its reference for the notifier. Where Teams refuses (the
// app not installed for the person, proactive installation not allowed: 403/404), the chair is
// told privately who, and what to ask their Teams admin. Repeat-safe: a member already linked is
// not linked again, and one with a stored chat gets no second one.
import { TeamsInfo, TurnContext, type ConversationParameters, type TeamsChannelAccount } from 'botbuilder';
import type { Notifier } from '../../src/services/ports/index.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { linkTeamMembers, type TeamMember } from '../../src/services/team-reach.ts';
import { privateChatOpenedReply, reachReportReply } from '../../src/bot/views/team-reach.ts';
import { conversationOf, referenceFor, tenantOf } from './activity.ts';
import { send, type DeliveryDeps } from './deliver.ts';
import { emailOf } from './speaker.ts';
import { toActivity } from './messages.ts';
import { withRetry } from './retry.ts';

export interface ReachDeps extends DeliveryDeps {
  services: ServiceDeps;
  notifier: Pick<Notifier, 'sendToPerson'>;
}

const PAGE_SIZE = 100;

interface Account extends TeamMember {
  /** the Bot Framework id (29:...), which a new conversation names */
  channelAccountId: string;
}

/**
 * Every member of the team (or group chat) this activity came from, page by page; not those of
 * another organisation (tenant): their addresses are that tenant's word, never linked by here.
 */
async function membersOf(context: TurnContext, tenant: string): Promise<Account[]> {
  const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  const accounts: Account[] = [];
  let token: string | undefined;
  do {
    const page = await withRetry(() =>
      teamId
        ? TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token)
        : TeamsInfo.getPagedMembers(context, PAGE_SIZE, token),
    );
    for (const m of page.members ?? []) {
      if (m.tenantId && m.tenantId !== tenant) continue;
      const account = accountOf(m);
      if (account) accounts.push(account);
    }
    token = page.continuationToken || undefined;
  } while (token);
  return accounts;
}

function accountOf(m: TeamsChannelAccount): Account | null {
  if (!m.id || !m.aadObjectId) return null; // bots and accounts outside Entra cannot be linked
  return { channelAccountId: m.id, userId: m.aadObjectId, name: m.name ?? '', email: emailOf(m) };
}

const statusOf = (error: unknown) => (error as { statusCode?: unknown }).statusCode;

/**
 * Runs the reach for the partnership the conversation is bound to. `requestedBy`: the user id of
 * the chair or rep whose setup asked for it (the report always goes to the chair then); null for
 * an install event (the chair is told only when someone cannot be reached).
 */
export async function reachTeam(
  context: TurnContext,
  deps: ReachDeps,
  input: { partnershipId: string; slug: string; requestedBy: string | null },
): Promise<void> {
  const tenant = tenantOf(context.activity);
  const again = `@partnership-bot setup ${input.slug}`;
  let members: Account[];
  try {
    members = await membersOf(context, tenant);
  } catch (error) {
    deps.logger.warn('teams member list unreadable', { status: statusOf(error) });
    const linked = await linkTeamMembers(deps.services, { ...base(tenant, input), members: [] });
    if (!linked.ok) return;
    const { partnership, tell } = linked.value;
    const report = { partnership, again, reached: 0, refused: [], notInTeam: [], notOnRoster: [] };
    for (const person of tell)
      await deps.notifier.sendToPerson(person.id, reachReportReply({ ...report, membersUnreadable: true }));
    return;
  }
  const linked = await linkTeamMembers(deps.services, { ...base(tenant, input), members });
  if (!linked.ok) {
    deps.logger.info('teams team reach not run', { code: linked.refusal.code });
    return;
  }
  const { partnership, tell, notOnRoster, unlinked } = linked.value;
  const refused: string[] = [];
  let reached = 0;
  for (const { member, person } of linked.value.linked) {
    const account = member as Account;
    if (await deps.references.find(tenant, account.userId, true)) {
      reached++;
      continue;
    }
    try {
      await openChat(context, deps, account, tenant, async (chat) => {
        await send(chat, toActivity(privateChatOpenedReply(partnership)));
      });
      reached++;
    } catch (error) {
      const status = statusOf(error);
      deps.logger.warn('teams personal chat refused', { status, personId: person.id });
      refused.push(person.name);
    }
  }
  deps.logger.info('teams team reach done', { reached, refused: refused.length, notInTeam: unlinked.length });
  const needsTelling = refused.length > 0 || (input.requestedBy !== null && unlinked.length > 0);
  if (!needsTelling) return;
  const reply = reachReportReply({
    partnership,
    again,
    reached,
    refused,
    notInTeam: unlinked.map((p) => p.name),
    notOnRoster: notOnRoster.map((m) => m.name).filter(Boolean),
  });
  for (const person of tell)
    if (!(await deps.notifier.sendToPerson(person.id, reply)))
      deps.logger.warn('teams team reach report not delivered', { personId: person.id });
}

const base = (tenant: string, input: { partnershipId: string; requestedBy: string | null }) => ({
  platform: 'teams' as const,
  workspaceId: tenant,
  partnershipId: input.partnershipId,
  requestedBy: input.requestedBy,
});

/** A new personal chat with a team member; its reference is stored as a message from them would store it. */
async function openChat(
  context: TurnContext,
  deps: ReachDeps,
  account: Account,
  tenant: string,
  logic: (chat: TurnContext) => Promise<void>,
): Promise<void> {
  const { activity } = context;
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [{ id: account.channelAccountId, name: '' }],
    tenantId: tenant,
    channelData: { tenant: { id: tenant } },
  } as ConversationParameters;
  const creator = deps.adapter as unknown as {
    createConversationAsync(
      appId: string,
      channelId: string,
      serviceUrl: string,
      audience: string | undefined,
      parameters: ConversationParameters,
      logic: (c: TurnContext) => Promise<void>,
    ): Promise<void>;
  };
  await withRetry(() =>
    creator.createConversationAsync(
      deps.appId,
      activity.channelId,
      activity.serviceUrl,
      undefined,
      parameters,
      async (chat) => {
        const reference = referenceFor(TurnContext.getConversationReference(chat.activity), 'direct');
        // the reference names the person by their Entra id, as a message of theirs would
        const user = { id: account.channelAccountId, name: account.name, aadObjectId: account.userId };
        await deps.references.save({ workspaceId: tenant, key: account.userId, reference: { ...reference, user } });
        await logic(chat);
      },
    ),
  );
}

/**
 * After a `setup` typed in a team channel or group chat: when the conversation is now bound (just
 * now, or already: typing setup again is how the chair retries), reach its members.
 */
export async function reachAfterSetup(context: TurnContext, deps: ReachDeps, userId: string): Promise<void> {
  const { directory, rosters } = deps.services.stores;
  const conversation = conversationOf(context.activity);
  if (conversation.kind === 'direct') return;
  const binding = await directory.findBinding('teams', conversation.workspaceId, conversation.channelId);
  const partnership = binding ? await rosters.getPartnership(binding.partnershipId) : null;
  if (!partnership) return;
  await reachTeam(context, deps, { partnershipId: partnership.id, slug: partnership.slug, requestedBy: userId });
}
