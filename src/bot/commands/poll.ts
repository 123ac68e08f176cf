// `/partnership poll` (or "start a vote"): the form that puts a decision to the partnership.
import { actorOf } from './types.ts';
import { startForm } from '../../services/decisions/start.ts';
import { createFormReply } from '../views/decision-create-form.ts';
import { createRefusal } from '../views/decision-words.ts';
import { answer } from './decision-scope.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

export const poll: Command = {
  name: 'poll',
  aliases: ['new-decision', 'decide'],
  summary:
    'Put a decision to the partnership: everyone declares, conflicted members step back, the rest vote (chair, vice-chair, secretary).',
  usage: 'poll [title]',
  needsPartnership: true,
  intents: [
    intent(
      /\b(?:start|open|create|begin|set up|make|put|run|hold|call)\s+(?:a\s+|an\s+|another\s+)?(?:new\s+)?(?:vote|poll|decision|ballot)\b(?:.*?\b(?:on|about)\s+(.+?)|.*?)\s*[.?!]*$/i,
      /^\s*new\s+(?:decision|poll|vote)\b(?:.*?\b(?:on|about)\s+(.+?)|.*?)\s*[.?!]*$/i,
    ),
  ],
  async run(ctx) {
    const title = ctx.args;
    const words = createRefusal(ctx.scope.person, ctx.scope.partnership.settings);
    return answer(
      ctx,
      startForm(actorOf(ctx), ctx.request.conversation),
      (form) => createFormReply(undefined, title ? { title: title.slice(0, 150) } : {}, form.channelId),
      { notPermitted: words, unknown: words },
    );
  },
};
