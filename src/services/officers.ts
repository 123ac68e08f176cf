// Making a member chair, vice-chair, secretary or treasurer. The new line-up is checked against
// the make-up rules about positions of power first (src/domain/criteria/officers.ts): with no
// breach the appointment is made at once; with one, the person making it is shown what would break
// and may confirm (the audit keeps what they confirmed) or cancel.
import {
  lineUpKey,
  officerProblems,
  withAppointment,
  type CheckId,
  type CheckResult,
} from '../domain/criteria/index.ts';
import { ROLES, type Person, type Role } from '../domain/roster.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import {
  STALE,
  answered,
  changeBy,
  findOnRoster,
  refused,
  type Answer,
  type NotOnRoster,
  type Stale,
} from './register.ts';

export interface Appointment {
  person: Person;
  role: Role;
  /** who holds the role now and hands it over */
  replacing: Person[];
  /** what the new line-up would break (private: relationship chains in `details`) */
  problems: CheckResult[];
  /** the line-up the problems were worked out for (a confirm button carries it) */
  lineUp: string;
}

export type AppointRefusal =
  | Refusal
  | Stale
  | NotOnRoster
  | { code: 'not-a-member'; person: Person }
  | { code: 'already-holds'; person: Person; role: Role };

export type AppointResult =
  | { status: 'appointed'; appointment: Appointment; acknowledged: CheckId[] }
  | { status: 'needs-confirmation'; appointment: Appointment };

export const parseRole = (text: string): Role | null => {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '-');
  return ROLES.find((r) => r === typed || r.replace('-', '') === typed) ?? null;
};

function plan(actor: Actor, person: Person, role: Role): Answer<Appointment, AppointRefusal> {
  if (person.kind !== 'member') return refused({ code: 'not-a-member', person });
  if (person.roles.includes(role)) return refused({ code: 'already-holds', person, role });
  const after = withAppointment(actor.roster, person.id, role);
  return answered({
    person,
    role,
    replacing: actor.roster.people.filter((p) => p.id !== person.id && p.roles.includes(role)),
    problems: officerProblems(actor.roster, after),
    lineUp: lineUpKey(actor.roster),
  });
}

async function write(deps: ServiceDeps, actor: Actor, a: Appointment): Promise<Answer<AppointResult, AppointRefusal>> {
  const after = withAppointment(actor.roster, a.person.id, a.role);
  const changed = after.people.filter((p, i) => p !== actor.roster.people[i]);
  const acknowledged = a.problems.map((p) => p.id);
  const saved = await deps.stores.memberships.setRoles(
    changeBy(deps, actor),
    changed.map((p) => ({ personId: p.id, roles: p.roles })),
    { personId: a.person.id, role: a.role, acknowledged },
  );
  return saved ? answered({ status: 'appointed', appointment: a, acknowledged }) : refused(STALE);
}

/** `appoint NAME as ROLE`: made at once when nothing breaks; otherwise the problems to confirm. */
export async function appoint(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string; role: Role },
): Promise<Answer<AppointResult, AppointRefusal>> {
  const who = authorize(actor, 'roster.appoint');
  if (!who.ok) return who;
  const found = findOnRoster(actor.roster, input.name);
  if ('code' in found) return refused(found);
  const planned = plan(actor, found, input.role);
  if (!planned.ok) return planned;
  if (planned.value.problems.length) return answered({ status: 'needs-confirmation', appointment: planned.value });
  return write(deps, actor, planned.value);
}

/**
 * The confirm button: made with the problems recorded as confirmed, provided the line-up is still
 * the one that was checked (else stale: the person asks again and sees the line-up as it is).
 */
export async function confirmAppointment(
  deps: ServiceDeps,
  actor: Actor,
  input: { personId: string; role: string; lineUp: string },
): Promise<Answer<AppointResult, AppointRefusal>> {
  const who = authorize(actor, 'roster.appoint');
  if (!who.ok) return who;
  const person = actor.roster.people.find((p) => p.id === input.personId);
  const role = parseRole(input.role);
  if (!person || !role || input.lineUp !== lineUpKey(actor.roster)) return refused(STALE);
  const planned = plan(actor, person, role);
  return planned.ok ? write(deps, actor, planned.value) : refused(STALE);
}

/** The cancel button: nothing changes; only someone who may appoint is answered. */
export function cancelAppointment(_deps: ServiceDeps, actor: Actor): Answer<null, Refusal> {
  const who = authorize(actor, 'roster.appoint');
  return who.ok ? answered(null) : who;
}
