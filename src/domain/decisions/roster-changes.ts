// Joins and departures while a decision is open (docs/decisions.md, "When the roster changes during
// a vote"). The roster at opening is kept with the decision; each later change of someone's place
// (joined, gained a vote, lost it, left) is recorded once, so the people who joined are prompted
// once and the record says what changed. Nothing is discarded silently:
// - the quorum base is fixed when the decision opens (the voting members then);
// - someone who joins takes part as if they had been there from the start (declare; vote if eligible);
// - a vote cast by someone who has since left, or lost their vote, still stands: it was cast while
//   they were a voting member (src/domain/decisions/standing.ts counts it).
import { hasVote, type Roster } from '../roster.ts';
import type { Decision, OpeningRoster, RosterChangeKind } from './types.ts';

type Place = 'voter' | 'non-voter' | 'absent';

export type RosterChangeEntry = { personId: string; change: RosterChangeKind; voting: boolean };

export const openingOf = (roster: Roster): OpeningRoster => ({
  onRoster: roster.people.map((p) => p.id),
  votingMembers: roster.people.filter(hasVote).map((p) => p.id),
});

/** Where each person stood at the last look: the opening roster, then the recorded changes in order. */
function lastKnown(decision: Decision): Map<string, Place> {
  const places = new Map<string, Place>();
  const opening = decision.opening;
  if (!opening) return places;
  const voting = new Set(opening.votingMembers);
  for (const id of opening.onRoster) places.set(id, voting.has(id) ? 'voter' : 'non-voter');
  for (const c of decision.rosterChanges ?? [])
    places.set(c.personId, c.change === 'left' ? 'absent' : c.voting ? 'voter' : 'non-voter');
  return places;
}

/** Changes of place not yet recorded on the decision (none for a decision opened before openings were kept). */
export function pendingRosterChanges(decision: Decision, roster: Roster): RosterChangeEntry[] {
  if (!decision.opening) return [];
  const known = lastKnown(decision);
  const entries: RosterChangeEntry[] = [];
  const present = new Set<string>();
  for (const person of roster.people) {
    present.add(person.id);
    const now: Place = hasVote(person) ? 'voter' : 'non-voter';
    const before = known.get(person.id) ?? 'absent';
    if (before === now) continue;
    const change: RosterChangeKind = before === 'absent' ? 'joined' : now === 'voter' ? 'gained-vote' : 'lost-vote';
    entries.push({ personId: person.id, change, voting: now === 'voter' });
  }
  for (const [personId, place] of known)
    if (place !== 'absent' && !present.has(personId)) entries.push({ personId, change: 'left', voting: false });
  return entries;
}

export interface RosterChangeSummary {
  /** joined the roster, or gained a vote, while it was open */
  joined: string[];
  /** left the roster, or lost their vote, while it was open */
  left: string[];
  /** the quorum base was fixed when the decision opened */
  fixedBase: boolean;
}

/** Recorded and pending changes together, each person once per side. */
export function rosterChangeSummary(decision: Decision, pending: readonly RosterChangeEntry[]): RosterChangeSummary {
  const joined = new Set<string>();
  const left = new Set<string>();
  for (const c of [...(decision.rosterChanges ?? []), ...pending])
    (c.change === 'joined' || c.change === 'gained-vote' ? joined : left).add(c.personId);
  return { joined: [...joined], left: [...left], fixedBase: !!decision.opening };
}
