// Proxy votes, where the partnership's terms of reference allow them (setting `proxyVotes`, frozen
// on the decision when it is put): a voting member appoints another voting member as their proxy
// for one decision, and the proxy votes for them. A proxy cannot be used by or for a recused
// member; each member appoints at most one proxy, and holds at most one. Until the proxy has voted
// the member may withdraw the appointment (and appoint another, or vote themselves).
import { hasVote, type Person, type Roster } from '../roster.ts';
import { closedWhy, closeChanges, isOverdue, refused, syncChanges, type Refusal } from './lifecycle.ts';
import { follow } from './respond.ts';
import { assess, type Standing } from './standing.ts';
import type { Change, CloseReason, DecisionState, Plan, ProxyRecord } from './types.ts';

/** Why a proxy cannot be appointed or used, beyond the decision's own refusals. */
export type ProxyWhy =
  | 'proxies-off'
  | 'declare-first'
  | 'already-voted'
  | 'already-appointed'
  | 'self'
  | 'holder-not-eligible'
  | 'holder-busy'
  | 'no-proxy'
  | 'appointer-voted'
  | 'appointer-out'
  | 'no-appointment'
  | 'proxy-used';

export type ProxyOutcome =
  | { kind: 'appointed'; holderId: string }
  | { kind: 'withdrawn'; holderId: string }
  | { kind: 'proxy-voted'; appointerId: string; option: string; unchanged: boolean; closed: CloseReason | null }
  | { kind: 'proxy-refused'; why: ProxyWhy }
  | Refusal;

const plan = <T>(person: Person, now: Date, changes: Change[], outcome: T): Plan<T> => ({
  actorId: person.id,
  at: now,
  changes,
  outcome,
});
const no = (why: ProxyWhy): ProxyOutcome => ({ kind: 'proxy-refused', why });

/** The proxy `holderId` holds on this decision, if any. */
export const heldBy = (state: DecisionState, holderId: string): ProxyRecord | undefined =>
  state.proxies?.find((p) => p.holderId === holderId);

/** The proxy `appointerId` appointed on this decision, if any. */
export const appointedBy = (state: DecisionState, appointerId: string): ProxyRecord | undefined =>
  state.proxies?.find((p) => p.appointerId === appointerId);

/** True once the proxy has voted for `appointerId` (the vote on their behalf is theirs until they vote themselves). */
export const proxyUsed = (state: DecisionState, appointerId: string): boolean =>
  state.votes.some((v) => v.personId === appointerId && v.byProxy);

/** The name of whoever holds `appointerId`'s proxy, for an open ballot's record. */
export const proxyHolderName = (state: DecisionState, appointerId: string, name: (id: string) => string): string => {
  const held = state.proxies?.find((p) => p.appointerId === appointerId);
  return held ? name(held.holderId) : 'their proxy';
};

/** Members who may vote and could hold `person`'s proxy: eligible, not them, not already holding one. */
export function possibleHolders(state: DecisionState, roster: Roster, person: Person): Person[] {
  const standing = assess(state, roster);
  return standing.eligible.filter((p) => p.id !== person.id && !heldBy(state, p.id));
}

/** Open, not overdue, and allowing proxies: or why not (with the close an overdue decision needs). */
function gate(state: DecisionState, roster: Roster, person: Person, now: Date): Plan<ProxyOutcome> | Standing {
  const d = state.decision;
  if (d.status === 'closed') return plan(person, now, [], refused(closedWhy(d)));
  const standing = assess(state, roster);
  if (isOverdue(state, now))
    return plan(person, now, closeChanges(state, standing, roster, 'time'), refused(closedWhy(d)));
  if (!d.rules.proxyVotes) return plan(person, now, [], no('proxies-off'));
  return standing;
}

const eligible = (standing: Standing, id: string) => standing.eligible.some((p) => p.id === id);

/** `person` (authorised to vote) appoints `holderId` as their proxy for this decision. */
export function planAppoint(
  state: DecisionState,
  roster: Roster,
  person: Person,
  holderId: string,
  now: Date,
): Plan<ProxyOutcome> {
  const standing = gate(state, roster, person, now);
  if (!('eligible' in standing)) return standing;
  const recused = standing.recused.get(person.id);
  if (recused) return plan(person, now, syncChanges(standing), refused({ code: 'recused', reasons: recused }));
  if (!hasVote(person) || !eligible(standing, person.id)) return plan(person, now, [], refused({ code: 'no-vote' }));
  if (!standing.declared.has(person.id)) return plan(person, now, [], no('declare-first'));
  if (state.votes.some((v) => v.personId === person.id)) return plan(person, now, [], no('already-voted'));
  if (appointedBy(state, person.id)) return plan(person, now, [], no('already-appointed'));
  if (holderId === person.id) return plan(person, now, [], no('self'));
  if (!eligible(standing, holderId)) return plan(person, now, [], no('holder-not-eligible'));
  if (heldBy(state, holderId)) return plan(person, now, [], no('holder-busy'));
  return plan(person, now, [{ type: 'appoint-proxy', appointerId: person.id, holderId }], {
    kind: 'appointed',
    holderId,
  });
}

/**
 * `person` withdraws the proxy they appointed, while it is unused: once the proxy has voted for
 * them, that vote stands unless they vote themselves (their own vote always wins).
 */
export function planWithdraw(state: DecisionState, roster: Roster, person: Person, now: Date): Plan<ProxyOutcome> {
  const standing = gate(state, roster, person, now);
  if (!('eligible' in standing)) return standing;
  const appointment = appointedBy(state, person.id);
  if (!appointment) return plan(person, now, [], no('no-appointment'));
  if (proxyUsed(state, person.id)) return plan(person, now, [], no('proxy-used'));
  const { holderId } = appointment;
  return plan(person, now, [{ type: 'withdraw-proxy', appointerId: person.id, holderId }], {
    kind: 'withdrawn',
    holderId,
  });
}

/** `person` votes `optionIndex` for the member whose proxy they hold. */
export function planProxyVote(
  state: DecisionState,
  roster: Roster,
  person: Person,
  optionIndex: number,
  now: Date,
): Plan<ProxyOutcome> {
  const standing = gate(state, roster, person, now);
  if (!('eligible' in standing)) return standing;
  const d = state.decision;
  const option = Number.isInteger(optionIndex) ? d.options[optionIndex] : undefined;
  if (option === undefined) return plan(person, now, [], refused({ code: 'no-such-option' }));
  const proxy = heldBy(state, person.id);
  if (!proxy) return plan(person, now, [], no('no-proxy'));
  // neither side may be recused (or otherwise unable to vote): a proxy is never used by or for them
  if (!eligible(standing, person.id) || !eligible(standing, proxy.appointerId))
    return plan(person, now, syncChanges(standing), no('appointer-out'));
  if (!standing.declared.has(person.id)) return plan(person, now, [], no('declare-first'));
  const existing = state.votes.find((v) => v.personId === proxy.appointerId);
  if (existing && !existing.byProxy) return plan(person, now, [], no('appointer-voted'));
  if (existing?.option === option)
    return plan(person, now, [], {
      kind: 'proxy-voted',
      appointerId: proxy.appointerId,
      option,
      unchanged: true,
      closed: null,
    });
  const vote: Change = {
    type: 'vote',
    personId: proxy.appointerId,
    option,
    byProxy: true,
    ...(existing ? { replaces: existing.option ?? '' } : {}),
  };
  const next: DecisionState = {
    ...state,
    votes: [
      ...state.votes.filter((v) => v.personId !== proxy.appointerId),
      {
        personId: proxy.appointerId,
        option,
        changes: existing ? existing.changes + 1 : 0,
        at: existing?.at ?? now,
        updatedAt: now,
        byProxy: true,
      },
    ],
  };
  const after = follow(next, roster);
  return plan(person, now, [vote, ...after.changes], {
    kind: 'proxy-voted',
    appointerId: proxy.appointerId,
    option,
    unchanged: false,
    closed: after.closed,
  });
}
