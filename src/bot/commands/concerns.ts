// Concerns in chat: `/partnership concern` opens the private form; `/partnership concerns` lists
// the ones you raised and the ones you review; the reviewer records the outcome and closes one.
// Every reply is private. src/services/concerns.ts checks, routes and writes.
import type { Reply } from '../../domain/chat/reply.ts';
import * as service from '../../services/concerns.ts';
import type { ConcernRefusal } from '../../services/concerns.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import {
  alreadyClosedText,
  closedText,
  concernForm,
  concernsReply,
  outcomeForm,
  raisedReply,
  reviewerMessage,
} from '../views/concerns.ts';
import { STALE, UNKNOWN_PERSON, privateText } from '../views/register.ts';
import type { Typed } from '../views/form-again.ts';
import { formValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

/** Read up to this much of a concern or an outcome: more than either may be, so one too long is refused, never cut. */
const LONG_TEXT = 4000;

function refusedWith(ctx: ScopedContext, refused: ConcernRefusal, typed: Typed = {}): Promise<Reply[]> {
  switch (refused.code) {
    case 'stale':
      return Promise.resolve([privateText(STALE)]);
    case 'concern-closed':
      return Promise.resolve([
        privateText(alreadyClosedText(refused.concern, ctx.scope.partnership.settings.timeZone)),
      ]);
    case 'outcome-invalid':
      // the reviewer's form again, privately, what they wrote kept and the problem under it
      return Promise.resolve([outcomeForm(refused.concern, { problems: refused.problems, typed })]);
    default:
      return answerRefusal(ctx, refused);
  }
}

export const concernActions: Record<string, ActionHandler> = {
  'concerns.view': async (ctx, value) => {
    const found = await service.readConcern(serviceDeps(ctx.deps), ctx.scope, { id: value.slice(0, 100) });
    return found.ok ? [reviewerMessage(found.value, ctx.scope.roster)] : refusedWith(ctx, found.refusal);
  },
  'concerns.outcome': async (ctx, value) => {
    const found = await service.startOutcome(serviceDeps(ctx.deps), ctx.scope, { id: value.slice(0, 100) });
    return found.ok ? [outcomeForm(found.value)] : refusedWith(ctx, found.refusal);
  },
};

export const concernForms: Record<string, FormHandler> = {
  'concerns.raise': async (ctx, values) => {
    const raised = await service.raiseConcern(serviceDeps(ctx.deps), ctx.scope, {
      kind: formValue(values, 'kind'),
      aboutId: formValue(values, 'about').slice(0, 100),
      text: formValue(values, 'text', LONG_TEXT),
    });
    if (raised.ok) return [raisedReply(raised.value, ctx.scope.roster)];
    if (raised.refusal.code !== 'concern-invalid') return answerRefusal(ctx, raised.refusal);
    // the form again, privately like the concern itself, what was written kept
    const { problems, people } = raised.refusal;
    return [concernForm(people, { problems, typed: values })];
  },
  'concerns.outcome': async (ctx, values, context) => {
    const id = (context ?? '').slice(0, 100);
    const closed = await service.closeConcern(serviceDeps(ctx.deps), ctx.scope, {
      id,
      outcome: formValue(values, 'outcome', LONG_TEXT),
    });
    return closed.ok ? [privateText(closedText(closed.value))] : refusedWith(ctx, closed.refusal, values);
  },
};

export const concern: Command = {
  name: 'concern',
  aliases: ['raise-concern'],
  summary:
    'Raise a concern privately (code of conduct, possible misuse of funds, other); only the impartial reviewer sees it.',
  usage: 'concern',
  needsPartnership: true,
  intents: [intent(/\b(?:raise|report|flag) an? (?:concern|complaint)\b/i, /^\s*concern\??\s*$/i)],
  async run(ctx) {
    const may = service.startConcern(ctx.scope);
    if (may.ok) return [concernForm(may.value.people)];
    return may.refusal.code === 'unknown-person' ? [privateText(UNKNOWN_PERSON)] : answerRefusal(ctx, may.refusal);
  },
};

export const concerns: Command = {
  name: 'concerns',
  summary: 'The concerns you raised, and those you review, with their status (private).',
  usage: 'concerns',
  needsPartnership: true,
  intents: [intent(/\bmy concerns\b/i, /^\s*concerns\??\s*$/i)],
  async run(ctx) {
    const listed = await service.listConcerns(serviceDeps(ctx.deps), ctx.scope);
    if (listed.ok) return [concernsReply(listed.value, ctx.scope.roster)];
    return listed.refusal.code === 'unknown-person'
      ? [privateText(UNKNOWN_PERSON)]
      : answerRefusal(ctx, listed.refusal);
  },
};
