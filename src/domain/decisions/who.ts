// Who may take part in a decision, and in what way. The reasons are said to the person privately,
// in words that live in src/bot/views/decision-words.ts.
import { can } from '../permissions.ts';
import type { Person } from '../roster.ts';
import type { Decision } from './types.ts';
import type { Standing } from './standing.ts';

/** Why this voting member is excluded from this decision by a partnership setting, or null. */
export function exclusionOf(person: Person, standing: Standing): string | null {
  return standing.notEligible.find((n) => n.person.id === person.id)?.why ?? null;
}

/**
 * The chair closes and amends (the authorisation table); so does whoever put the decision, who
 * answers for it. The service's permission check (src/services/decisions/authorize.ts) is the one
 * place this is asked.
 */
export function mayManage(person: Person | null, decision: Decision): boolean {
  if (!person) return false;
  return person.id === decision.createdById || can(person, 'decision.manage');
}

/** The people a warning about the decision goes to: the chair(s), or the creator when there is no chair. */
export function chairsOf(people: readonly Person[], decision: Decision): string[] {
  const chairs = people.filter((p) => p.kind === 'member' && p.roles.includes('chair')).map((p) => p.id);
  return chairs.length ? chairs : [decision.createdById];
}
