// Who may do what: one table, enforced in the core whatever the platform. A person may hold
// several of these at once (a chair is also a voting member); any one that is allowed suffices.
import type { Person } from './roster.ts';

export const ACTORS = [
  'rep',
  'chair',
  'vice-chair',
  'secretary',
  'treasurer',
  'voting-member',
  'non-voting-member',
  'paid-worker',
  'unknown',
] as const;
export type Actor = (typeof ACTORS)[number];

const OFFICERS: Actor[] = ['chair', 'vice-chair', 'secretary', 'treasurer'];
const EVERYONE_KNOWN: Actor[] = ['rep', ...OFFICERS, 'voting-member', 'non-voting-member', 'paid-worker'];

export const PERMISSIONS = {
  /** "are we in criteria?": counts and statuses, channel-safe */
  'criteria.view': EVERYONE_KNOWN,
  /** relationship chains and who counts as a resident */
  'criteria.details': [...OFFICERS, 'rep'],
  'roster.view': EVERYONE_KNOWN,
  /** residency, emails and links of others */
  'roster.details': [...OFFICERS, 'rep'],
  'coi.check': ['chair', 'vice-chair', 'secretary', 'rep'],
  /** post the redacted conflict-of-interest summary (names and kinds of reason) to the channel */
  'coi.share': ['chair', 'vice-chair', 'secretary', 'rep'],
  /** see and edit one's own register of interests, privately */
  'interests.own': EVERYONE_KNOWN,
  /** see someone else's register of interests, privately */
  'interests.view': [...OFFICERS, 'rep'],
  /** record, edit and remove relationships between people on the roster */
  'relationships.manage': [...OFFICERS, 'rep'],
  /** see the relationships one is part of, privately */
  'relationships.own': EVERYONE_KNOWN,
  /** list known organisations; say two names are one organisation */
  'organisations.alias': [...OFFICERS, 'rep'],
  'channel.bind': ['chair', 'rep'],
  'identity.link': [...OFFICERS, 'rep'],
  'help.view': [...EVERYONE_KNOWN, 'unknown'],
  /** the partnership's settings (quorum, thresholds, policies), with what each means */
  'settings.view': EVERYONE_KNOWN,
  /** change any of the partnership's settings (audited with before and after) */
  'settings.change': ['chair', 'rep'],
  /** put a decision to the partnership; the rep too when the partnership allows it (src/domain/decisions/create.ts) */
  'decision.create': ['chair', 'vice-chair', 'secretary'],
  /** record a decision taken at a meeting: who was there, declarations, who left the room, the result */
  'decision.meeting': ['chair', 'secretary'],
  /** a decision's record privately: counts, result when visible, one's own part */
  'decision.view': EVERYONE_KNOWN,
  /** the conflicts log in the record: who declared what, who was recused and why */
  'decision.record': [...OFFICERS, 'rep'],
  /** post the conflicts log to the channel, for the minutes */
  'decision.share': ['chair'],
  /** close early and amend; so may whoever put the decision (src/domain/decisions/who.ts) */
  'decision.manage': ['chair'],
  /**
   * declare an interest (or none) in a decision: everyone on the roster (001's rule is for every
   * member; paid workers and the rep take part in discussions), though only members with a vote vote
   */
  'decision.declare': EVERYONE_KNOWN,
  /** vote, unless recused or excluded by the partnership's rules for that decision (src/domain/decisions/standing.ts) */
  'decision.vote': ['voting-member'],
  /** the whole review: who has confirmed, details, changes, answers (privately) */
  'review.status': ['chair', 'rep'],
  /** the four questions, the plan and timeline, "the changes are right" */
  'review.answer': ['chair', 'rep'],
  'review.snooze': ['chair', 'rep'],
  /** the season's dates, nudge cadence, quiet hours, reminders */
  'review.settings': ['chair', 'rep'],
  'review.export': ['chair', 'rep'],
  /** record that the review went to Local Trust (a snapshot kept for next year) */
  'review.submit': ['chair', 'rep'],
  /** the local policies register (names, dates adopted and of review, links): channel-safe */
  'policies.view': EVERYONE_KNOWN,
  /** record, update or remove a policy in the register */
  'policies.manage': ['chair', 'rep'],
  /** raise a concern privately, to the impartial reviewer (src/domain/concerns.ts) */
  'concerns.raise': EVERYONE_KNOWN,
  /** record a concern's outcome and close it: only the person it went to (src/services/concerns.ts) */
  'concerns.review': EVERYONE_KNOWN,
  /** a member confirms their own membership and resident status */
  'review.confirm': [...OFFICERS, 'voting-member', 'non-voting-member'],
  /** make a member chair, vice-chair, secretary or treasurer (checked against the make-up rules first) */
  'roster.appoint': ['chair', 'rep'],
  /** record one's own signed membership form (date and where it is kept), privately */
  'membership-form.own': [...OFFICERS, 'voting-member', 'non-voting-member'],
  /** record any member's signed form, and list the members without one */
  'membership-form.manage': ['chair', 'rep'],
} as const satisfies Record<string, readonly Actor[]>;

export type Permission = keyof typeof PERMISSIONS;

export function actorsOf(person: Person | null): Actor[] {
  if (!person) return ['unknown'];
  if (person.kind === 'rep') return ['rep'];
  if (person.kind === 'paid-worker') return ['paid-worker'];
  return [...person.roles, person.voting ? 'voting-member' : 'non-voting-member'];
}

export function can(person: Person | null, permission: Permission): boolean {
  const allowed: readonly Actor[] = PERMISSIONS[permission];
  return actorsOf(person).some((a) => allowed.includes(a));
}
