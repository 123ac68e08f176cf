// Who is acting, and the one permission check every service operation makes first. The table is
// src/domain/permissions.ts; the words of a refusal live in the chat layer (src/bot/views).
import { can, type Permission } from '../domain/permissions.ts';
import type { Person, Roster } from '../domain/roster.ts';
import type { Problem } from '../domain/result.ts';
import type { PartnershipRef } from './ports/index.ts';

/** Who is acting, in which partnership, with its roster as loaded for this request. */
export interface Actor {
  partnership: PartnershipRef;
  roster: Roster;
  /** null: someone in a bound channel whom the roster does not know */
  person: Person | null;
}

/**
 * Why a service did not do what was asked, as a value: a stable code and what the chat layer
 * needs to say it. Each feature adds its own codes (`{ code: 'decision-closed', ... }`).
 */
export type Refusal =
  | { code: 'not-permitted'; permission: Permission }
  | { code: 'unknown-person' }
  | { code: 'not-found' }
  | { code: 'invalid'; problems: Problem[] };

/** The actor's person when the table allows them `permission`; otherwise the refusal. */
export function authorize(
  actor: Actor,
  permission: Permission,
): { ok: true; person: Person } | { ok: false; refusal: Refusal } {
  const person = actor.person;
  if (!person) return { ok: false, refusal: { code: 'unknown-person' } };
  if (!can(person, permission)) return { ok: false, refusal: { code: 'not-permitted', permission } };
  return { ok: true, person };
}
