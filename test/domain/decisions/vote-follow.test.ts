// planVote's short way (src/domain/decisions/respond.ts): unless a vote completes the ballot, what
// follows it is worked out from the standing before the vote, without a second pass over every
// vote. It must say exactly what the long way says: a full assessment of the state after the vote.
import { describe, expect, it } from 'vitest';
import { follow, planDeclare, planVote, type VoteOutcome } from '../../../src/domain/decisions/respond.ts';
import { assess } from '../../../src/domain/decisions/standing.ts';
import type { Change, DecisionState, Plan } from '../../../src/domain/decisions/types.ts';
import { hasVote, type Person } from '../../../src/domain/roster.ts';
import { NOW, decisionFor, demoRoster, none, stateOf, voteOf } from './fixtures.ts';

const roster = demoRoster();

/** What planVote said before the short way: the vote, then `follow` on the whole state after it. */
function longWay(state: DecisionState, voter: Person, option: string): { changes: Change[]; closed: unknown } {
  const existing = state.votes.find((v) => v.personId === voter.id);
  const next: DecisionState = {
    ...state,
    votes: [
      ...state.votes.filter((v) => v.personId !== voter.id),
      {
        personId: voter.id,
        option,
        changes: existing ? existing.changes + 1 : 0,
        at: existing?.at ?? NOW,
        updatedAt: NOW,
      },
    ],
  };
  const after = follow(next, roster);
  const vote: Change = {
    type: 'vote',
    personId: voter.id,
    option,
    ...(existing ? { replaces: existing.option ?? '' } : {}),
  };
  return { changes: [vote, ...after.changes], closed: after.closed };
}

/** The state with the plan's vote applied, as the store would write it. */
function applied(state: DecisionState, plan: Plan<VoteOutcome>): DecisionState {
  const vote = plan.changes.find((c) => c.type === 'vote');
  if (!vote || vote.type !== 'vote') return state;
  const existing = state.votes.find((v) => v.personId === vote.personId);
  return {
    ...state,
    votes: [
      ...state.votes.filter((v) => v.personId !== vote.personId),
      { ...voteOf(vote.personId, vote.option), changes: existing ? existing.changes + 1 : 0 },
    ],
  };
}

function walkEveryone(start: DecisionState): number {
  let state = start;
  const eligible = assess(state, roster).eligible;
  let compared = 0;
  // half vote, two of them change their minds, the rest vote: the last vote completes the ballot
  const half = Math.ceil(eligible.length / 2);
  const turns = [...eligible.slice(0, half), ...eligible.slice(0, 2), ...eligible.slice(half)];
  for (const [i, voter] of turns.entries()) {
    const option = state.decision.options[i % state.decision.options.length]!;
    const index = state.decision.options.indexOf(option);
    const plan = planVote(state, roster, voter, index, NOW);
    if (plan.outcome.kind !== 'voted') break;
    const expected = longWay(state, voter, option);
    expect(plan.changes).toEqual(expected.changes);
    expect(plan.outcome.closed).toEqual(expected.closed);
    compared++;
    if (plan.outcome.closed) break;
    state = applied(state, plan);
  }
  return compared;
}

describe('a vote that does not complete the ballot is followed as a full assessment would', () => {
  it('every member in turn, with changes of mind, up to the vote that completes it', () => {
    const decision = decisionFor(roster);
    const state = stateOf(roster, decision, { declarations: roster.people.map((p) => none(p.id)) });
    expect(walkEveryone(state)).toBeGreaterThan(assess(state, roster).eligible.length);
  });

  it('with a vote set aside (a member recused after voting) still to withdraw', () => {
    const decision = decisionFor(roster);
    const base = stateOf(roster, decision, { declarations: roster.people.map((p) => none(p.id)) });
    const recusedVoter = [...assess(base, roster).recused.keys()].find((id) =>
      roster.people.some((p) => p.id === id && hasVote(p)),
    );
    expect(recusedVoter).toBeDefined();
    const state = { ...base, votes: [voteOf(recusedVoter!, 'For')] };
    expect(assess(state, roster).strayVotes).toHaveLength(1);
    expect(walkEveryone(state)).toBeGreaterThan(1);
  });

  it('with the standing vote of a member who has left', () => {
    const decision = decisionFor(roster);
    const base = stateOf(roster, decision, { declarations: roster.people.map((p) => none(p.id)) });
    const leaver = assess(base, roster).eligible[0]!;
    const opened = {
      ...decision,
      opening: {
        onRoster: roster.people.map((p) => p.id),
        votingMembers: assess(base, roster).votingMembers.map((p) => p.id),
      },
    };
    const voted = {
      ...base,
      decision: opened,
      votes: [voteOf(leaver.id, 'For')],
      people: { [leaver.id]: { name: leaver.name, resident: leaver.resident } },
    };
    const smaller = { ...roster, people: roster.people.filter((p) => p.id !== leaver.id) };
    const state = voted as DecisionState;
    const standing = assess(state, smaller);
    expect(standing.leaverVotes.map((v) => v.personId)).toEqual([leaver.id]);
    for (const voter of standing.eligible.slice(0, 3)) {
      const plan = planVote(state, smaller, voter, 0, NOW);
      const next: DecisionState = { ...state, votes: [...state.votes, { ...voteOf(voter.id, 'For'), changes: 0 }] };
      expect(plan.changes).toEqual([
        { type: 'vote', personId: voter.id, option: 'For' },
        ...follow(next, smaller).changes,
      ]);
    }
  });
});

describe('a first "No interest" is followed as a full assessment would', () => {
  it('for every member in turn, with a vote set aside still to withdraw', () => {
    const decision = decisionFor(roster);
    const base = stateOf(roster, decision);
    const recusedVoter = [...assess(base, roster).recused.keys()][0]!;
    let state: DecisionState = { ...base, votes: [voteOf(recusedVoter, 'For')] };
    let compared = 0;
    for (const member of roster.people) {
      if (assess(state, roster).recused.has(member.id)) continue;
      const plan = planDeclare(state, roster, member, { outcome: 'none' }, NOW);
      const next: DecisionState = { ...state, declarations: [...state.declarations, none(member.id)] };
      const after = follow(next, roster);
      expect(plan.changes).toEqual([{ type: 'declare', personId: member.id, outcome: 'none' }, ...after.changes]);
      expect(plan.outcome).toMatchObject({ kind: 'declared', recused: null, quorumLost: false, closed: after.closed });
      state = next;
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
