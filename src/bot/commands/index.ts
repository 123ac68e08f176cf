// The command registry. A new capability adds its file here; help lists whatever is registered.
import { coi } from './coi.js';
import { criteria, criteriaActions } from './criteria.js';
import { decisionActions, decisionForms } from './decision-actions.js';
import { decision, decisions } from './decisions.js';
import { declare } from './declare.js';
import { makeHelp } from './help.js';
import { link } from './link.js';
import { privacy } from './privacy.js';
import { poll } from './poll.js';
import { review } from './review.js';
import { reviewActions, reviewForms } from './review-actions.js';
import { roster } from './roster.js';
import { setup } from './setup.js';
import type { ActionHandler, Command, FormHandler } from './types.js';

export const COMMANDS: Command[] = [];
export const help = makeHelp(() => COMMANDS);
COMMANDS.push(criteria, roster, coi, setup, link, poll, declare, decisions, decision, review, privacy, help);

/** Buttons, by action id. `run.<command>` runs a command with no arguments. */
export const ACTIONS: Record<string, ActionHandler> = { ...criteriaActions, ...decisionActions, ...reviewActions };

/** Form submissions, by form id. */
export const FORMS: Record<string, FormHandler> = { ...decisionForms, ...reviewForms };

export function findCommand(word: string): Command | undefined {
  const w = word.toLowerCase();
  return COMMANDS.find((c) => c.name === w || (c.aliases ?? []).includes(w));
}
