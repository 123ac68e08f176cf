// The record of a decision for the minutes (001: "recording and communicating how decisions are
// made"): who declared what, who stepped back and why, who voted (names on open ballots only),
// the tally once it may be seen, the quorum and the resident share, with times.
import type { ConflictReason } from '../coi.ts';
import { describeRole, type Roster } from '../roster.ts';
import { meetingRecordOf, type MeetingRecordPart } from './meeting-plan.ts';
import { proxyHolderName } from './proxy.ts';
import { rosterChangeSummary } from './roster-changes.ts';
import { assess, leadingOption, resultsVisible, snapshotAt } from './standing.ts';
import type { Ballot, CloseReason, DecisionKind, DecisionRules, DecisionState, Visibility } from './types.ts';

export interface DecisionRecord {
  partnership: string;
  number: number;
  title: string;
  description: string;
  kind: DecisionKind;
  organisations: string[];
  options: string[];
  ballot: Ballot;
  visibility: Visibility;
  status: 'open' | 'closed';
  closeReason: CloseReason | null;
  timeZone: string;
  createdBy: string;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  quorumRule: string;
  /** the partnership's loyalty policy frozen on the decision (its words: src/bot/views/decision-minutes.ts) */
  loyalty: DecisionRules['loyaltyConflicts'];
  declarations: {
    name: string;
    outcome: 'none' | 'interest';
    kind: string | null;
    organisation: string | null;
    detail: string | null;
    at: Date;
  }[];
  /** everyone not taking part: members with a vote who were recused, and (`voter` false) others with a conflict */
  recusals: { name: string; reasons: ConflictReason[]; at: Date | null; voter: boolean; role: string | null }[];
  notEligible: { name: string; why: string }[];
  /** eligible members who neither declared nor voted (at close, those who had a vote then) */
  notResponded: string[];
  /** null on a secret ballot: names are never recorded against it */
  voters:
    | { name: string; option: string | null; at: Date; changes: number; proxy: string | null; reason: string | null }[]
    | null;
  /** votes cast by a proxy (./proxy.ts), counted on any ballot; who held whose proxy is on `voters` (open ballots only) */
  proxyVotes: number;
  /** null while results are hidden */
  tally: { option: string; count: number }[] | null;
  leading: ReturnType<typeof leadingOption> | null;
  counts: {
    /** the quorum base */
    votingMembers: number;
    eligible: number;
    /** declarations by members with a vote (what the card's "Declared" counts) */
    declared: number;
    asked: number;
    voted: number;
    /** members with a vote who were recused */
    recused: number;
    /** everyone not taking part, with a vote or not */
    notTakingPart: number;
  };
  /** joins and departures while it was open (names: the private record only) */
  rosterChanges: {
    joined: string[];
    left: string[];
    /** votes of members who left after voting: they stand */
    votesKept: number;
    /** the quorum base was fixed when it opened */
    fixedBase: boolean;
  };
  quorum: { required: number; canBeTaken: boolean; met: boolean };
  residents: { voted: number; residents: number; majority: boolean };
  /** a decision taken at a meeting: who was there, who left the room, the result as recorded (null: a chat poll) */
  meeting: MeetingRecordPart | null;
}

export function buildRecord(state: DecisionState, roster: Roster): DecisionRecord {
  const d = state.decision;
  const standing = assess(state, roster);
  const name = (id: string) =>
    state.people[id]?.name ?? roster.people.find((p) => p.id === id)?.name ?? 'a former member';
  const frozen = d.status === 'closed' && d.outcome ? d.outcome : snapshotAt(state, standing, roster);
  const visible = resultsVisible(d);
  const counted = new Set(
    d.status === 'closed' ? state.votes.map((v) => v.personId) : standing.votes.map((v) => v.personId),
  );
  const votes = state.votes.filter((v) => counted.has(v.personId)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const recordedRecusals = new Map(state.recusals.map((r) => [r.personId, r]));
  const onRoster = new Map(roster.people.map((p) => [p.id, p]));
  const roleOf = (id: string): string | null => {
    const person = onRoster.get(id);
    return person ? describeRole(person) : null;
  };
  const newVoter = new Map(standing.newRecusals.map((r) => [r.personId, r.voter]));
  const out =
    d.status === 'closed'
      ? state.recusals.map((r) => ({
          id: r.personId,
          reasons: r.reasons,
          at: r.at as Date | null,
          voter: r.voter !== false,
        }))
      : [...standing.recused].map(([id, reasons]) => ({
          id,
          reasons,
          at: recordedRecusals.get(id)?.at ?? null,
          voter: recordedRecusals.has(id) ? recordedRecusals.get(id)!.voter !== false : (newVoter.get(id) ?? true),
        }));
  const recusals = out.map((x) => ({
    name: name(x.id),
    reasons: x.reasons,
    at: x.at,
    voter: x.voter,
    role: roleOf(x.id),
  }));
  // Declarations counted on the card are those of members with a vote (now, or when it opened).
  const voterIds = new Set(standing.votingMembers.map((p) => p.id));
  for (const id of d.opening?.votingMembers ?? []) voterIds.add(id);
  const declaredIds = new Set(state.declarations.map((x) => x.personId));
  const asked =
    frozen.eligible - (frozen.votesOfLeavers ?? 0) + out.filter((x) => x.voter && declaredIds.has(x.id)).length;
  // once closed, only what was recorded (the close records what was pending): later roster changes are not the vote's
  const changes = d.status === 'closed' ? rosterChangeSummary(d, []) : standing.changes;
  const rosterChanges = {
    joined: changes.joined.map(name),
    left: changes.left.map(name),
    votesKept: frozen.votesOfLeavers ?? 0,
    fixedBase: changes.fixedBase,
  };
  return {
    notResponded: silentMembers(state, standing).map(name),
    partnership: roster.partnership.name,
    number: d.number,
    title: d.title,
    description: d.description,
    kind: d.kind,
    organisations: d.organisations,
    options: d.options,
    ballot: d.ballot,
    visibility: d.visibility,
    status: d.status,
    closeReason: d.closeReason,
    timeZone: d.rules.timeZone,
    createdBy: name(d.createdById),
    createdAt: d.createdAt,
    closesAt: d.closesAt,
    closedAt: d.closedAt,
    quorumRule: standing.rule,
    loyalty: d.rules.loyaltyConflicts,
    declarations: [...state.declarations]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((x) => ({
        name: name(x.personId),
        outcome: x.outcome,
        kind: x.kind,
        organisation: x.organisation,
        detail: x.detail,
        at: x.at,
      })),
    recusals,
    notEligible: frozen.notEligible.map((n) => ({ name: name(n.personId), why: n.why })),
    voters:
      d.ballot === 'secret'
        ? null
        : votes.map((v) => ({
            name: name(v.personId),
            option: visible ? v.option : null,
            at: v.updatedAt,
            changes: v.changes,
            proxy: v.byProxy ? proxyHolderName(state, v.personId, name) : null,
            // a reason says how they voted: only once the choice itself may be seen
            reason: visible ? (v.reason ?? null) : null,
          })),
    proxyVotes: votes.filter((v) => v.byProxy).length,
    tally: visible ? frozen.tally : null,
    leading: visible ? leadingOption(frozen.tally) : null,
    counts: {
      votingMembers: frozen.votingMembers,
      eligible: frozen.eligible,
      declared: state.declarations.filter((x) => voterIds.has(x.personId)).length,
      asked,
      voted: frozen.voted,
      recused: recusals.filter((x) => x.voter).length,
      notTakingPart: recusals.length,
    },
    rosterChanges,
    quorum: {
      required: frozen.required,
      canBeTaken: frozen.eligible >= frozen.required,
      met: frozen.voted >= frozen.required,
    },
    residents: { voted: frozen.voted, residents: frozen.residentsVoted, majority: frozen.residentMajority },
    meeting: meetingRecordOf(d.meeting, name),
  };
}

/**
 * Eligible members who neither declared nor voted. Once closed, only those who had a vote during
 * it (at opening, or joined while it was open): someone who joined the roster since is not silent.
 */
function silentMembers(state: DecisionState, standing: ReturnType<typeof assess>): string[] {
  const d = state.decision;
  const during =
    d.status === 'closed' && d.opening
      ? new Set([...d.opening.votingMembers, ...(d.rosterChanges ?? []).filter((c) => c.voting).map((c) => c.personId)])
      : null;
  const answered = new Set([...state.declarations, ...state.votes].map((x) => x.personId));
  return standing.eligible.filter((p) => !answered.has(p.id) && (!during || during.has(p.id))).map((p) => p.id);
}
