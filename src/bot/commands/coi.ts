// The chair's conflict-of-interest check for a procurement or grant decision.
import { checkConflicts } from '../../domain/coi.js';
import { can, refusal } from '../permissions.js';
import { textReply } from '../reply.js';
import { coiReply } from '../views/coi.js';
import type { Command } from './types.js';
import { intent } from './types.js';

/** "Acme Ltd; Riverside Youth Trust" or one per line: several bidders at once. */
export const splitOrganisations = (text: string): string[] =>
  text.split(/[;\n]|,(?=\s*[A-Z])/).map((s) => s.trim().replace(/^["“']|["”']$/g, '').trim()).filter(Boolean);

export const coi: Command = {
  name: 'coi',
  aliases: ['conflicts'],
  summary: 'Who must not take part in a decision about an organisation (chair, vice-chair, secretary, rep).',
  usage: 'coi <organisation>[; <another organisation>]',
  needsPartnership: true,
  intents: [
    intent(
      /\bwho can(?:'t| not|not)? vote on (?:the )?(.+?)(?: contract| grant| tender| bid| decision)?\s*\??$/i,
      /\bcoi check (?:for|on) (.+?)\s*\??$/i,
      /\bconflicts? of interest (?:for|on|with) (.+?)\s*\??$/i,
    ),
  ],
  async run(ctx) {
    const { roster, person } = ctx.scope;
    if (!can(person, 'coi.check')) return [textReply(refusal('coi.check'))];
    const organisations = splitOrganisations(ctx.args);
    if (organisations.length === 0) {
      return [textReply('Which organisation is the decision about? For example: `/partnership coi Riverside Youth Trust`. Separate several bidders with semicolons.')];
    }
    return [coiReply(checkConflicts(roster, { organisations, keyDecision: true }))];
  },
};
