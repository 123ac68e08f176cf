// Which person a chat account is: a link made by an officer (`/partnership link`), or one made by
// email when the roster's address picks out exactly one person. A workspace speaks for a
// partnership's people only when the partnership trusts it (see workspaceTrusted).
import type { Platform } from '../domain/chat/inbound.ts';
import type { Person } from '../domain/roster.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { DirectoryStore, LinkedPerson } from './ports/index.ts';
import { answered, findOnRoster, refused, type Answer, type NotOnRoster } from './register.ts';

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

/**
 * Links an account not linked yet by its email, when that picks out exactly one person (in
 * `partnershipId`, when the conversation belongs to one) whose partnership trusts the account's
 * workspace. There is no actor yet: the speaker is who is being found, on the platform's word for
 * their email, so the rule above is the check.
 */
export async function linkByEmail(
  deps: ServiceDeps,
  input: { platform: Platform; workspaceId: string; userId: string; email: string; partnershipId: string | null },
): Promise<LinkedPerson | null> {
  const { directory } = deps.stores;
  const matches: LinkedPerson[] = [];
  for (const m of await directory.findByEmail(input.email)) {
    if (input.partnershipId !== null && m.partnershipId !== input.partnershipId) continue;
    if (await workspaceTrusted(directory, input.platform, input.workspaceId, m.partnershipId)) matches.push(m);
  }
  if (matches.length !== 1) return null;
  const match = matches[0]!;
  await directory.linkIdentity(match.personId, input.platform, input.workspaceId, input.userId);
  deps.logger.info('identity linked by email', { platform: input.platform, personId: match.personId });
  return match;
}

export type LinkRefusal = Refusal | NotOnRoster | { code: 'no-mention' } | { code: 'linked-elsewhere' };

/** An officer or the rep links a chat account (by its mention) to a person on the roster. */
export async function linkAccount(
  deps: ServiceDeps,
  actor: Actor,
  input: { platform: Platform; workspaceId: string; mention: { userId: string; name: string } | null },
): Promise<Answer<Person, LinkRefusal>> {
  const who = authorize(actor, 'identity.link');
  if (!who.ok) return who;
  if (!input.mention) return refused({ code: 'no-mention' });
  const { userId, name } = input.mention;
  const target = findOnRoster(actor.roster, name);
  if ('code' in target) return refused({ ...target, name: name.trim() });
  const { directory } = deps.stores;
  const existing = await directory.findIdentity(input.platform, input.workspaceId, userId);
  if (existing && existing.personId !== target.id) return refused({ code: 'linked-elsewhere' });
  await directory.linkIdentity(target.id, input.platform, input.workspaceId, userId, {
    partnershipId: actor.partnership.id,
    actorId: who.person.id,
    action: 'identity.link',
    subjectType: 'person',
    subjectId: target.id,
    after: { platform: input.platform },
  });
  return answered(target);
}
