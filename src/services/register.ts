// What the register's services share (interests, relationships, organisations, conflict checks,
// linking): the shape of an answer, the audit context of an actor's write, the partnership's
// known organisations, and finding a person on the roster by the name someone typed.
import { directoryFor, type OrganisationDirectory } from '../domain/organisation-match.ts';
import type { Person, Roster } from '../domain/roster.ts';
import type { Actor, Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { Change } from './ports/index.ts';

/** What a service operation gives back: its data, or why it did not do what was asked. */
export type Answer<T, R = Refusal> = { ok: true; value: T } | { ok: false; refusal: R };

export const answered = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refused = <R>(refusal: R): { ok: false; refusal: R } => ({ ok: false, refusal });

/** A button or form naming something that has changed or gone since its message was sent. */
export type Stale = { code: 'stale' };
export const STALE: Stale = Object.freeze({ code: 'stale' }) as Stale;

/** A name typed for someone who is not on the roster, with up to three close names. */
export type NotOnRoster = { code: 'not-on-roster'; name: string; close: string[] };

/** Who, in which partnership, at what time: the audit row the store writes with the change. */
export const changeBy = (deps: ServiceDeps, actor: Actor): Change => ({
  partnershipId: actor.partnership.id,
  actorId: actor.person?.id ?? null,
  at: deps.clock.now(),
});

/** The partnership's known organisations (src/domain/organisation-match.ts, directoryFor). */
export async function knownOrganisations(
  deps: ServiceDeps,
  actor: Actor,
  skipInterestId?: string,
): Promise<OrganisationDirectory> {
  const rows = await deps.stores.register.organisations(actor.partnership.id);
  return directoryFor(actor.roster, rows, skipInterestId);
}

/** The person with exactly this name (ignoring case), or the names that share its first word. */
export function findOnRoster(roster: Roster, typed: string): Person | NotOnRoster {
  const wanted = typed.trim().toLowerCase();
  const target = roster.people.find((p) => p.name.toLowerCase() === wanted);
  if (target) return target;
  const first = wanted.split(/\s+/)[0] ?? wanted;
  const close = roster.people
    .filter((p) => p.name.toLowerCase().includes(first))
    .map((p) => p.name)
    .slice(0, 3);
  return { code: 'not-on-roster', name: typed, close };
}
