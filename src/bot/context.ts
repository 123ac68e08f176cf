// Resolving a request to a partnership and a person, the same way on every platform. A channel
// bound to a partnership decides the partnership; in a direct chat the person's own link does.
// Someone from another workspace, or an unbound channel, never sees a partnership's data.
import type { Person, Roster } from '../domain/roster.ts';
import type { Clock, Logger, Notifier, PartnershipRef, Stores } from '../services/ports/index.ts';
import type { Request } from '../domain/chat/inbound.ts';
import type { Background } from '../services/in-flight.ts';
import { EventBus, type Events } from '../services/events.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { findTrustedIdentity, linkByEmail } from '../services/linking.ts';

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

/** No subscribers: emitting on it delivers nothing (createBot always gives a bus of its own). */
const NO_EVENTS = new EventBus();

/** What the services are given from the bot's dependencies. */
export const serviceDeps = (deps: BotDeps): ServiceDeps => ({
  stores: deps.stores,
  clock: deps.clock,
  logger: deps.logger,
  events: deps.events ?? NO_EVENTS,
});

/** Who was turned away, for the audit log: the partnership concerned (when one is) and the person (when known). */
export interface Attempt {
  partnershipId: string;
  actorId: string | null;
}

export type Resolution =
  | { status: 'ok'; partnership: PartnershipRef; roster: Roster; person: Person | null }
  | { status: 'unbound' | 'unknown-person' | 'wrong-partnership'; attempt: Attempt | null };

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
    linked = await linkByEmail(serviceDeps(deps), {
      platform: conversation.platform,
      workspaceId: speaker.workspaceId,
      userId: speaker.userId,
      email: speaker.email,
      partnershipId,
    });
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

/** Why a conversation could not be resolved, in words (src/bot/views/resolution.ts). */
export { EXPLAIN } from './views/resolution.ts';
