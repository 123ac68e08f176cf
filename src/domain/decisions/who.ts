// Who may take part in a decision, and in what way; the reasons are said to the person privately.
import { can } from '../permissions.ts';
import type { ConflictReason } from '../coi.ts';
import type { Person } from '../roster.ts';
import type { Decision } from './types.ts';
import type { Standing } from './standing.ts';

const KIND_WORDS = {
  'direct-financial': 'direct financial',
  'indirect-financial': 'indirect financial',
  loyalty: 'loyalty',
} as const;

/** Why this person cannot vote on any decision, or null when they have a vote. */
export function noVoteReason(person: Person | null): string | null {
  if (!person)
    return 'I don’t know who you are yet, so I can’t take your vote. Ask your chair or rep to link you with `/partnership link`.';
  if (can(person, 'decision.vote')) return null;
  if (person.kind === 'paid-worker')
    return 'Paid workers never vote on partnership decisions: Local Trust’s guidance says “in no circumstances should a paid worker also sit as a voting member”.';
  if (person.kind === 'rep') return 'The Big Local rep supports the partnership but does not vote on its decisions.';
  return 'You are a non-voting member of the partnership, so you don’t declare or vote on its decisions.';
}

/** Why this person may not vote on this decision (beyond a conflict), or null. */
export function ineligibleReason(person: Person | null, standing: Standing): string | null {
  const general = noVoteReason(person);
  if (general) return general;
  const excluded = standing.notEligible.find((n) => n.person.id === person!.id);
  return excluded ? `You can’t vote on this decision: ${excluded.why}.` : null;
}

export const describeReasons = (reasons: readonly ConflictReason[]): string[] =>
  reasons.map((r) => `${KIND_WORDS[r.kind]} interest (${r.organisation}): ${r.detail}`);

export function recusalNotice(decision: Decision, reasons: readonly ConflictReason[]): string {
  return `You must not take part in Decision ${decision.number} (“${decision.title}”), so you can’t vote on it. Why: ${describeReasons(reasons).join(' ')} The channel only sees how many members stepped back, never who or why.`;
}

/** The chair closes and amends (the authorisation table); so does whoever put the decision, who answers for it. */
export function mayManage(person: Person | null, decision: Decision): boolean {
  if (!person) return false;
  return person.id === decision.createdById || can(person, 'decision.manage');
}

export const manageRefusal = 'Only the chair, or the person who put this decision, can do that.';

/** The people a warning about the decision goes to: the chair(s), or the creator when there is no chair. */
export function chairsOf(people: readonly Person[], decision: Decision): string[] {
  const chairs = people.filter((p) => p.kind === 'member' && p.roles.includes('chair')).map((p) => p.id);
  return chairs.length ? chairs : [decision.createdById];
}
