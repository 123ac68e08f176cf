// `/partnership privacy` in words: what the bot holds about people, why, who sees it, and their rights.
import type { Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';

export const privacyReply = (): Reply =>
  reply('Privacy notice: what partnership-bot holds about you and why.', [
    { kind: 'heading', text: 'Privacy notice' },
    {
      kind: 'text',
      text: 'Your partnership uses this bot to run its governance as Local Trust’s guidance asks: keeping the roster, checking the partnership is in criteria, managing conflicts of interest, and recording how decisions are made.',
    },
    {
      kind: 'facts',
      facts: [
        {
          label: 'What is held',
          value:
            'Your name, role, whether you live in the Big Local area, whether you vote, your email and chat account; interests you declare; relationships recorded by officers or the rep; your declarations and votes; membership confirmations; concerns you raise, and that a concern names you.',
        },
        {
          label: 'Why',
          value:
            'To check the partnership meets the Big Local criteria and the conflicts of interest guidance, and to keep a record of decisions “fit for the minutes”, as Local Trust requires.',
        },
        {
          label: 'Who sees it',
          value:
            'Names and roles: the partnership. Resident status, interests and relationships: only you, the officers and the rep, and never in a channel. Secret-ballot votes: only you, privately, while voting is open; when it closes your choice is erased and only the tally and who voted are kept. A concern: only you and the one person who reviews it, never the person it is about.',
        },
        {
          label: 'How long',
          value:
            'While you are a member, then for the retention period your partnership sets (24 months by default); after that it is erased. Decision records are kept with your name replaced.',
        },
        {
          label: 'Your rights',
          value:
            'Ask your chair or rep for a copy of everything held on you, to correct it, or to erase it. They run `partnership-bot person export` or `person erase`.',
        },
      ],
    },
    {
      kind: 'note',
      text: 'The bot never writes message text, interests, relationships or resident status to its logs.',
    },
  ]);
