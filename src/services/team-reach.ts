// A whole team's members linked to a partnership's roster at once (Teams: when a channel of the
// team is set up). Each member is matched as one person writing to the bot would be: an account
// already linked (by its Entra object id) stays; otherwise by email, when it picks out exactly one
// current person of this partnership. The team's workspace must be one the partnership trusts.
import type { Platform } from '../domain/chat/inbound.ts';
import type { Person } from '../domain/roster.ts';
import { authorize, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { findTrustedIdentity, workspaceTrusted } from './linking.ts';
import type { PartnershipRef } from './ports/index.ts';
import { answered, refused, type Answer } from './register.ts';

export interface TeamMember {
  /** the platform's user id (Teams: the Entra object id) */
  userId: string;
  name: string;
  email?: string | undefined;
}

export interface TeamLinks {
  partnership: PartnershipRef;
  /** team members who are people on the roster; `newly` when linked by this run */
  linked: { member: TeamMember; person: Person; newly: boolean }[];
  /** team members the roster does not know (names go to the chair only) */
  notOnRoster: TeamMember[];
  /** current people with no account on this platform at all after this run */
  unlinked: Person[];
  /** who is told what could not be done: the chairs, and whoever asked if not a chair */
  tell: Person[];
}

export type TeamReachRefusal = Refusal | { code: 'unknown-partnership' } | { code: 'untrusted-workspace' };

/**
 * `requestedBy`: the account that asked (a setup in the channel); it must be the partnership's
 * chair or rep. Null for a platform event (the app added to a team already set up).
 */
export async function linkTeamMembers(
  deps: ServiceDeps,
  input: {
    platform: Platform;
    workspaceId: string;
    partnershipId: string;
    members: TeamMember[];
    requestedBy: string | null;
  },
): Promise<Answer<TeamLinks, TeamReachRefusal>> {
  const { directory, rosters } = deps.stores;
  const partnership = await rosters.getPartnership(input.partnershipId);
  if (!partnership) return refused({ code: 'unknown-partnership' });
  if (!(await workspaceTrusted(directory, input.platform, input.workspaceId, partnership.id)))
    return refused({ code: 'untrusted-workspace' });
  const roster = await rosters.loadRoster(partnership.id);
  let requester: Person | null = null;
  if (input.requestedBy !== null) {
    const who = await findTrustedIdentity(directory, input.platform, input.workspaceId, input.requestedBy);
    requester = roster.people.find((p) => p.id === who?.personId && who.partnershipId === partnership.id) ?? null;
    const allowed = authorize({ partnership, roster, person: requester }, 'channel.bind');
    if (!allowed.ok) return allowed;
  }

  const linked: TeamLinks['linked'] = [];
  const notOnRoster: TeamMember[] = [];
  for (const member of input.members) {
    const existing = await directory.findIdentity(input.platform, input.workspaceId, member.userId);
    const known =
      existing?.partnershipId === partnership.id ? roster.people.find((p) => p.id === existing.personId) : null;
    if (known) {
      linked.push({ member, person: known, newly: false });
      continue;
    }
    const match = existing || !member.email ? [] : await emailMatches(deps, member.email, partnership.id);
    const person = match.length === 1 ? roster.people.find((p) => p.id === match[0]) : undefined;
    if (!person) {
      notOnRoster.push(member);
      continue;
    }
    await directory.linkIdentity(person.id, input.platform, input.workspaceId, member.userId, {
      partnershipId: partnership.id,
      actorId: requester?.id ?? null,
      action: 'identity.link',
      subjectType: 'person',
      subjectId: person.id,
      after: { platform: input.platform, by: 'team members' },
    });
    linked.push({ member, person, newly: true });
  }
  if (linked.some((l) => l.newly))
    deps.logger.info('team members linked by email', {
      platform: input.platform,
      count: linked.filter((l) => l.newly).length,
    });

  const inTeam = new Set(linked.map((l) => l.person.id));
  const unlinked: Person[] = [];
  for (const person of roster.people) {
    if (inTeam.has(person.id)) continue;
    const accounts = await directory.identitiesOf(person.id);
    if (!accounts.some((a) => a.platform === input.platform)) unlinked.push(person);
  }
  const chairs = roster.people.filter((p) => p.roles.includes('chair'));
  const tell = requester && !chairs.includes(requester) ? [...chairs, requester] : chairs;
  return answered({ partnership, linked, notOnRoster, unlinked, tell });
}

async function emailMatches(deps: ServiceDeps, email: string, partnershipId: string): Promise<string[]> {
  const found = await deps.stores.directory.findByEmail(email);
  return found.filter((m) => m.partnershipId === partnershipId).map((m) => m.personId);
}
