// The one permission check of each decision operation: the table (src/domain/permissions.ts),
// with the two rules it cannot hold, said here and nowhere else: the rep may put decisions when
// the partnership allows it, and whoever put a decision may close and amend it.
import { mayCreate } from '../../domain/decisions/create.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { mayManage } from '../../domain/decisions/who.ts';
import { authorize, type Actor } from '../actor.ts';

type Authorized = ReturnType<typeof authorize>;

/** decision.create, or the rep when the partnership's settings allow it. */
export function authorizeCreate(actor: Actor): Authorized {
  const checked = authorize(actor, 'decision.create');
  if (checked.ok || !actor.person || !mayCreate(actor.person, actor.partnership.settings)) return checked;
  return { ok: true, person: actor.person };
}

/** decision.manage, or whoever put this decision. */
export function authorizeManage(actor: Actor, decision: Decision): Authorized {
  const checked = authorize(actor, 'decision.manage');
  if (checked.ok || !actor.person || !mayManage(actor.person, decision)) return checked;
  return { ok: true, person: actor.person };
}
