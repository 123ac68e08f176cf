// `/partnership setup <partnership>`: the chair or the rep binds a channel to their partnership.
// The channel belongs to no partnership yet, so the actor is found here: by the account's trusted
// link, or by its email when the partnership trusts the workspace (services/linking.ts).
import type { Conversation, Speaker } from '../domain/chat/inbound.ts';
import { authorize, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { findTrustedIdentity, workspaceTrusted } from './linking.ts';
import type { PartnershipRef } from './ports/index.ts';
import { answered, refused, type Answer } from './register.ts';

export type SetupRefusal =
  | Refusal
  | { code: 'direct' }
  | { code: 'which-partnership' }
  | { code: 'unknown-partnership'; typed: string }
  | { code: 'other-workspace'; partnership: PartnershipRef }
  | { code: 'not-on-roster'; partnership: PartnershipRef }
  | { code: 'already-bound'; partnership: PartnershipRef }
  | { code: 'bound-elsewhere' };

export async function bindChannel(
  deps: ServiceDeps,
  input: { conversation: Conversation; speaker: Speaker; slug: string },
): Promise<Answer<PartnershipRef, SetupRefusal>> {
  const { conversation, speaker } = input;
  const { directory, rosters } = deps.stores;
  if (conversation.kind === 'direct') return refused({ code: 'direct' });
  const slug = input.slug.trim().toLowerCase();
  const linked = await findTrustedIdentity(directory, conversation.platform, speaker.workspaceId, speaker.userId);
  const partnership = slug
    ? await rosters.findPartnership(slug)
    : linked
      ? await rosters.getPartnership(linked.partnershipId)
      : null;
  if (!partnership)
    return refused(slug ? { code: 'unknown-partnership', typed: input.slug.trim() } : { code: 'which-partnership' });
  let personId = linked?.partnershipId === partnership.id ? linked.personId : null;
  if (!personId && speaker.email) {
    const match = (await directory.findByEmail(speaker.email)).find((m) => m.partnershipId === partnership.id);
    if (match && !(await workspaceTrusted(directory, conversation.platform, speaker.workspaceId, partnership.id)))
      return refused({ code: 'other-workspace', partnership });
    if (match) {
      personId = match.personId;
      await directory.linkIdentity(match.personId, conversation.platform, speaker.workspaceId, speaker.userId);
    }
  }
  const roster = await rosters.loadRoster(partnership.id);
  const person = roster.people.find((p) => p.id === personId) ?? null;
  if (!person) return refused({ code: 'not-on-roster', partnership });
  const who = authorize({ partnership, roster, person }, 'channel.bind');
  if (!who.ok) return who;

  const existing = await directory.findBinding(conversation.platform, conversation.workspaceId, conversation.channelId);
  if (existing?.partnershipId === partnership.id) return refused({ code: 'already-bound', partnership });
  if (existing) return refused({ code: 'bound-elsewhere' });
  const binding = {
    partnershipId: partnership.id,
    platform: conversation.platform,
    workspaceId: conversation.workspaceId,
    channelId: conversation.channelId,
  };
  await directory.bindChannel(binding, person.id, {
    partnershipId: partnership.id,
    actorId: person.id,
    action: 'channel.bind',
    subjectType: 'channel',
    subjectId: conversation.channelId,
  });
  return answered(partnership);
}
