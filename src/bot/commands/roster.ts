// "Who is on the partnership?" Names and roles for everyone on the roster; residency and email
// only privately, to officers and the rep.
import { textReply } from '../../domain/chat/reply.ts';
import { viewRoster } from '../../services/roster.ts';
import { serviceDeps } from '../context.ts';
import { refusalText } from '../views/refusals.ts';
import { ROSTER_UNKNOWN_PERSON, rosterReply } from '../views/roster.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

export const roster: Command = {
  name: 'roster',
  aliases: ['members', 'who'],
  summary: 'Who is on the partnership, with their roles.',
  usage: 'roster',
  needsPartnership: true,
  intents: [
    intent(
      /\bwho('s| is| are)? (on|in) (the |our )?(partnership|roster)\b/i,
      /\bwho are (the |our )?(partnership )?members\b/i,
      /\b(list|show)( me)? (the |our )?(members|roster|partnership)\b/i,
      /^\s*(roster|members|membership)\??\s*$/i,
    ),
  ],
  async run(ctx) {
    const shown = viewRoster(serviceDeps(ctx.deps), ctx.scope, { private: !ctx.inChannel });
    if (!shown.ok)
      return [textReply(shown.refusal.code === 'unknown-person' ? ROSTER_UNKNOWN_PERSON : refusalText(shown.refusal))];
    return [rosterReply(shown.value, ctx.inChannel ? 'channel' : 'private')];
  },
};
