// The chair's conflict-of-interest check for a procurement or grant decision: by organisation
// (several bidders at once) or by decision number (with the declarations made for it). Button
// values carry the query (organisation names and a decision number: nothing personal); every
// click is checked and recomputed by src/services/coi.ts.
import { z } from 'zod';
import type { Reply } from '../../domain/chat/reply.ts';
import * as service from '../../services/coi.ts';
import type { AskFirst, Checked, CoiRefusal } from '../../services/coi.ts';
import type { Answer, Stale } from '../../services/register.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import { askFirstReply, checkedReply, coiRefusalText, sharedReply } from '../views/coi-check.ts';
import { linkedNotice } from '../views/organisations.ts';
import { refusal } from '../views/refusals.ts';
import { STALE, privateText } from '../views/register.ts';
import { parseValue } from './input.ts';
import type { ActionHandler, Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const { MAX_ORGANISATIONS, MAX_NAME } = service;

const querySchema = z.object({
  /** organisation names, as typed or as picked */
  n: z.array(z.string().min(1).max(MAX_NAME)).max(MAX_ORGANISATIONS),
  /** keys of names the chair chose to keep as typed */
  k: z.array(z.string().max(MAX_NAME)).max(MAX_ORGANISATIONS).default([]),
  /** a decision number */
  d: z.number().int().min(1).max(999_999).optional(),
});

const linkValue = z.object({
  q: querySchema,
  i: z
    .number()
    .int()
    .min(0)
    .max(MAX_ORGANISATIONS - 1),
  o: z.string().min(1).max(MAX_NAME),
});

/** "Acme Ltd; Riverside Youth Trust" or one per line: several bidders at once. */
export const splitOrganisations = (text: string): string[] =>
  text
    .split(/[;\n]|,(?=\s*[A-Z])/)
    .map((s) =>
      s
        .trim()
        .replace(/^["“']|["”']$/g, '')
        .trim(),
    )
    .filter(Boolean);

const DECISION = /^(?:the\s+)?(?:decision|vote)?\s*(?:no\.?|number)?\s*#?\s*(\d{1,6})$/i;

function parseCheck(args: string): { decision: number } | { names: string[] } {
  const decision = DECISION.exec(args.trim());
  return decision ? { decision: Number(decision[1]) } : { names: splitOrganisations(args) };
}

function answer(ctx: ScopedContext, checked: Answer<Checked | AskFirst, CoiRefusal | Stale>): Promise<Reply[]> {
  if (!checked.ok) {
    const refused = checked.refusal;
    if (refused.code === 'stale') return Promise.resolve([privateText(STALE)]);
    if (refused.code === 'not-permitted' || refused.code === 'unknown-person') return answerRefusal(ctx, refused);
    return Promise.resolve([privateText(coiRefusalText(refused, ctx.scope.partnership.name))]);
  }
  const c = checked.value;
  if (c.kind === 'ask') return Promise.resolve([askFirstReply(c)]);
  const inDirect = ctx.request.conversation.kind === 'direct';
  return Promise.resolve([checkedReply(c, inDirect, c.linked ? linkedNotice(c.linked) : undefined)]);
}

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
    const checked = await service.checkTyped(serviceDeps(ctx.deps), ctx.scope, parseCheck(ctx.args));
    // typed by someone the roster does not know: told who may check, as anyone else refused
    if (!checked.ok && checked.refusal.code === 'unknown-person') return [privateText(refusal('coi.check'))];
    return answer(ctx, checked);
  },
};

export const coiActions: Record<string, ActionHandler> = {
  /** "Use the known name" / "Keep mine" from "did you mean …?" */
  'coi.pick': async (ctx, value) => {
    const query = parseValue(value, querySchema);
    return answer(ctx, await service.checkQuery(serviceDeps(ctx.deps), ctx.scope, { query }));
  },
  /** "These are the same organisation": link the names (officers, rep), then check. */
  'coi.link': async (ctx, value) => {
    const choice = parseValue(value, linkValue);
    const link = choice && { query: choice.q, index: choice.i, organisation: choice.o };
    return answer(ctx, await service.linkAndCheck(serviceDeps(ctx.deps), ctx.scope, link));
  },
  'coi.share': async (ctx, value) => {
    const query = parseValue(value, querySchema);
    const shared = await service.shareConflicts(serviceDeps(ctx.deps), ctx.scope, { query });
    if (!shared.ok) return answer(ctx, shared);
    return shared.value.kind === 'ask' ? [askFirstReply(shared.value)] : [sharedReply(shared.value)];
  },
};
