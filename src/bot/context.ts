// Resolving a request to a partnership and a person, the same way on every platform. A channel
// bound to a partnership decides the partnership; in a direct chat the person's own link does.
// Someone from another workspace, or an unbound channel, never sees a partnership's data.
import type { Person, Roster } from '../domain/roster.ts';
import type {
  Clock,
  DirectoryStore,
  LinkedPerson,
  Logger,
  Notifier,
  PartnershipRef,
  Stores,
} from '../services/ports/index.ts';
import type { Platform, Request } from '../domain/chat/inbound.ts';
import type { Background } from '../services/in-flight.ts';
import type { Events } from '../services/events.ts';

export interface BotDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  notifier?: Notifier;
  /** the services' events (src/bot/notifications); createBot makes its own bus when not given one */
  events?: Events;
  /** follow-up work after the answer (src/services/in-flight.ts): a card refresh after a vote */
  background?: Background;
  /** least milliseconds between two refreshes of one decision’s card (src/bot/notifications/decisions.ts) */
  cardRefreshIntervalMs?: number;
}

/** Who was turned away, for the audit log: the partnership concerned (when one is) and the person (when known). */
export interface Attempt {
  partnershipId: string;
  actorId: string | null;
}

export type Resolution =
  | { status: 'ok'; partnership: PartnershipRef; roster: Roster; person: Person | null }
  | { status: 'unbound' | 'unknown-person' | 'wrong-partnership'; attempt: Attempt | null };

/**
 * A workspace (Slack team, Teams tenant) speaks for a partnership's people only if the partnership
 * has bound a channel there, or has bound none on that platform yet (its first `/partnership
 * setup`). Otherwise anyone able to put an address on an account in any workspace could pass as a
 * member by email; people from elsewhere are linked by an officer with `link` in a bound channel.
 */
export async function workspaceTrusted(
  directory: DirectoryStore,
  platform: Platform,
  workspaceId: string,
  partnershipId: string,
): Promise<boolean> {
  const bound = await directory.boundWorkspaces(partnershipId, platform);
  return bound.length === 0 || bound.includes(workspaceId);
}

/**
 * The person a chat account is linked to, if the link was made in a workspace the partnership
 * trusts. A link made by email before the partnership bound its channels elsewhere stops counting.
 */
export async function findTrustedIdentity(
  directory: DirectoryStore,
  platform: Platform,
  workspaceId: string,
  userId: string,
): Promise<LinkedPerson | null> {
  const linked = await directory.findIdentity(platform, workspaceId, userId);
  return linked && (await workspaceTrusted(directory, platform, workspaceId, linked.partnershipId)) ? linked : null;
}

export async function resolve(request: Request, deps: BotDeps): Promise<Resolution> {
  const { conversation, speaker } = request;
  const { directory, rosters } = deps.stores;
  let linked = await findTrustedIdentity(directory, conversation.platform, speaker.workspaceId, speaker.userId);
  // `/partnership link` records the link under the channel's workspace: find it there too for
  // guests from another workspace (Slack Connect, Enterprise Grid). User ids are globally unique.
  if (!linked && speaker.workspaceId !== conversation.workspaceId) {
    linked = await findTrustedIdentity(directory, conversation.platform, conversation.workspaceId, speaker.userId);
  }
  // The actor id may be a person of another partnership: whoever tried, recorded where they tried.
  const attempt = (partnershipId: string | undefined): Attempt | null =>
    partnershipId ? { partnershipId, actorId: linked?.personId ?? null } : null;

  let partnershipId: string | null = null;
  if (conversation.kind !== 'direct') {
    const binding = await directory.findBinding(
      conversation.platform,
      conversation.workspaceId,
      conversation.channelId,
    );
    if (!binding) return { status: 'unbound', attempt: attempt(linked?.partnershipId) };
    partnershipId = binding.partnershipId;
  }

  if (!linked && speaker.email) {
    // Link by email when it picks out exactly one person (in this channel's partnership, if any)
    // whose partnership trusts the speaker's workspace.
    const matches = [];
    for (const m of await directory.findByEmail(speaker.email)) {
      if (partnershipId !== null && m.partnershipId !== partnershipId) continue;
      if (await workspaceTrusted(directory, conversation.platform, speaker.workspaceId, m.partnershipId))
        matches.push(m);
    }
    if (matches.length === 1) {
      const match = matches[0]!;
      await directory.linkIdentity(match.personId, conversation.platform, speaker.workspaceId, speaker.userId);
      linked = match;
      deps.logger.info('identity linked by email', { platform: conversation.platform, personId: match.personId });
    }
  }

  if (partnershipId === null) {
    if (!linked) return { status: 'unknown-person', attempt: null };
    partnershipId = linked.partnershipId;
  }
  if (linked && linked.partnershipId !== partnershipId)
    return { status: 'wrong-partnership', attempt: attempt(partnershipId) };

  const partnership = await rosters.getPartnership(partnershipId);
  if (!partnership) return { status: 'unbound', attempt: null };
  const roster = await rosters.loadRoster(partnership.id);
  const person = linked ? (roster.people.find((p) => p.id === linked.personId) ?? null) : null;
  return { status: 'ok', partnership, roster, person };
}

export const EXPLAIN: Record<Exclude<Resolution['status'], 'ok'>, string> = {
  unbound:
    'This conversation is not linked to a Big Local partnership yet. The chair or the rep can link it by typing `/partnership setup <partnership>` here.',
  'unknown-person':
    'I don’t know who you are yet. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.',
  'wrong-partnership':
    'This conversation belongs to a partnership you are not on, so I can’t show you its details. Ask the chair or rep if you think you should be on its roster.',
};
