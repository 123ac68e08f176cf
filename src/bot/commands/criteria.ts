// "Are we in criteria?" In a channel, the summary that singles nobody out (with a button for the
// details privately); in private, the details too for officers and the rep.
import { textReply } from '../../domain/chat/reply.ts';
import { checkPartnershipCriteria } from '../../services/criteria.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import { CRITERIA_UNKNOWN_PERSON, criteriaReply } from '../views/criteria.ts';
import { refusalText } from '../views/refusals.ts';
import type { ActionHandler, Command } from './types.ts';
import { intent } from './types.ts';

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
  async run(ctx) {
    const checked = checkPartnershipCriteria(serviceDeps(ctx.deps), ctx.scope);
    if (!checked.ok)
      return [
        textReply(checked.refusal.code === 'unknown-person' ? CRITERIA_UNKNOWN_PERSON : refusalText(checked.refusal)),
      ];
    const { report, mayDetail } = checked.value;
    return ctx.inChannel
      ? [criteriaReply(report, { showDetails: false, visibility: 'channel', offerDetails: true })]
      : [criteriaReply(report, { showDetails: mayDetail, visibility: 'private' })];
  },
};

export const criteriaActions: Record<string, ActionHandler> = {
  'criteria.details': async (ctx) => {
    const checked = checkPartnershipCriteria(serviceDeps(ctx.deps), ctx.scope);
    if (!checked.ok) return answerRefusal(ctx, checked.refusal);
    return [criteriaReply(checked.value.report, { showDetails: checked.value.mayDetail, visibility: 'private' })];
  },
};
