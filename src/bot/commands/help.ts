import { helpReply } from '../views/help.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

/** Help lists the registered commands; it is given them to avoid an import cycle. */
export function makeHelp(list: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'What I can do.',
    usage: 'help',
    needsPartnership: false,
    intents: [
      intent(/^\s*(help|\?|what can you do\??|commands|how do i use (you|this)\??)\s*$/i, /\bwhat can you do\b/i),
    ],
    async run() {
      return [helpReply(list())];
    },
  };
}
