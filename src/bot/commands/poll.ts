// `/partnership poll` (or "start a vote"): the form that puts a decision to the partnership.
import { startForm } from '../../services/decisions/start.ts';
import type { Actor } from '../../services/decisions/deps.ts';
import type { Command, ScopedContext } from './types.ts';
import { intent } from './types.ts';

export const actorOf = (ctx: ScopedContext): Actor => ({
  partnership: ctx.scope.partnership,
  roster: ctx.scope.roster,
  person: ctx.scope.person,
});

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
  run: async (ctx) => startForm(actorOf(ctx), ctx.request.conversation, ctx.args),
};
