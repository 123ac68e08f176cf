// A member declares, then votes. Every click is re-checked against the decision as stored (the
// button only carries ids), inside the store's transaction; the card follows by event.
import type { ConflictReason } from '../../domain/coi.ts';
import { planDeclare, planVote, validateDeclaration, type DeclareInput } from '../../domain/decisions/respond.ts';
import type { Decision, DecisionState } from '../../domain/decisions/types.ts';
import { fail, ok } from '../../domain/result.ts';
import { authorize } from '../actor.ts';
import { announceClosed, applyFor, findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';

/** "No interest" from its button, or the "I have an interest" form's values (checked here). */
export type Declaration = { outcome: 'none' } | { outcome: 'interest'; values: Record<string, string | string[]> };

export interface Declared {
  state: DecisionState;
  outcome: 'none' | 'interest';
  /** they had already declared no interest */
  unchanged: boolean;
  /** they have a vote (others declare only) */
  voter: boolean;
  /** the interest recused them, for these reasons */
  recused: ConflictReason[] | null;
  /** this declaration closed the decision */
  closedNow: boolean;
  /** their vote so far, for the ballot that follows */
  vote: string | null;
}

export async function declare(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string; declaration: Declaration },
): Promise<DecisionResult<Declared>> {
  const allowed = authorize(actor, 'decision.declare');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  let declaration: DeclareInput = { outcome: 'none' };
  if (input.declaration.outcome === 'interest') {
    const found = await findFor(deps, actor, { id: input.decisionId });
    if (!found.ok) return found;
    const checked = validateDeclaration(input.declaration.values, found.value.decision);
    if (!checked.ok)
      return fail({ code: 'declaration-invalid', decision: found.value.decision, problems: checked.error });
    declaration = checked.value;
  }
  let open = true;
  const result = await applyFor(deps, actor, input.decisionId, (state) => {
    open = state.decision.status === 'open';
    return planDeclare(state, actor.roster, person, declaration, deps.clock.now());
  });
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  const closedNow = open && state.decision.status === 'closed';
  if (closedNow) await announceClosed(deps, state, actor);
  if (outcome.kind === 'refused') return fail({ code: 'refused', decision: state.decision, why: outcome });
  if (!outcome.unchanged && !closedNow)
    await deps.events.emit('DeclarationRecorded', { decisionId: state.decision.id, roster: actor.roster });
  if (outcome.quorumLost) await deps.events.emit('QuorumLost', { state, roster: actor.roster });
  return ok({
    state,
    outcome: outcome.outcome,
    unchanged: outcome.unchanged,
    voter: outcome.voter,
    recused: outcome.recused,
    closedNow,
    vote: state.votes.find((v) => v.personId === person.id)?.option ?? null,
  });
}

export interface Voted {
  decision: Decision;
  option: string;
  previous: string | null;
  unchanged: boolean;
  /** everyone eligible has now voted, so the decision closed */
  closedNow: boolean;
}

export async function vote(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string; option: number },
): Promise<DecisionResult<Voted>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  let open = true;
  const result = await applyFor(deps, actor, input.decisionId, (state) => {
    open = state.decision.status === 'open';
    return planVote(state, actor.roster, person, input.option, deps.clock.now());
  });
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  const d = state.decision;
  const closedNow = open && d.status === 'closed';
  if (closedNow) await announceClosed(deps, state, actor);
  if (outcome.kind === 'refused') {
    // a recusal the roster now requires was just recorded: the card's counts change
    if (outcome.code === 'recused' && !closedNow)
      await deps.events.emit('RecusalRecorded', { decisionId: d.id, roster: actor.roster });
    return fail({ code: 'refused', decision: d, why: outcome });
  }
  if (!outcome.unchanged && !closedNow)
    await deps.events.emit('VoteRecorded', { decisionId: d.id, roster: actor.roster });
  return ok({
    decision: d,
    option: outcome.option,
    previous: outcome.previous,
    unchanged: outcome.unchanged,
    closedNow,
  });
}
