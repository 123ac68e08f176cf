// The command registry. A new capability adds its file here; help lists whatever is registered.
import { coi, coiActions } from './coi.ts';
import { concern, concernActions, concernForms, concerns } from './concerns.ts';
import { criteria, criteriaActions } from './criteria.ts';
import { decisionActions, decisionForms } from './decision-actions.ts';
import { decision, decisions } from './decisions.ts';
import { declare } from './declare.ts';
import { makeHelp } from './help.ts';
import { interestActions, interestForms, interests } from './interests.ts';
import { link } from './link.ts';
import { forms, membershipFormActions, membershipFormForms } from './membership-forms.ts';
import { appoint, officerActions } from './officers.ts';
import { meeting, meetingForms } from './meeting.ts';
import { organisationActions, organisationForms, organisations } from './organisations.ts';
import { policies, policyActions, policyForms } from './policies.ts';
import { poll } from './poll.ts';
import { proxy, proxyActions, proxyForms } from './proxy.ts';
import { privacy } from './privacy.ts';
import { relationshipActions, relationshipForms, relationships } from './relationships.ts';
import { review } from './review.ts';
import { reviewActions, reviewForms } from './review-actions.ts';
import { roster } from './roster.ts';
import { setup } from './setup.ts';
import { settings, settingsActions, settingsForms } from './settings.ts';
import type { ActionHandler, Command, FormHandler } from './types.ts';

export const COMMANDS: Command[] = [];
export const help = makeHelp(() => COMMANDS);
COMMANDS.push(
  criteria,
  roster,
  appoint,
  forms,
  coi,
  interests,
  relationships,
  organisations,
  setup,
  link,
  poll,
  meeting,
  proxy,
  declare,
  decisions,
  decision,
  review,
  settings,
  policies,
  concern,
  concerns,
  privacy,
  help,
);

/** Buttons, by action id. `run.<command>` runs a command with no arguments. */
export const ACTIONS: Record<string, ActionHandler> = {
  ...criteriaActions,
  ...coiActions,
  ...interestActions,
  ...relationshipActions,
  ...organisationActions,
  ...decisionActions,
  ...proxyActions,
  ...reviewActions,
  ...settingsActions,
  ...officerActions,
  ...membershipFormActions,
  ...policyActions,
  ...concernActions,
};

/** Form submissions, by form id. */
export const FORMS: Record<string, FormHandler> = {
  ...interestForms,
  ...relationshipForms,
  ...organisationForms,
  ...decisionForms,
  ...meetingForms,
  ...proxyForms,
  ...reviewForms,
  ...settingsForms,
  ...membershipFormForms,
  ...policyForms,
  ...concernForms,
};

export function findCommand(word: string): Command | undefined {
  const w = word.toLowerCase();
  return COMMANDS.find((c) => c.name === w || (c.aliases ?? []).includes(w));
}
