// Resolving a request to a partnership and a person, the same way on every platform. A channel
// bound to a partnership decides the partnership; in a direct chat the person's own link does.
// Someone from another workspace, or an unbound channel, never sees a partnership's data.
import type { Person, Roster } from '../domain/roster.js';
import type { Clock, Logger, Notifier, PartnershipRef, Stores } from '../ports/index.js';
import type { Request } from './inbound.js';

export interface BotDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  notifier?: Notifier;
}

export type Resolution =
  | { status: 'ok'; partnership: PartnershipRef; roster: Roster; person: Person | null }
  | { status: 'unbound' }
  | { status: 'unknown-person' }
  | { status: 'wrong-partnership' };

export async function resolve(request: Request, deps: BotDeps): Promise<Resolution> {
  const { conversation, speaker } = request;
  const { directory, rosters } = deps.stores;
  let linked = await directory.findIdentity(conversation.platform, speaker.workspaceId, speaker.userId);
  // `/partnership link` records the link under the channel's workspace: find it there too for
  // guests from another workspace (Slack Connect, Enterprise Grid). User ids are globally unique.
  if (!linked && speaker.workspaceId !== conversation.workspaceId) {
    linked = await directory.findIdentity(conversation.platform, conversation.workspaceId, speaker.userId);
  }

  let partnershipId: string | null = null;
  if (conversation.kind !== 'direct') {
    const binding = await directory.findBinding(conversation.platform, conversation.workspaceId, conversation.channelId);
    if (!binding) return { status: 'unbound' };
    partnershipId = binding.partnershipId;
  }

  if (!linked && speaker.email) {
    // Link by email when it picks out exactly one person (in this channel's partnership, if any).
    const matches = (await directory.findByEmail(speaker.email)).filter((m) => partnershipId === null || m.partnershipId === partnershipId);
    if (matches.length === 1) {
      const match = matches[0]!;
      await directory.linkIdentity(match.personId, conversation.platform, speaker.workspaceId, speaker.userId);
      linked = match;
      deps.logger.info('identity linked by email', { platform: conversation.platform, personId: match.personId });
    }
  }

  if (partnershipId === null) {
    if (!linked) return { status: 'unknown-person' };
    partnershipId = linked.partnershipId;
  }
  if (linked && linked.partnershipId !== partnershipId) return { status: 'wrong-partnership' };

  const partnership = await rosters.getPartnership(partnershipId);
  if (!partnership) return { status: 'unbound' };
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
