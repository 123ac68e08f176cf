// The authorisation table's refusals in words: who may do what the person tried.
import { PERMISSIONS, type Actor, type Permission } from '../../domain/permissions.ts';

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
