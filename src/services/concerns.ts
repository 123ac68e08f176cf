// Concerns raised privately: anyone on the roster raises one (optionally about a named person);
// it goes only to the impartial reviewer the settings name (default the rep), never to the person
// it is about (src/domain/concerns.ts routes it), is recorded with its status, and the reviewer
// records an outcome and closes it. Nothing of it is ever said in a channel or logged.
import { checkConcern, MAX_OUTCOME_TEXT, type Concern, type Routing } from '../domain/concerns.ts';
import { routeConcern } from '../domain/concerns.ts';
import type { Problem } from '../domain/result.ts';
import type { Person } from '../domain/roster.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { answered, changeBy, refused, STALE, type Answer, type Stale } from './register.ts';

export type ConcernRefusal =
  | Refusal
  | Stale
  | { code: 'concern-closed'; concern: Concern }
  /** the outcome as typed is not one to close it with: the concern, to send its form back */
  | { code: 'outcome-invalid'; concern: Concern; problems: Problem[] };

/** What the form offers: the people a concern may be about (everyone on the roster but the sender). */
export function startConcern(actor: Actor): Answer<{ people: Person[] }, Refusal> {
  const who = authorize(actor, 'concerns.raise');
  if (!who.ok) return who;
  return answered({ people: actor.roster.people.filter((p) => p.id !== who.person.id) });
}

export interface Raised {
  concern: Concern;
  routing: Routing;
  /** the reviewer was told privately (false: they could not be reached yet; it is recorded all the same) */
  delivered: boolean;
}

/** What was typed is not a concern to send: its problems, and the people the form offers, to send it back. */
export interface ConcernInvalid {
  code: 'concern-invalid';
  problems: Problem[];
  people: Person[];
}

export async function raiseConcern(
  deps: ServiceDeps,
  actor: Actor,
  typed: { kind: string; aboutId: string; text: string },
): Promise<Answer<Raised, Refusal | ConcernInvalid>> {
  const who = authorize(actor, 'concerns.raise');
  if (!who.ok) return who;
  const invalid = (problems: Problem[]) =>
    refused<ConcernInvalid>({
      code: 'concern-invalid',
      problems,
      people: actor.roster.people.filter((p) => p.id !== who.person.id),
    });
  const checked = checkConcern(typed, actor.roster);
  if (!checked.ok) return invalid(checked.error);
  if (checked.value.aboutId === who.person.id)
    return invalid([{ where: 'About', message: 'choose someone other than yourself' }]);
  const routing = routeConcern(actor.roster, actor.partnership.settings, who.person.id, checked.value.aboutId);
  const reviewerId = routing.to === 'local-trust' ? null : routing.reviewerId;
  const concern = await deps.stores.concerns.raise(changeBy(deps, actor), {
    ...checked.value,
    raisedById: who.person.id,
    reviewerId,
  });
  let delivered = false;
  if (reviewerId) {
    const delivery = await deps.events.emit('ConcernRaised', { roster: actor.roster, concern, reviewerId });
    delivered = delivery.reached.includes(reviewerId);
  }
  deps.logger.info('concern raised', { concernId: concern.id, routed: routing.to });
  return answered({ concern, routing, delivered });
}

export interface ConcernsView {
  /** concerns this person reviews */
  reviewing: Concern[];
  /** concerns this person raised */
  raised: Concern[];
}

export async function listConcerns(deps: ServiceDeps, actor: Actor): Promise<Answer<ConcernsView, Refusal>> {
  const who = authorize(actor, 'concerns.raise');
  if (!who.ok) return who;
  const [reviewing, raised] = await Promise.all([
    deps.stores.concerns.reviewing(actor.partnership.id, who.person.id),
    deps.stores.concerns.raisedBy(actor.partnership.id, who.person.id),
  ]);
  return answered({ reviewing, raised });
}

/** The concern, to the person reviewing it only (anyone else: a stale button, saying nothing of it). */
async function reviewable(deps: ServiceDeps, actor: Actor, id: string, person: Person) {
  const concern = id ? await deps.stores.concerns.find(actor.partnership.id, id) : null;
  return concern && concern.reviewerId === person.id ? concern : null;
}

/** The whole concern again, for its reviewer. */
export async function readConcern(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<Concern, ConcernRefusal>> {
  const who = authorize(actor, 'concerns.review');
  if (!who.ok) return who;
  const concern = await reviewable(deps, actor, input.id, who.person);
  return concern ? answered(concern) : refused(STALE);
}

export async function startOutcome(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string },
): Promise<Answer<Concern, ConcernRefusal>> {
  const who = authorize(actor, 'concerns.review');
  if (!who.ok) return who;
  const concern = await reviewable(deps, actor, input.id, who.person);
  if (!concern) return refused(STALE);
  if (concern.status === 'closed') return refused({ code: 'concern-closed', concern });
  return answered(concern);
}

export async function closeConcern(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string; outcome: string },
): Promise<Answer<Concern, ConcernRefusal>> {
  const who = authorize(actor, 'concerns.review');
  if (!who.ok) return who;
  const concern = await reviewable(deps, actor, input.id, who.person);
  if (!concern) return refused(STALE);
  if (concern.status === 'closed') return refused({ code: 'concern-closed', concern });
  const outcome = input.outcome.trim();
  if (!outcome)
    return refused({
      code: 'outcome-invalid',
      concern,
      problems: [{ where: 'Outcome', message: 'say what was done or decided, in a sentence or two' }],
    });
  if (outcome.length > MAX_OUTCOME_TEXT)
    return refused({
      code: 'outcome-invalid',
      concern,
      problems: [{ where: 'Outcome', message: `shorten it to at most ${MAX_OUTCOME_TEXT} characters` }],
    });
  const closed = await deps.stores.concerns.close(changeBy(deps, actor), concern.id, outcome);
  if (!closed) return refused({ code: 'concern-closed', concern });
  if (closed.raisedById) await deps.events.emit('ConcernClosed', { roster: actor.roster, concern: closed });
  return answered(closed);
}
