// What a member is shown before they declare or vote: the ballot, the declaration prompt, the
// interest form; or, instead, why they can't take part. Reads only.
import { closedWhy, isOverdue, type RefusedWhy } from '../../domain/decisions/lifecycle.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { Decision, DecisionState } from '../../domain/decisions/types.ts';
import { exclusionOf } from '../../domain/decisions/who.ts';
import { fail, ok } from '../../domain/result.ts';
import { hasVote, type Person } from '../../domain/roster.ts';
import { authorize } from '../actor.ts';
import { findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';

/**
 * Why this person can't vote (or, `declaring`, declare) on the decision right now, or null. Anyone
 * on the roster may declare; only members with a vote, not recused or excluded, may vote.
 */
function gate(
  deps: ServiceDeps,
  actor: Actor,
  person: Person,
  state: DecisionState,
  declaring = false,
): RefusedWhy | null {
  const d = state.decision;
  if (d.status === 'closed' || isOverdue(state, deps.clock.now())) return closedWhy(d);
  const standing = assess(state, actor.roster);
  const recused = standing.recused.get(person.id);
  if (recused) return { code: 'recused', reasons: recused };
  if (!hasVote(person)) return declaring ? null : { code: 'no-vote' };
  if (declaring) return null;
  const why = exclusionOf(person, standing);
  return why ? { code: 'not-eligible', why } : null;
}

const voteOf = (state: DecisionState, person: Person): string | null =>
  state.votes.find((v) => v.personId === person.id)?.option ?? null;

export type BallotPrompt =
  | { kind: 'ballot'; decision: Decision; current: string | null }
  /** no declaration yet: the declaration prompt comes first */
  | { kind: 'declare-first'; decision: Decision };

/** The private ballot, shown only to someone whose vote would be taken. */
export async function ballot(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<BallotPrompt>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const found = await findFor(deps, actor, { id: input.decisionId });
  if (!found.ok) return found;
  const state = found.value;
  const d = state.decision;
  const why = gate(deps, actor, person, state);
  if (why) return fail({ code: 'refused', decision: d, why });
  if (!state.declarations.some((x) => x.personId === person.id)) return ok({ kind: 'declare-first', decision: d });
  return ok({ kind: 'ballot', decision: d, current: voteOf(state, person) });
}

export type DeclarePrompt =
  /** `voter` false: a non-voting member, a paid worker or the rep, who declares but does not vote */
  | { kind: 'ask'; decision: Decision; voter: boolean }
  /** declared no interest: the ballot (for a voter), with a way to declare one after all */
  | { kind: 'declared-none'; decision: Decision; current: string | null; voter: boolean }
  | { kind: 'interest-declared'; decision: Decision }
  /** several open decisions: which one? */
  | { kind: 'choose'; open: Decision[] }
  | { kind: 'none-open' };

/**
 * The declaration prompt for one decision: by id (the card's Declare button), by number, or the
 * partnership's only open decision (`/partnership declare`).
 */
export async function declarePrompt(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string } | { number: number } | { open: true },
): Promise<DecisionResult<DeclarePrompt>> {
  const allowed = authorize(actor, 'decision.declare');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  let id: string;
  if ('open' in input) {
    const open = await deps.stores.decisions.list(actor.partnership.id, 'open');
    if (open.length === 0) return ok({ kind: 'none-open' });
    if (open.length > 1) return ok({ kind: 'choose', open });
    id = open[0]!.id;
  } else if ('number' in input) {
    const numbered = await findFor(deps, actor, input);
    if (!numbered.ok) return fail({ code: 'no-such-number', number: input.number });
    id = numbered.value.decision.id;
  } else id = input.id;
  const found = await findFor(deps, actor, { id });
  if (!found.ok) return found;
  const state = found.value;
  const d = state.decision;
  const why = gate(deps, actor, person, state, true);
  if (why) return fail({ code: 'refused', decision: d, why });
  const mine = state.declarations.find((x) => x.personId === person.id);
  // excluded by a setting (a councillor on a key decision): declares, but is not shown a ballot
  const voter = assess(state, actor.roster).eligible.some((p) => p.id === person.id);
  if (mine?.outcome === 'interest') return ok({ kind: 'interest-declared', decision: d });
  if (mine) return ok({ kind: 'declared-none', decision: d, current: voteOf(state, person), voter });
  return ok({ kind: 'ask', decision: d, voter });
}

/** The "I have an interest" form, or why it is not needed. */
export async function interestPrompt(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ kind: 'form' | 'interest-declared'; decision: Decision }>> {
  const allowed = authorize(actor, 'decision.declare');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const found = await findFor(deps, actor, { id: input.decisionId });
  if (!found.ok) return found;
  const state = found.value;
  const why = gate(deps, actor, person, state, true);
  if (why) return fail({ code: 'refused', decision: state.decision, why });
  const declared = state.declarations.some((x) => x.personId === person.id && x.outcome === 'interest');
  return ok({ kind: declared ? 'interest-declared' : 'form', decision: state.decision });
}
