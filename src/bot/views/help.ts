// `/partnership help` in words: every command with its usage, and two buttons to start with.
import type { Block, Reply } from '../../domain/chat/reply.ts';

/** One line per command: its usage and what it does. */
export function helpReply(commands: readonly { usage: string; summary: string }[]): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: 'partnership-bot: governance help for your Big Local partnership' },
    {
      kind: 'text',
      text: 'Ask in plain words, for example “are we in criteria?” or “who is on the partnership?”, or use a command:',
    },
    { kind: 'list', items: commands.map((c) => `/partnership ${c.usage}: ${c.summary}`) },
    {
      kind: 'actions',
      buttons: [
        { actionId: 'run.criteria', label: 'Are we in criteria?', value: 'criteria', style: 'primary' },
        { actionId: 'run.roster', label: 'Who is on the partnership?', value: 'roster' },
      ],
    },
    { kind: 'note', text: 'Relationships, interests and resident status are never shown in a channel.' },
  ];
  return {
    summary: 'What I can do: criteria, roster, conflicts of interest, and more. Type /partnership help.',
    blocks,
    visibility: 'private',
  };
}
