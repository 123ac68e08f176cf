// "Are we in criteria?": the report on the partnership's roster as loaded for this request, and
// whether the asker may see its details (relationship chains, who counts as a resident).
import { checkCriteria, type CriteriaReport } from '../domain/criteria/index.ts';
import { can } from '../domain/permissions.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import { answered, type Answer } from './register.ts';

export interface CriteriaAnswer {
  report: CriteriaReport;
  /** the asker may see the details, privately */
  mayDetail: boolean;
}

export function checkPartnershipCriteria(_deps: ServiceDeps, actor: Actor): Answer<CriteriaAnswer, Refusal> {
  const who = authorize(actor, 'criteria.view');
  if (!who.ok) return who;
  return answered({ report: checkCriteria(actor.roster), mayDetail: can(who.person, 'criteria.details') });
}
