// Officer appointments checked before they happen. 001: "it is unacceptable to Local Trust to have
// people in positions of power who are related", a worker must never be related to one, and an LTO
// representative in one is a conflict. The new line-up is run through those make-up checks
// (makeup.ts); only the breaches the change brings are reported, so an old breach does not hold up
// an unrelated appointment (it stays on the criteria report).
import { Kinship } from '../kinship.ts';
import { ROLES, type Person, type Role, type Roster } from '../roster.ts';
import { checkLtoInPower, checkRelatedOfficers, checkWorkerRelatedToOfficer } from './makeup.ts';
import type { CheckId, CheckResult } from './result.ts';

export const OFFICER_CHECKS: readonly CheckId[] = ['related-officers', 'worker-related-to-officer', 'lto-in-power'];

/** Someone who gains a position of power in the change (matched by name, as the import does). */
export interface Appointment {
  name: string;
  roles: Role[];
}

const key = (name: string) => name.toLowerCase();

/** Who gains which roles between two line-ups; roles handed over or given up are not appointments. */
export function appointmentsIn(before: readonly Person[], after: readonly Person[]): Appointment[] {
  const held = new Map(before.map((p) => [key(p.name), p.kind === 'member' ? p.roles : []]));
  return after.flatMap((p) => {
    if (p.kind !== 'member') return [];
    const had = held.get(key(p.name)) ?? [];
    const roles = p.roles.filter((r) => !had.includes(r));
    return roles.length ? [{ name: p.name, roles }] : [];
  });
}

/**
 * The officer make-up checks that the new line-up breaks and the old one did not (or breaks in a
 * new way: a further related pair). Empty when nobody is appointed. Details name relationship
 * chains: private, for the person making the change.
 */
export function officerProblems(before: Roster, after: Roster): CheckResult[] {
  if (appointmentsIn(before.people, after.people).length === 0) return [];
  const kinBefore = Kinship.of(before);
  const kinAfter = Kinship.of(after);
  const checks: ((r: Roster, k: Kinship) => CheckResult)[] = [
    checkRelatedOfficers,
    checkWorkerRelatedToOfficer,
    (r) => checkLtoInPower(r),
  ];
  return checks.flatMap((check) => {
    const now = check(after, kinAfter);
    if (now.status !== 'fail') return [];
    const was = check(before, kinBefore);
    if (was.status !== 'fail') return [now];
    const fresh = now.details.filter((d) => !was.details.includes(d));
    if (fresh.length) return [{ ...now, details: fresh }];
    return now.details.length === 0 && now.message !== was.message ? [now] : [];
  });
}

/** The roster after `personId` takes `role`, handed over by whoever holds it now (one holder each). */
export function withAppointment(roster: Roster, personId: string, role: Role): Roster {
  return {
    ...roster,
    people: roster.people.map((p) => {
      if (p.id === personId) return { ...p, roles: ROLES.filter((r) => r === role || p.roles.includes(r)) };
      return p.roles.includes(role) ? { ...p, roles: p.roles.filter((r) => r !== role) } : p;
    }),
  };
}

/**
 * A short fingerprint of who holds which role: a confirm button carries it, so a button pressed
 * after the line-up changed is stale rather than applied to a line-up nobody saw checked.
 */
export function lineUpKey(roster: Roster): string {
  const text = roster.people
    .filter((p) => p.roles.length)
    .map((p) => `${p.id}:${p.roles.join(',')}`)
    .sort()
    .join(';');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: enough to tell line-ups apart, not a secret
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}
