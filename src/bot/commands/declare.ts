// `/partnership declare [number]` and "I need to declare an interest": the declaration flow for
// the open decisions.
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { declarePrompt } from '../../services/decisions/prompts.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { declarePromptReply } from '../views/decision-answers.ts';
import { noVoteReason } from '../views/decision-words.ts';
import { answer } from './decision-scope.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

export const declare: Command = {
  name: 'declare',
  summary: 'Declare an interest (or none) in an open decision, before you vote.',
  usage: 'declare [decision number]',
  needsPartnership: true,
  intents: [
    intent(
      /\bdeclare\b.*?\bdecision\s+(\d+)\b/i,
      /\b(?:need|want|have|like|wish|going)\s+to\s+declare\b/i,
      /\bdeclare\s+(?:an?\s+|my\s+)?interests?\b/i,
      /\bi\s+have\s+an\s+interest\b/i,
    ),
  ],
  async run(ctx) {
    const number = /^\s*(\d{1,6})\s*$/.exec(ctx.args)?.[1];
    if (!number && ctx.args.trim())
      return [
        textReply(
          'Give the decision’s number, for example `/partnership declare 3`, or just `/partnership declare` to see the open decisions.',
        ),
      ];
    const prompt = await declarePrompt(
      serviceDeps(ctx.deps),
      actorOf(ctx),
      number ? { number: Number(number) } : { open: true },
    );
    const why = noVoteReason(ctx.scope.person) ?? undefined;
    return answer(ctx, prompt, (p) => declarePromptReply(p, ctx.scope.partnership.name), {
      notPermitted: why,
      unknown: why,
    });
  },
};
