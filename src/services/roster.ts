// "Who is on the partnership?": everyone on the roster with their roles; residency and email only
// privately, to officers and the rep.
import { countMembers } from '../domain/criteria/index.ts';
import { can } from '../domain/permissions.ts';
import type { Roster } from '../domain/roster.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { answered, type Answer } from './register.ts';

export interface RosterAnswer {
  roster: Roster;
  /** how many members count towards the criteria */
  counted: number;
  /** show residency and emails */
  details: boolean;
  /** the asker could see them in a private conversation */
  mayDetailPrivately: boolean;
}

export function viewRoster(
  _deps: ServiceDeps,
  actor: Actor,
  input: { private: boolean },
): Answer<RosterAnswer, Refusal> {
  const who = authorize(actor, 'roster.view');
  if (!who.ok) return who;
  const mayDetail = can(who.person, 'roster.details');
  return answered({
    roster: actor.roster,
    counted: countMembers(actor.roster).counted.length,
    details: input.private && mayDetail,
    mayDetailPrivately: mayDetail,
  });
}
