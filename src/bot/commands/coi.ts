// The chair's conflict-of-interest check for a procurement or grant decision: by organisation
// (several bidders at once) or by decision number (with the declarations made for it).
import { z } from 'zod';
import { STALE, parseValue, privateText } from '../register/common.ts';
import { MAX_ORGANISATIONS, parseCheck, querySchema, runCheck, shareCheck } from '../register/coi-query.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { linkNames } from './organisations.ts';
import type { ActionHandler, Command } from './types.ts';
import { intent } from './types.ts';

export { splitOrganisations } from '../register/coi-query.ts';

const SUFFIX = '(?: contract| contracts| grant| grants| tender| bid| bids| decision| application)?';

export const coi: Command = {
  name: 'coi',
  aliases: ['conflicts'],
  summary:
    'Who must not take part in a decision about an organisation or a numbered decision (chair, vice-chair, secretary, rep).',
  usage: 'coi <organisation>[; <another organisation>] | coi <decision number>',
  needsPartnership: true,
  intents: [
    intent(
      new RegExp(`\\bwho can(?:'t|’t| not|not)? vote on (?:the )?(.+?)${SUFFIX}\\s*\\??$`, 'i'),
      new RegExp(
        `\\bwho (?:must|should|has to|needs to) (?:step back|not take part|not vote|sit out) (?:on|from|in|for) (?:the )?(.+?)${SUFFIX}\\s*\\??$`,
        'i',
      ),
      /\bcoi check (?:for|on) (.+?)\s*\??$/i,
      /\bcoi (?:for|on) (.+?)\s*\??$/i,
      /\bconflicts? of interest (?:for|on|with) (.+?)\s*\??$/i,
    ),
  ],
  async run(ctx) {
    const { person } = ctx.scope;
    if (!can(person, 'coi.check')) return [privateText(refusal('coi.check'))];
    const query = parseCheck(ctx.args);
    return typeof query === 'string' ? [privateText(query)] : runCheck(ctx, query);
  },
};

const linkValue = z.object({
  q: querySchema,
  i: z
    .number()
    .int()
    .min(0)
    .max(MAX_ORGANISATIONS - 1),
  o: z.string().min(1).max(200),
});

export const coiActions: Record<string, ActionHandler> = {
  /** "Use the known name" / "Keep mine" from "did you mean …?" */
  'coi.pick': async (ctx, value) => {
    const query = parseValue(value, querySchema);
    return query ? runCheck(ctx, query) : [privateText(STALE)];
  },
  /** "These are the same organisation": link the names (officers, rep), then check. */
  'coi.link': async (ctx, value) => {
    const choice = parseValue(value, linkValue);
    const typed = choice?.q.n[choice.i];
    if (!choice || !typed) return [privateText(STALE)];
    if (!can(ctx.scope.person, 'coi.check')) return [privateText(refusal('coi.check'))];
    if (!can(ctx.scope.person, 'organisations.alias')) return [privateText(refusal('organisations.alias'))];
    return runCheck(ctx, choice.q, await linkNames(ctx, choice.o, typed));
  },
  'coi.share': async (ctx, value) => {
    const query = parseValue(value, querySchema);
    return query ? shareCheck(ctx, query) : [privateText(STALE)];
  },
};
