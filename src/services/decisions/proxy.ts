// Proxy votes (src/domain/decisions/proxy.ts): what `/partnership proxy <n>` shows (the proxy's
// ballot to whoever holds one, who holds theirs to a member who appointed one, the form to appoint
// one to a voting member who can), appointing, withdrawing, and voting as a proxy. Each a permission check (voting members), then the decision's own rules
// inside the store's transaction.
import {
  appointedBy,
  heldBy,
  planAppoint,
  planProxyVote,
  planWithdraw,
  possibleHolders,
  proxyUsed,
  type ProxyOutcome,
} from '../../domain/decisions/proxy.ts';
import type { Decision, DecisionState } from '../../domain/decisions/types.ts';
import { fail, ok } from '../../domain/result.ts';
import type { Person } from '../../domain/roster.ts';
import { authorize } from '../actor.ts';
import { announceClosed, applyFor, findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';

/** The proxy a member appointed: who holds it, and whether they have voted with it (then it cannot be withdrawn). */
export interface OwnProxy {
  holder: string;
  used: boolean;
}

export type ProxyPrompt =
  /** they hold a proxy: the ballot they vote on for `appointer` (and their own appointment, if any) */
  | {
      kind: 'proxy-ballot';
      decision: Decision;
      appointer: string;
      current: string | null;
      appointerVoted: boolean;
      own: OwnProxy | null;
    }
  /** they appointed a proxy: who holds it, to withdraw while unused */
  | { kind: 'own-proxy'; decision: Decision; own: OwnProxy }
  /** they may appoint: the members who could hold their proxy */
  | { kind: 'appoint'; decision: Decision; holders: Person[] }
  /** nothing to do: why */
  | { kind: 'proxy-refused'; decision: Decision; outcome: ProxyOutcome };

const nameIn = (state: DecisionState, actor: Actor, id: string): string =>
  state.people[id]?.name ?? actor.roster.people.find((p) => p.id === id)?.name ?? 'a former member';

export async function proxyPrompt(
  deps: ServiceDeps,
  actor: Actor,
  input: { number: number },
): Promise<DecisionResult<ProxyPrompt>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const found = await findFor(deps, actor, { number: input.number });
  if (!found.ok)
    return found.error.code === 'no-decision' ? fail({ code: 'no-such-number', number: input.number }) : found;
  const state = found.value;
  const d = state.decision;
  const appointment = appointedBy(state, person.id);
  const own = appointment
    ? { holder: nameIn(state, actor, appointment.holderId), used: proxyUsed(state, person.id) }
    : null;
  const held = heldBy(state, person.id);
  if (held) {
    const vote = state.votes.find((v) => v.personId === held.appointerId);
    return ok({
      kind: 'proxy-ballot',
      decision: d,
      appointer: nameIn(state, actor, held.appointerId),
      current: vote?.byProxy ? vote.option : null,
      appointerVoted: !!vote && !vote.byProxy,
      own,
    });
  }
  const check = planAppoint(state, actor.roster, person, person.id, deps.clock.now());
  const outcome = check.outcome;
  // Appointed, and the decision still open to it: who holds it (their vote, if cast, is the proxy's).
  const why = outcome.kind === 'proxy-refused' ? outcome.why : null;
  if (own && (why === 'already-appointed' || (why === 'already-voted' && own.used)))
    return ok({ kind: 'own-proxy', decision: d, own });
  // What appointing would say now, without writing: the same rules the appointment runs (naming
  // themselves, which passes every check of the appointer and then stops at "choose another").
  if (outcome.kind === 'proxy-refused' && outcome.why === 'self')
    return ok({ kind: 'appoint', decision: d, holders: possibleHolders(state, actor.roster, person) });
  return ok({ kind: 'proxy-refused', decision: d, outcome });
}

export async function appointProxy(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string; holderId: string },
): Promise<DecisionResult<{ decision: Decision; outcome: ProxyOutcome; holder: string }>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const result = await applyFor(deps, actor, input.decisionId, (s) =>
    planAppoint(s, actor.roster, person, input.holderId, deps.clock.now()),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  return ok({ decision: state.decision, outcome, holder: nameIn(state, actor, input.holderId) });
}

export async function withdrawProxy(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ decision: Decision; outcome: ProxyOutcome; holder: string }>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const result = await applyFor(deps, actor, input.decisionId, (s) =>
    planWithdraw(s, actor.roster, person, deps.clock.now()),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  const holder = outcome.kind === 'withdrawn' ? nameIn(state, actor, outcome.holderId) : '';
  return ok({ decision: state.decision, outcome, holder });
}

export async function proxyVote(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string; option: number },
): Promise<DecisionResult<{ decision: Decision; outcome: ProxyOutcome; appointer: string }>> {
  const allowed = authorize(actor, 'decision.vote');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const result = await applyFor(deps, actor, input.decisionId, (s) =>
    planProxyVote(s, actor.roster, person, input.option, deps.clock.now()),
  );
  if (!result.ok) return result;
  const { state, outcome } = result.value;
  if (outcome.kind === 'proxy-voted' && outcome.closed) await announceClosed(deps, state, actor);
  else if (outcome.kind === 'proxy-voted' && !outcome.unchanged)
    await deps.events.emit('VoteRecorded', { decisionId: state.decision.id, roster: actor.roster });
  const appointer = outcome.kind === 'proxy-voted' ? nameIn(state, actor, outcome.appointerId) : '';
  return ok({ decision: state.decision, outcome, appointer });
}
