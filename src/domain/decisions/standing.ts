// Where a decision stands for the roster as it is now: who must step back (the same engine as the
// `coi` check, under the rules frozen at creation), who may vote, who has, and whether enough
// eligible members remain for the decision to be taken.
import { checkConflicts, type CoiResult, type ConflictReason, type DecisionDeclaration } from '../coi.ts';
import { residentsNeededFor } from '../criteria/membership.ts';
import { hasVote, type Person, type Roster } from '../roster.ts';
import { describeQuorum, quorumRequired } from '../settings.ts';
import type { ClosingSnapshot, Decision, DecisionRules, DecisionState, VoteRecord } from './types.ts';
import { deepFreeze } from '../freeze.ts';
import { splitOf } from './vote-split.ts';
import {
  pendingRosterChanges,
  rosterChangeSummary,
  type RosterChangeEntry,
  type RosterChangeSummary,
} from './roster-changes.ts';

export interface Standing {
  coi: CoiResult;
  /** people with a vote on the roster now */
  votingMembers: Person[];
  /** the quorum base: the voting members when the decision opened (now, for decisions opened before that was kept) */
  quorumBase: number;
  /**
   * Everyone not taking part, recorded or now required (sticky: never undone): members with a vote
   * who are recused, and non-voting members, paid workers and the rep with a conflict.
   */
  recused: Map<string, ConflictReason[]>;
  /** of those, how many had a vote */
  recusedVoters: number;
  /** people the engine says must step back who have no recusal recorded yet */
  newRecusals: { personId: string; reasons: ConflictReason[]; voter: boolean }[];
  /** voting members who may vote: not recused, not excluded by a partnership setting */
  eligible: Person[];
  notEligible: { person: Person; why: string }[];
  declared: Set<string>;
  /** votes that count: from eligible members, and from members who left (or lost their vote) after voting */
  votes: VoteRecord[];
  /** the votes of members who left or lost their vote after voting: they stand (roster-changes.ts) */
  leaverVotes: VoteRecord[];
  /** votes that no longer count (recused since, or excluded by a setting) */
  strayVotes: VoteRecord[];
  /** changes of place since the decision opened not yet recorded on it */
  pendingChanges: RosterChangeEntry[];
  /** who joined and who left while it was open (recorded and pending) */
  changes: RosterChangeSummary;
  rule: string;
  required: number;
  /** enough eligible members remain (with the standing votes of leavers) for the decision to be taken */
  canBeTaken: boolean;
  allVoted: boolean;
}

/** The roster under the decision's frozen rules rather than today's settings. */
export function underRules(roster: Roster, rules: DecisionRules): Roster {
  const settings = { ...roster.partnership.settings, ...rules };
  return { ...roster, partnership: { ...roster.partnership, settings } };
}

/**
 * Conflict checks already made against a roster object. A roster read from the cache is frozen and
 * shared by every request until it changes, so each vote need not re-walk everyone's interests
 * and relationships; a roster that is not frozen (a test's, one being built) is never remembered.
 */
const checked = new WeakMap<Roster, Map<string, CoiResult>>();
const CHECKS_PER_ROSTER = 64;

function conflictsFor(roster: Roster, decision: Decision, declarations: DecisionDeclaration[]): CoiResult {
  const run = () =>
    checkConflicts(underRules(roster, decision.rules), {
      organisations: decision.organisations,
      declarations,
      keyDecision: decision.kind !== 'general',
    });
  if (!Object.isFrozen(roster)) return run();
  const key = JSON.stringify([decision.rules, decision.organisations, decision.kind !== 'general', declarations]);
  let results = checked.get(roster);
  if (!results) checked.set(roster, (results = new Map()));
  const hit = results.get(key);
  if (hit) return hit;
  const result = deepFreeze(run());
  if (results.size >= CHECKS_PER_ROSTER) results.delete(results.keys().next().value!);
  results.set(key, result);
  return result;
}

type Membership = Pick<
  Standing,
  'votingMembers' | 'quorumBase' | 'recused' | 'recusedVoters' | 'newRecusals' | 'eligible' | 'notEligible' | 'required'
> & { eligibleIds: Set<string>; excludedIds: Set<string> };

/** Who may vote, given the conflicts: the same for every vote until a recusal or the roster changes. */
const memberships = new WeakMap<CoiResult, Map<string, Membership>>();

function membershipOf(coi: CoiResult, roster: Roster, state: DecisionState): Membership {
  const build = (): Membership => {
    const votingMembers = roster.people.filter(hasVote);
    const opening = state.decision.opening;
    const quorumBase = opening ? opening.votingMembers.length : votingMembers.length;
    const recused = new Map(state.recusals.map((r) => [r.personId, r.reasons]));
    let recusedVoters = state.recusals.filter((r) => r.voter !== false).length;
    const newRecusals: Standing['newRecusals'] = [];
    for (const { person, reasons } of [...coi.mustNotTakePart, ...coi.othersNotTakingPart]) {
      if (recused.has(person.id)) continue;
      const voter = hasVote(person);
      recused.set(person.id, reasons);
      newRecusals.push({ personId: person.id, reasons, voter });
      if (voter) recusedVoters++;
    }
    const excluded = new Set(coi.notEligible.map((n) => n.person.id));
    const eligible = votingMembers.filter((p) => !recused.has(p.id) && !excluded.has(p.id));
    return {
      excludedIds: excluded,
      votingMembers,
      quorumBase,
      recused,
      recusedVoters,
      newRecusals,
      eligible,
      eligibleIds: new Set(eligible.map((p) => p.id)),
      notEligible: coi.notEligible.filter((n) => hasVote(n.person) && !recused.has(n.person.id)),
      required: quorumRequired(state.decision.rules.quorum, quorumBase),
    };
  };
  // Only a remembered conflict check (of a cached, frozen roster) is shared between requests.
  if (!Object.isFrozen(coi)) return build();
  const key = JSON.stringify([
    state.decision.id,
    state.decision.opening?.votingMembers.length ?? null,
    state.recusals.map((r) => [r.personId, r.reasons, r.voter !== false]),
  ]);
  let known = memberships.get(coi);
  if (!known) memberships.set(coi, (known = new Map()));
  const hit = known.get(key);
  if (hit) return hit;
  const built = build();
  if (known.size >= CHECKS_PER_ROSTER) known.delete(known.keys().next().value!);
  known.set(key, built);
  return built;
}

/** What the declarations give every assessment: the interests declared, and who has declared. */
interface Declared {
  interests: DecisionDeclaration[];
  declared: Set<string>;
}

/** Per declarations list of a cached (frozen) state: a vote leaves the list as it was. */
const declaredOf = new WeakMap<DecisionState['declarations'], Declared>();

function declarationsOf(list: DecisionState['declarations']): Declared {
  const hit = declaredOf.get(list);
  if (hit) return hit;
  const interests: DecisionDeclaration[] = [];
  const declared = new Set<string>();
  for (const d of list) {
    declared.add(d.personId);
    if (d.outcome === 'interest' && d.kind)
      interests.push({
        personId: d.personId,
        kind: d.kind,
        organisation: d.organisation ?? undefined,
        detail: d.detail ?? undefined,
      });
  }
  const built = { interests, declared };
  if (Object.isFrozen(list)) declaredOf.set(list, built);
  return built;
}

interface RosterMoves {
  /** the decision's record of changes this was worked out from */
  recorded: Decision['rosterChanges'];
  pending: RosterChangeEntry[];
  changes: RosterChangeSummary;
  /** who left while it was open */
  departed: Set<string>;
}

/** Per cached (frozen) roster and opening: the same for every vote until the roster or the record changes. */
const movesOf = new WeakMap<Roster, WeakMap<object, RosterMoves>>();

function rosterMovesOf(decision: Decision, roster: Roster): RosterMoves {
  const opening = decision.opening;
  const shared = Object.isFrozen(roster) && !!opening && Object.isFrozen(opening);
  const hit = shared ? movesOf.get(roster)?.get(opening) : undefined;
  if (hit && hit.recorded === decision.rosterChanges) return hit;
  const pending = pendingRosterChanges(decision, roster);
  const changes = rosterChangeSummary(decision, pending);
  const moves = deepFreeze({ recorded: decision.rosterChanges, pending, changes, departed: new Set(changes.left) });
  if (shared) {
    let byOpening = movesOf.get(roster);
    if (!byOpening) movesOf.set(roster, (byOpening = new WeakMap()));
    byOpening.set(opening, moves);
  }
  return moves;
}

export function assess(state: DecisionState, roster: Roster): Standing {
  const { decision } = state;
  // Run on every click, on rosters of hundreds: one pass over each list, and what a vote does not
  // change remembered for the cached copies (docs/benchmarks.md).
  const { interests, declared } = declarationsOf(state.declarations);
  const coi = conflictsFor(roster, decision, interests);
  const membership = membershipOf(coi, roster, state);
  const moves = rosterMovesOf(decision, roster);
  const split = splitOf(state.votes, membership, moves);
  const { eligibleIds: _ids, excludedIds: _excluded, ...shown } = membership;
  return {
    coi,
    ...shown,
    declared,
    votes: split.votes as VoteRecord[],
    leaverVotes: split.leaverVotes as VoteRecord[],
    strayVotes: split.strayVotes as VoteRecord[],
    pendingChanges: moves.pending,
    changes: moves.changes,
    rule: describeQuorum(decision.rules.quorum),
    canBeTaken: membership.eligible.length + split.leaverVotes.length >= membership.required,
    allVoted: membership.eligible.length > 0 && split.eligibleVotes === membership.eligible.length,
  };
}

/** Votes per option, in the decision's order. */
export function tally(decision: Decision, votes: readonly VoteRecord[]): { option: string; count: number }[] {
  return decision.options.map((option) => ({ option, count: votes.filter((v) => v.option === option).length }));
}

/** The figures frozen at close. */
export function snapshotAt(state: DecisionState, standing: Standing, roster: Roster): ClosingSnapshot {
  const residentOf = new Map(roster.people.map((p) => [p.id, p.resident]));
  const voted = standing.votes.length;
  const residentsVoted = standing.votes.filter(
    (v) => residentOf.get(v.personId) ?? state.people[v.personId]?.resident ?? false,
  ).length;
  return {
    votingMembers: standing.quorumBase,
    required: standing.required,
    eligible: standing.eligible.length + standing.leaverVotes.length,
    voted,
    residentsVoted,
    residentMajority: voted > 0 && residentsVoted >= residentsNeededFor(voted, state.decision.rules.residentThreshold),
    tally: tally(state.decision, standing.votes),
    notEligible: standing.notEligible.map((n) => ({ personId: n.person.id, why: n.why })),
    votesOfLeavers: standing.leaverVotes.length,
  };
}

/** Results are shown live only when the decision says so; always once it is closed. */
/** A secret ballot never shows live counts, even if stored so before live + secret was refused: a count that drops when someone is recused tells how they voted. */
export const resultsVisible = (decision: Decision): boolean =>
  decision.status === 'closed' || (decision.visibility === 'live' && decision.ballot !== 'secret');

/** The most-voted option, leaving abstentions aside. */
export function leadingOption(
  counts: readonly { option: string; count: number }[],
):
  | { kind: 'none' }
  | { kind: 'winner'; option: string; count: number }
  | { kind: 'tie'; options: string[]; count: number } {
  const real = counts.filter((c) => !/^abstain/i.test(c.option));
  const top = Math.max(0, ...real.map((c) => c.count));
  if (top === 0) return { kind: 'none' };
  const leaders = real.filter((c) => c.count === top);
  return leaders.length === 1
    ? { kind: 'winner', option: leaders[0]!.option, count: top }
    : { kind: 'tie', options: leaders.map((l) => l.option), count: top };
}
