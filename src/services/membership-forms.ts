// Signed membership forms (001: each member "signs a partnership membership form confirming that
// they are a member"). A member records their own; the chair and the rep record anyone's and see
// who has none. The yearly review's "confirm membership" button is separate: it says "I am still a
// member this year"; the form is the signed document, recorded once (docs/review.md).
import { isoDay } from '../domain/review/calendar.ts';
import { membersWithoutForm, validateMembershipForm } from '../domain/membership-forms.ts';
import { can } from '../domain/permissions.ts';
import type { Problem } from '../domain/result.ts';
import { isMember, type MembershipForm, type Person } from '../domain/roster.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { STALE, answered, changeBy, refused, type Answer, type Stale } from './register.ts';

export interface FormsData {
  viewer: Person;
  /** the chair's and the rep's view: every member's status */
  manage: boolean;
  /** members without a recorded form (only when `manage`) */
  missing: Person[];
  /** members, with or without a form (only when `manage`) */
  members: number;
}

export type FormRefusal = Refusal | Stale | { code: 'not-a-member'; person: Person };

/** What was typed has problems: with whose form it is, to send the form back. */
export type FormInvalid = { code: 'form-invalid'; problems: Problem[]; person: Person };

/** `forms` for the chair and the rep: who has none; `forms mine` (and everyone else): their own. */
export function viewForms(_deps: ServiceDeps, actor: Actor, input: { mine: boolean }): Answer<FormsData, Refusal> {
  const manage = !input.mine && actor.person !== null && can(actor.person, 'membership-form.manage');
  const who = authorize(actor, manage ? 'membership-form.manage' : 'membership-form.own');
  if (!who.ok) return who;
  const members = actor.roster.people.filter(isMember);
  return answered({
    viewer: who.person,
    manage,
    missing: manage ? membersWithoutForm(actor.roster) : [],
    members: manage ? members.length : 0,
  });
}

/** The person whose form is opened or saved: one's own, or (chair, rep) any member's. */
function target(actor: Actor, personId: string): Answer<Person, FormRefusal> {
  const own = actor.person?.id === personId;
  const who = authorize(actor, own ? 'membership-form.own' : 'membership-form.manage');
  if (!who.ok) return who;
  const person = actor.roster.people.find((p) => p.id === personId);
  if (!person) return refused(STALE);
  return isMember(person) ? answered(person) : refused({ code: 'not-a-member', person });
}

/** May the actor open the form for this person? The person, with any form already recorded. */
export function startForm(_deps: ServiceDeps, actor: Actor, input: { personId: string }): Answer<Person, FormRefusal> {
  return target(actor, input.personId.slice(0, 100));
}

export async function recordForm(
  deps: ServiceDeps,
  actor: Actor,
  input: { personId: string; signedOn: string; reference: string },
): Promise<Answer<{ person: Person; form: MembershipForm }, FormRefusal | FormInvalid>> {
  const person = target(actor, input.personId.slice(0, 100));
  if (!person.ok) return person;
  const today = isoDay(deps.clock.now(), actor.partnership.settings);
  const form = validateMembershipForm(input, today);
  if (!form.ok) return refused({ code: 'form-invalid', problems: form.error, person: person.value });
  const saved = await deps.stores.memberships.recordForm(changeBy(deps, actor), person.value.id, form.value);
  return saved ? answered({ person: person.value, form: form.value }) : refused(STALE);
}
