// The register of interests: a member sees, adds, edits and removes their own entries, or
// confirms they have nothing to declare; officers and the rep may look at anyone's. Each write is
// one store call, which writes its audit row with the change.
import { organisationKey } from '../domain/organisations.ts';
import { validateInterest, type InterestInput } from '../domain/register.ts';
import type { Person } from '../domain/roster.ts';
import type { Problem } from '../domain/result.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { StoredInterest } from './ports/index.ts';
import {
  STALE,
  answered,
  changeBy,
  findOnRoster,
  knownOrganisations,
  refused,
  type Answer,
  type NotOnRoster,
  type Stale,
} from './register.ts';

/** The most entries one person's register keeps. */
export const MAX_INTERESTS = 20;

export type InterestRefusal =
  Refusal | Stale | NotOnRoster | { code: 'too-many'; max: number } | { code: 'has-entries'; count: number };

/** A register as its viewer sees it. */
export interface RegisterData {
  owner: Person;
  /** the viewer is the owner: entries can be edited */
  own: boolean;
  interests: StoredInterest[];
  confirmedNoneAt: Date | null;
}

export interface Saved {
  register: RegisterData;
  /** the entry as written */
  interest: StoredInterest;
  /** known names close to a new organisation name ("did you mean …?"); empty when none */
  suggestions: string[];
}

async function registerOf(deps: ServiceDeps, actor: Actor, owner: Person): Promise<RegisterData> {
  const { register } = deps.stores;
  const [interests, confirmedNoneAt] = await Promise.all([
    register.interestsOf(owner.id),
    register.lastNothingToDeclare(actor.partnership.id, owner.id),
  ]);
  return { owner, own: owner.id === actor.person?.id, interests, confirmedNoneAt };
}

/** One of the person's own entries, or null (someone else's, or gone). */
async function ownEntry(deps: ServiceDeps, person: Person, id: string): Promise<StoredInterest | null> {
  const interest = await deps.stores.register.getInterest(id.slice(0, 100));
  return interest && interest.personId === person.id ? interest : null;
}

export async function viewOwnRegister(deps: ServiceDeps, actor: Actor): Promise<Answer<RegisterData, Refusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  return answered(await registerOf(deps, actor, who.person));
}

/** Someone's register by the name typed (an "@" before it is ignored). */
export async function viewRegisterOf(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string },
): Promise<Answer<RegisterData, InterestRefusal>> {
  const who = authorize(actor, 'interests.view');
  if (!who.ok) return who;
  const target = findOnRoster(actor.roster, input.name.replace(/^@/, ''));
  if ('code' in target) return refused({ ...target, name: input.name });
  return answered(await registerOf(deps, actor, target));
}

/** May the actor open the form for a new entry? */
export function startInterest(_deps: ServiceDeps, actor: Actor): Answer<null, Refusal> {
  const who = authorize(actor, 'interests.own');
  return who.ok ? answered(null) : who;
}

/** One of the actor's own entries, to edit or to confirm its removal. */
export async function findOwnInterest(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<StoredInterest, InterestRefusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const interest = await ownEntry(deps, who.person, input.id);
  return interest ? answered(interest) : refused(STALE);
}

/**
 * Adds an entry (no `id`) or changes one of the actor's own (`id` null: an edit naming no entry).
 * A new organisation name close to a known one is kept off the known list until the member
 * answers "did you mean …?".
 */
export async function saveInterest(
  deps: ServiceDeps,
  actor: Actor,
  input: { organisation: string; kind: string; detail: string; id?: string | null | undefined },
): Promise<Answer<Saved, InterestRefusal | { code: 'invalid'; problems: Problem[] }>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const person = who.person;
  if (input.id === null) return refused(STALE);
  const parsed = validateInterest(input);
  if (!parsed.ok) return refused({ code: 'invalid', problems: parsed.error });
  const entry = parsed.value;
  const { register } = deps.stores;
  const existingId = input.id;
  const before = existingId ? await ownEntry(deps, person, existingId) : null;
  if (existingId && !before) return refused(STALE);
  if (!existingId && (await register.interestsOf(person.id)).length >= MAX_INTERESTS)
    return refused({ code: 'too-many', max: MAX_INTERESTS });
  const newName = !before || organisationKey(before.organisation) !== organisationKey(entry.organisation);
  const directory = await knownOrganisations(deps, actor, existingId);
  const suggestions = newName && !directory.find(entry.organisation) ? directory.suggest(entry.organisation) : [];
  const options = { registerOrganisation: newName && suggestions.length === 0 };
  const change = changeBy(deps, actor);
  let interest: StoredInterest;
  if (existingId) {
    const result = await register.updateInterest(change, existingId, entry, options);
    if (result.status !== 'saved') return refused(STALE);
    interest = result.value;
  } else {
    interest = await register.addInterest(change, person.id, entry, options);
  }
  return answered({ register: await registerOf(deps, actor, person), interest, suggestions });
}

export async function removeInterest(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<{ register: RegisterData; removed: StoredInterest }, InterestRefusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const interest = await ownEntry(deps, who.person, input.id);
  if (!interest) return refused(STALE);
  const result = await deps.stores.register.removeInterest(changeBy(deps, actor), interest.id);
  if (result.status !== 'saved') return refused(STALE);
  return answered({ register: await registerOf(deps, actor, who.person), removed: result.value });
}

/** "Nothing to declare", recorded with its date; only on an empty register. */
export async function confirmNothingToDeclare(
  deps: ServiceDeps,
  actor: Actor,
): Promise<Answer<RegisterData, InterestRefusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const { register } = deps.stores;
  const count = (await register.interestsOf(who.person.id)).length;
  if (count > 0) return refused({ code: 'has-entries', count });
  await register.confirmNothingToDeclare(changeBy(deps, actor), who.person.id);
  return answered(await registerOf(deps, actor, who.person));
}

/** "Did you mean …?" answered with a known name: only the entry's organisation changes. */
export async function useKnownOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string; organisation: string },
): Promise<Answer<{ register: RegisterData; updated: StoredInterest }, InterestRefusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const interest = await ownEntry(deps, who.person, input.id);
  if (!interest) return refused(STALE);
  const next: InterestInput = { organisation: input.organisation, kind: interest.kind, detail: interest.detail };
  const checked = validateInterest({ ...next, detail: next.detail ?? '' });
  if (!checked.ok) return refused(STALE);
  const result = await deps.stores.register.updateInterest(changeBy(deps, actor), interest.id, checked.value, {
    registerOrganisation: true,
  });
  if (result.status !== 'saved') return refused(STALE);
  return answered({ register: await registerOf(deps, actor, who.person), updated: result.value });
}

/** "Did you mean …?" answered "keep mine": the name as typed joins the known organisations. */
export async function keepOrganisationName(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<{ register: RegisterData; kept: StoredInterest }, InterestRefusal>> {
  const who = authorize(actor, 'interests.own');
  if (!who.ok) return who;
  const interest = await ownEntry(deps, who.person, input.id);
  if (!interest) return refused(STALE);
  await deps.stores.register.registerOrganisation(changeBy(deps, actor), interest.organisation);
  return answered({ register: await registerOf(deps, actor, who.person), kept: interest });
}
