// After the vote: a voter adds a short reason (open ballots only), and the chair (or whoever put
// the decision) reminds, privately, those who have not answered, at most once every 12 hours.
import {
  checkReason,
  chairReminderNextAt,
  planChairReminder,
  planVoteReason,
} from '../../domain/decisions/follow-up.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { fail, ok } from '../../domain/result.ts';
import { authorize } from '../actor.ts';
import { applyFor, findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';
import { managed } from './manage.ts';

/** The reason form can be opened: the decision, when the person has a vote to give a reason for. */
export async function reasonPrompt(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ decision: Decision; option: string; reason: string | null }>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const found = await findFor(deps, actor, { id: input.decisionId });
  if (!found.ok) return found;
  const state = found.value;
  // the same checks as saving it, without saving anything
  const planned = planVoteReason(state, allowed.person, 'check', deps.clock.now());
  if (planned.outcome.kind === 'refused')
    return fail({ code: 'refused', decision: state.decision, why: planned.outcome });
  const vote = state.votes.find((v) => v.personId === allowed.person.id);
  return ok({ decision: state.decision, option: planned.outcome.option, reason: vote?.reason ?? null });
}

export async function giveReason(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string; reason: string },
): Promise<DecisionResult<{ decision: Decision; option: string; reason: string }>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const checked = checkReason(input.reason);
  // The decision's own refusals (a secret ballot, closed, no vote yet) come before the wording's;
  // a reason with a problem writes nothing.
  const result = await applyFor(deps, actor, input.decisionId, (state) => {
    const planned = planVoteReason(state, allowed.person, 'problem' in checked ? '' : checked.reason, deps.clock.now());
    return 'problem' in checked ? { ...planned, changes: [] } : planned;
  });
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  if (outcome.kind === 'refused') return fail({ code: 'refused', decision: state.decision, why: outcome });
  if ('problem' in checked) return fail({ code: 'invalid', problems: [checked.problem] });
  return ok({ decision: state.decision, option: outcome.option, reason: outcome.reason });
}

export interface ChairReminded {
  decision: Decision;
  /** names of those reminded privately, and of those who could not be reached */
  reached: number;
  unreachable: string[];
  /** when the next reminder may be sent (null: nobody needed one, so none was recorded) */
  nextAt: Date | null;
}

export async function remindUnanswered(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<ChairReminded>> {
  const found = await managed(deps, actor, input.decisionId);
  if (!found.ok) return found;
  const { person } = found.value;
  const now = deps.clock.now();
  const result = await applyFor(deps, actor, input.decisionId, (state) =>
    planChairReminder(state, actor.roster, person.id, now),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  if (outcome.kind === 'refused') return fail({ code: 'refused', decision: state.decision, why: outcome });
  if (!outcome.targets.length) return ok({ decision: state.decision, reached: 0, unreachable: [], nextAt: null });
  const sent = await deps.events.emit('RemindersDue', { state, targets: outcome.targets });
  const names = new Map(actor.roster.people.map((p) => [p.id, p.name]));
  deps.logger.info('decision chair reminder sent', { decisionId: state.decision.id, count: outcome.targets.length });
  return ok({
    decision: state.decision,
    reached: sent.reached.length,
    unreachable: sent.unreachable.map((id) => names.get(id) ?? 'a member'),
    nextAt: chairReminderNextAt(state, now),
  });
}
