// The chair's side (or whoever put the decision): close early, amend.
import { closedWhy, planAmend, planClose, type Amended } from '../../domain/decisions/lifecycle.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { Ballot, Decision, DecisionState, Visibility } from '../../domain/decisions/types.ts';
import { parseClosingTime } from '../../domain/decisions/when.ts';
import { fail, ok } from '../../domain/result.ts';
import type { Person } from '../../domain/roster.ts';
import { authorizeManage } from './authorize.ts';
import { announceClosed, applyFor, findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';

/**
 * The decision, once the permission check allows this actor to manage it. Who may depends on the
 * decision (whoever put it may), so it is read first; someone nobody knows is refused before that.
 */
export async function managed(
  deps: ServiceDeps,
  actor: Actor,
  decisionId: string,
): Promise<DecisionResult<{ state: DecisionState; person: Person }>> {
  if (!actor.person) return fail({ code: 'unknown-person' });
  const found = await findFor(deps, actor, { id: decisionId });
  if (!found.ok) return found;
  const allowed = authorizeManage(actor, found.value.decision);
  if (!allowed.ok) return fail(allowed.refusal);
  return ok({ state: found.value, person: allowed.person });
}

export interface CloseQuestion {
  decision: Decision;
  voted: number;
  eligible: number;
}

/** What the confirmation to close early says: how many of the eligible have voted. */
export async function confirmClose(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<CloseQuestion>> {
  const found = await managed(deps, actor, input.decisionId);
  if (!found.ok) return found;
  const { state } = found.value;
  if (state.decision.status === 'closed')
    return fail({ code: 'refused', decision: state.decision, why: closedWhy(state.decision) });
  const standing = assess(state, actor.roster);
  return ok({ decision: state.decision, voted: standing.votes.length, eligible: standing.eligible.length });
}

export async function close(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ decision: Decision }>> {
  const found = await managed(deps, actor, input.decisionId);
  if (!found.ok) return found;
  const { person } = found.value;
  const result = await applyFor(deps, actor, input.decisionId, (state) =>
    planClose(state, actor.roster, person, deps.clock.now()),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  if (outcome.kind !== 'closed')
    return fail({ code: 'refused', decision: state.decision, why: closedWhy(state.decision) });
  await announceClosed(deps, state, actor);
  return ok({ decision: state.decision });
}

/** The amendment form may be opened. */
export async function amendPrompt(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ decision: Decision }>> {
  const found = await managed(deps, actor, input.decisionId);
  if (!found.ok) return found;
  const { state } = found.value;
  if (state.decision.status === 'closed')
    return fail({ code: 'refused', decision: state.decision, why: closedWhy(state.decision) });
  return ok({ decision: state.decision });
}

export interface AmendInput {
  decisionId: string;
  /** the new closing time as typed; empty keeps it */
  closes: string;
  ballot?: Ballot | undefined;
  visibility?: Visibility | undefined;
}

export type AmendResult = { kind: 'amended'; decision: Decision; what: Amended[] } | { kind: 'unchanged' };

export async function amend(deps: ServiceDeps, actor: Actor, input: AmendInput): Promise<DecisionResult<AmendResult>> {
  const found = await managed(deps, actor, input.decisionId);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const request: { closesAt?: Date; ballot?: Ballot; visibility?: Visibility } = {};
  if (input.closes) {
    const parsed = parseClosingTime(input.closes, now, actor.partnership.settings.timeZone);
    if (!parsed.ok)
      return fail({ code: 'closing-time-invalid', problem: parsed.error, decision: found.value.state.decision });
    request.closesAt = parsed.value;
  }
  if (input.ballot) request.ballot = input.ballot;
  if (input.visibility) request.visibility = input.visibility;
  const result = await applyFor(deps, actor, input.decisionId, (state) =>
    planAmend(state, found.value.person, request, now),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  if (outcome.kind === 'refused') return fail({ code: 'refused', decision: state.decision, why: outcome });
  if (outcome.kind === 'unchanged') return ok({ kind: 'unchanged' });
  await deps.events.emit('DecisionAmended', { decisionId: state.decision.id, roster: actor.roster });
  return ok({ kind: 'amended', decision: state.decision, what: outcome.what });
}
