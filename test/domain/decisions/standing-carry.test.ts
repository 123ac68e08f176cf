// How the votes fall is carried from a list to the list one vote makes (withVote in
// src/domain/decisions/standing.ts), so a click need not walk every vote. Whatever was carried,
// the assessment must be the one a fresh pass gives: checked after every vote of a long run.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../src/domain/freeze.ts';
import { assess } from '../../../src/domain/decisions/standing.ts';
import { withVote } from '../../../src/domain/decisions/vote-split.ts';
import type { DecisionState } from '../../../src/domain/decisions/types.ts';
import type { Roster } from '../../../src/domain/roster.ts';
import { NOW, decisionFor, demoRoster, none, stateOf, voteOf } from './fixtures.ts';

/** The same state with every list copied and unfrozen: nothing remembered applies to it. */
const fresh = (state: DecisionState): DecisionState => ({
  ...state,
  declarations: [...state.declarations],
  recusals: [...state.recusals],
  votes: state.votes.map((v) => ({ ...v })),
});

const comparable = (state: DecisionState, roster: Roster) => {
  const s = assess(state, roster);
  return { ...s, coi: null, declared: [...s.declared].sort(), recused: [...s.recused.keys()].sort() };
};

describe('the split of votes carried from one list to the next', () => {
  it('equals a fresh pass after every new vote, change, stray vote and leaver’s vote', () => {
    const full = deepFreeze(demoRoster());
    const base = stateOf(full, decisionFor(full), { declarations: full.people.map((p) => none(p.id)) });
    const first = assess(base, full);
    const leaver = first.eligible[0]!;
    const recusedVoter = [...first.recused.keys()][0]!;
    // the roster after the first eligible member left; the decision opened with them on it
    const roster = deepFreeze({ ...full, people: full.people.filter((p) => p.id !== leaver.id) });
    const opened = {
      ...base.decision,
      opening: { onRoster: full.people.map((p) => p.id), votingMembers: first.votingMembers.map((p) => p.id) },
    };
    let state = deepFreeze({
      ...base,
      decision: opened,
      people: { [leaver.id]: { name: leaver.name, resident: leaver.resident } },
      votes: [voteOf(leaver.id, 'For')],
    }) as DecisionState;
    assess(state, roster); // worked out once for the frozen list: from here on it is carried
    const voters = [recusedVoter, ...assess(state, roster).eligible.map((p) => p.id)];
    let checked = 0;
    for (const [i, personId] of [...voters, ...voters.slice(0, 4), leaver.id].entries()) {
      const had = state.votes.find((v) => v.personId === personId);
      const record = had
        ? { ...had, option: 'Against', changes: had.changes + 1, updatedAt: NOW }
        : voteOf(personId, i % 2 ? 'For' : 'Abstain');
      state = withVote(state, personId, () => record);
      expect(Object.isFrozen(state.votes)).toBe(true);
      expect(comparable(state, roster)).toEqual(comparable(fresh(state), roster));
      checked++;
    }
    const standing = assess(state, roster);
    expect(standing.leaverVotes.map((v) => v.personId)).toEqual([leaver.id]);
    expect(standing.strayVotes.map((v) => v.personId)).toEqual([recusedVoter]);
    expect(checked).toBeGreaterThan(10);
  });
});
