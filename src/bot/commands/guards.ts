// The least each button and form needs, by the authorisation table (../permissions.ts). bot.ts
// checks it before any handler runs and audits a refusal; handlers then check what depends on the
// thing clicked (whose entry, which decision, whether they put it). Every id in ACTIONS and FORMS
// must be listed here (test/security/guards.test.ts): a new button cannot go unguarded.
import { noVoteReason } from '../../domain/decisions/who.ts';
import type { Person } from '../../domain/roster.ts';
import { type Permission } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';

export interface Guard {
  permission: Permission;
  /** what someone on the roster is told when refused (default: who may, from the table) */
  message?: (person: Person) => string;
}

const voter = (permission: Permission): Guard => ({
  permission,
  message: (p) => noVoteReason(p) ?? refusal(permission),
});
const MEMBERS_ONLY = 'Only partnership members confirm their membership: this button is not for you.';

export const ACTION_GUARDS: Record<string, Guard> = {
  'criteria.details': { permission: 'criteria.view' },
  'coi.pick': { permission: 'coi.check' },
  'coi.link': { permission: 'coi.check' },
  'coi.share': { permission: 'coi.share' },
  'interests.add': { permission: 'interests.own' },
  'interests.edit': { permission: 'interests.own' },
  'interests.remove': { permission: 'interests.own' },
  'interests.remove.confirm': { permission: 'interests.own' },
  'interests.none': { permission: 'interests.own' },
  'interests.use': { permission: 'interests.own' },
  'interests.keep': { permission: 'interests.own' },
  'relationships.add': { permission: 'relationships.manage' },
  'relationships.edit': { permission: 'relationships.manage' },
  'relationships.remove': { permission: 'relationships.manage' },
  'relationships.remove.confirm': { permission: 'relationships.manage' },
  'relationships.page': { permission: 'relationships.own' },
  'organisations.alias': { permission: 'organisations.alias' },
  'organisations.unalias': { permission: 'organisations.alias' },
  'decision.declare': voter('decision.declare'),
  'decision.declare.none': voter('decision.declare'),
  'decision.declare.interest': voter('decision.declare'),
  'decision.ballot': voter('decision.vote'),
  'decision.ballot.change': voter('decision.vote'),
  'decision.vote': voter('decision.vote'),
  // whoever put a decision may close and amend it too: decision-actions.ts checks the rest
  'decision.close': { permission: 'decision.view' },
  'decision.close.confirm': { permission: 'decision.view' },
  'decision.amend': { permission: 'decision.view' },
  'decision.view': { permission: 'decision.view' },
  'decision.share': { permission: 'decision.share' },
  'review.confirm': { permission: 'review.confirm', message: () => MEMBERS_ONLY },
  'review.answer': { permission: 'review.answer' },
  'review.snooze': { permission: 'review.snooze' },
  'review.changes-ok': { permission: 'review.answer' },
  'review.export': { permission: 'review.export' },
  'review.submit': { permission: 'review.submit' },
};

export const FORM_GUARDS: Record<string, Guard> = {
  'interests.add': { permission: 'interests.own' },
  'interests.edit': { permission: 'interests.own' },
  'relationships.add': { permission: 'relationships.manage' },
  'relationships.edit': { permission: 'relationships.manage' },
  'organisations.alias': { permission: 'organisations.alias' },
  // the rep may put decisions when the partnership allows it: decision-actions.ts checks the rest
  'decision.create': { permission: 'decision.view' },
  'decision.declare': voter('decision.declare'),
  'decision.amend': { permission: 'decision.view' },
  'review.answers': { permission: 'review.answer' },
  'review.settings': { permission: 'review.settings' },
};
