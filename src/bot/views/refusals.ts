// The authorisation table's refusals in words: who may do what the person tried.
import { PERMISSIONS, type Actor, type Permission } from '../../domain/permissions.ts';
import { formatProblems } from '../../domain/result.ts';
import type { Refusal } from '../../services/actor.ts';

const WHO: Record<Actor, string> = {
  rep: 'the rep',
  chair: 'the chair',
  'vice-chair': 'the vice-chair',
  secretary: 'the secretary',
  treasurer: 'the treasurer',
  'voting-member': 'voting members',
  'non-voting-member': 'non-voting members',
  'paid-worker': 'paid workers',
  unknown: 'anyone',
};

/** "Only the chair, the vice-chair, the secretary or the rep can do that." */
export function refusal(permission: Permission): string {
  const allowed: readonly Actor[] = PERMISSIONS[permission];
  const names = allowed.map((a) => WHO[a]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
  return `Only ${list} can do that.`;
}

/** What a person is told when a service refuses for a reason every feature shares. */
export function refusalText(refused: Refusal): string {
  switch (refused.code) {
    case 'not-permitted':
      return refusal(refused.permission);
    case 'unknown-person':
      return UNKNOWN_PERSON;
    case 'not-found':
      return 'I can’t find that in your partnership: it may have been removed. Type `/partnership help` to start again.';
    case 'invalid':
      return formatProblems(refused.problems);
  }
}

export const UNKNOWN_PERSON =
  'I don’t know who you are yet, so I can’t do that for you. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.';
