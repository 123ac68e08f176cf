import type { Block } from '../../domain/chat/reply.ts';
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
      const blocks: Block[] = [
        { kind: 'heading', text: 'partnership-bot: governance help for your Big Local partnership' },
        {
          kind: 'text',
          text: 'Ask in plain words, for example “are we in criteria?” or “who is on the partnership?”, or use a command:',
        },
        { kind: 'list', items: list().map((c) => `/partnership ${c.usage}: ${c.summary}`) },
        {
          kind: 'actions',
          buttons: [
            { actionId: 'run.criteria', label: 'Are we in criteria?', value: 'criteria', style: 'primary' },
            { actionId: 'run.roster', label: 'Who is on the partnership?', value: 'roster' },
          ],
        },
        { kind: 'note', text: 'Relationships, interests and resident status are never shown in a channel.' },
      ];
      return [
        {
          summary: 'What I can do: criteria, roster, conflicts of interest, and more. Type /partnership help.',
          blocks,
          visibility: 'private',
        },
      ];
    },
  };
}
