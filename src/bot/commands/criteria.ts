import { checkCriteria } from '../../domain/criteria/index.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { criteriaReply } from '../views/criteria.ts';
import type { ActionHandler, Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

async function answer(ctx: ScopedContext, wantDetails: boolean) {
  const { roster, person } = ctx.scope;
  if (!can(person, 'criteria.view')) return [textReply(person ? refusal('criteria.view') : UNKNOWN)];
  const report = checkCriteria(roster);
  const mayDetail = can(person, 'criteria.details');
  if (ctx.inChannel && !wantDetails) {
    return [criteriaReply(report, { showDetails: false, visibility: 'channel', offerDetails: true })];
  }
  return [criteriaReply(report, { showDetails: mayDetail, visibility: 'private' })];
}

const UNKNOWN =
  'I don’t know who you are yet, so I can’t show the partnership’s details. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.';

export const criteria: Command = {
  name: 'criteria',
  aliases: ['check', 'review-check'],
  summary: 'Are we in criteria? Who was counted, and what to fix.',
  usage: 'criteria',
  needsPartnership: true,
  intents: [
    intent(
      /\b(are|is) (we|the partnership|our partnership) (still )?(in|within|meeting|meet) (the )?criteria\b/i,
      /\b(do|does) (we|the partnership|our partnership) (still )?meet (the |our )?(big local )?criteria\b/i,
      /\bcriteria (check|status)\b/i,
      /\bcheck (the |our )?criteria\b/i,
      /\b(are|is) (we|the partnership) (ok|okay|alright|all right|good|ready) for (the |our )?(partnership )?review\b/i,
      /^\s*criteria\??\s*$/i,
      /\bin criteria\b/i,
    ),
  ],
  run: (ctx) => answer(ctx, false),
};

export const criteriaActions: Record<string, ActionHandler> = {
  'criteria.details': (ctx) => answer({ ...ctx, inChannel: false }, true),
};
