// What the decision operations share: their refusals (the shared ones widened with the decisions'
// own), reading a decision of the actor's partnership, and running a plan on one.
import type { RefusedWhy } from '../../domain/decisions/lifecycle.ts';
import type { Decision, DecisionState, Plan } from '../../domain/decisions/types.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import type { Actor, Refusal } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';

export type { Actor } from '../actor.ts';
export type { ServiceDeps } from '../deps.ts';

/** Why a decision operation did nothing (or nothing more), as a code and what the chat layer needs to say it. */
export type DecisionRefusal =
  | Refusal
  /** not a decision of the actor's partnership; `elsewhere`: it is another partnership's */
  | { code: 'no-decision'; elsewhere: boolean }
  /** the partnership has no decision with that number */
  | { code: 'no-such-number'; number: number }
  /** the decision's own rules refuse it (closed, recused, declare first, …) */
  | { code: 'refused'; decision: Decision; why: RefusedWhy }
  /** a decision is put in a channel, where its card goes */
  | { code: 'needs-channel' }
  | { code: 'draft-invalid'; problems: Problem[]; channelId: string }
  | { code: 'declaration-invalid'; decision: Decision; problems: Problem[] }
  | { code: 'closing-time-invalid'; problem: string; decision: Decision };

export type DecisionResult<T> = Result<T, DecisionRefusal>;

/** Reads a decision of the actor's partnership (no writes); anything else is "no decision". */
export async function findFor(
  deps: ServiceDeps,
  actor: Actor,
  lookup: { id: string } | { number: number },
): Promise<DecisionResult<DecisionState>> {
  const state = await deps.stores.decisions.find(
    'id' in lookup ? lookup : { partnershipId: actor.partnership.id, number: lookup.number },
  );
  if (!state) return fail({ code: 'no-decision', elsewhere: false });
  if (state.decision.partnershipId !== actor.partnership.id) return fail({ code: 'no-decision', elsewhere: true });
  return ok(state);
}

/** Runs a plan in the store's transaction, only for a decision of the actor's own partnership. */
export async function applyFor<T>(
  deps: ServiceDeps,
  actor: Actor,
  decisionId: string,
  decide: (s: DecisionState) => Plan<T>,
): Promise<DecisionResult<{ state: DecisionState; outcome: T }>> {
  const elsewhere = { kind: 'elsewhere' } as const;
  const result = await deps.stores.decisions.apply<T | typeof elsewhere>(decisionId, (state) =>
    state.decision.partnershipId === actor.partnership.id
      ? decide(state)
      : { actorId: null, at: deps.clock.now(), changes: [], outcome: elsewhere },
  );
  if (!result) return fail({ code: 'no-decision', elsewhere: false });
  if (result.outcome === elsewhere) return fail({ code: 'no-decision', elsewhere: true });
  return ok(result as { state: DecisionState; outcome: T });
}

/** A decision that has closed (by time, by the chair, or because everyone voted): announced, and logged. */
export async function announceClosed(deps: ServiceDeps, state: DecisionState, actor: Pick<Actor, 'roster'>) {
  await deps.events.emit('DecisionClosed', { state, roster: actor.roster });
  deps.logger.info('decision closed', { decisionId: state.decision.id, code: state.decision.closeReason });
}
