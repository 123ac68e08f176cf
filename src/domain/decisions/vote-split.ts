// How a decision's votes fall (src/domain/decisions/standing.ts): those that count (eligible
// members', and those of members who left after voting) and those set aside. Worked out once per
// frozen list of votes and carried over to the list one vote makes, so a click on a ballot of
// hundreds does not walk every vote again (docs/benchmarks.md).
import { deepFreeze } from '../freeze.ts';
import type { DecisionState, VoteRecord } from './types.ts';

/** Who may vote, as the standing worked it out; the split is kept only while this same object is. */
export interface SplitMembership {
  eligibleIds: ReadonlySet<string>;
  recused: ReadonlyMap<string, unknown>;
  /** kept out by a partnership setting */
  excludedIds: ReadonlySet<string>;
}

/** Who left while the decision was open; likewise kept by identity. */
export interface SplitMoves {
  departed: ReadonlySet<string>;
}

/** How one list of votes falls under one membership and one set of roster moves. */
export interface VoteSplit {
  membership: SplitMembership;
  moves: SplitMoves;
  /** votes that count: eligible members', then those of members who left after voting, in list order */
  votes: readonly VoteRecord[];
  leaverVotes: readonly VoteRecord[];
  strayVotes: readonly VoteRecord[];
  eligibleVotes: number;
}

const splits = new WeakMap<readonly VoteRecord[], VoteSplit>();

type VoteKind = 'eligible' | 'leaver' | 'stray';

// A vote cast while the member had one stands after they leave (or lose their vote); a recusal
// or a partnership setting still sets it aside.
function kindOf(personId: string, membership: SplitMembership, moves: SplitMoves): VoteKind {
  if (membership.eligibleIds.has(personId)) return 'eligible';
  const leaver =
    moves.departed.has(personId) && !membership.recused.has(personId) && !membership.excludedIds.has(personId);
  return leaver ? 'leaver' : 'stray';
}

export function splitOf(list: readonly VoteRecord[], membership: SplitMembership, moves: SplitMoves): VoteSplit {
  const hit = splits.get(list);
  if (hit && hit.membership === membership && hit.moves === moves && Object.isFrozen(list)) return hit;
  const votes: VoteRecord[] = [];
  const leaverVotes: VoteRecord[] = [];
  const strayVotes: VoteRecord[] = [];
  let eligibleVotes = 0;
  for (const v of list) {
    const kind = kindOf(v.personId, membership, moves);
    if (kind === 'stray') strayVotes.push(v);
    else {
      votes.push(v);
      if (kind === 'eligible') eligibleVotes++;
      else leaverVotes.push(v);
    }
  }
  // frozen one level down only: the membership may be a test's own, unfrozen roster's
  const split = Object.freeze({
    membership,
    moves,
    votes: Object.freeze(votes),
    leaverVotes: Object.freeze(leaverVotes),
    strayVotes: Object.freeze(strayVotes),
    eligibleVotes,
  });
  if (Object.isFrozen(list)) splits.set(list, split);
  return split;
}

const replaced = (list: readonly VoteRecord[], old: VoteRecord | undefined, record: VoteRecord): VoteRecord[] =>
  old ? list.map((v) => (v === old ? record : v)) : [...list, record];

/**
 * The state with `make`'s record as the person's vote: in place of the one they had, or added at the end
 * (the writers' order, decision-votes.ts). The new list is frozen; how it falls is carried over
 * from the old list's, when that is known, by looking at this one vote alone.
 */
export function withVote(
  state: DecisionState,
  personId: string,
  /** the person's new vote, given the one they had (if any) */
  make: (old: VoteRecord | undefined) => VoteRecord,
): DecisionState {
  const old = state.votes.find((v) => v.personId === personId);
  const record = deepFreeze(make(old));
  const votes = Object.freeze(replaced(state.votes, old, record)) as VoteRecord[];
  const before = Object.isFrozen(state.votes) ? splits.get(state.votes) : undefined;
  if (before) {
    const kind = kindOf(record.personId, before.membership, before.moves);
    splits.set(
      votes,
      Object.freeze({
        ...before,
        votes: kind === 'stray' ? before.votes : Object.freeze(replaced(before.votes, old, record)),
        leaverVotes: kind === 'leaver' ? Object.freeze(replaced(before.leaverVotes, old, record)) : before.leaverVotes,
        strayVotes: kind === 'stray' ? Object.freeze(replaced(before.strayVotes, old, record)) : before.strayVotes,
        eligibleVotes: before.eligibleVotes + (kind === 'eligible' && !old ? 1 : 0),
      }),
    );
  }
  return { ...state, votes };
}
