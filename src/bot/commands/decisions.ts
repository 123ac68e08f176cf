// `/partnership decisions` (the open ones, and where you stand) and `/partnership decision <n>`
// (the minutes-ready record, privately).
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { listOpen, showRecord } from '../../services/decisions/record.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { openListReply } from '../views/decision-answers.ts';
import { recordView } from '../views/decision-record.ts';
import { refusal } from '../views/refusals.ts';
import { answer } from './decision-scope.ts';
import type { Command } from './types.ts';
import { intent } from './types.ts';

const UNKNOWN =
  'I don’t know who you are yet, so I can’t show you the partnership’s decisions. Ask your chair or rep to link you with `/partnership link`.';

export const decisions: Command = {
  name: 'decisions',
  aliases: ['polls', 'votes'],
  summary: 'The open decisions, and whether you have declared and voted on each.',
  usage: 'decisions',
  needsPartnership: true,
  intents: [
    intent(
      /\b(?:open|current|my|any|pending)\s+(?:decisions|votes|polls)\b/i,
      /\bwhat\s+(?:decisions|votes|polls)\s+(?:are|is)\s+(?:open|on|happening)\b/i,
      /^\s*(?:decisions|votes|polls)\s*\??\s*$/i,
    ),
  ],
  async run(ctx) {
    const open = await listOpen(serviceDeps(ctx.deps), actorOf(ctx));
    return answer(ctx, open, (list) => openListReply(list, ctx.scope.partnership.name), { unknown: UNKNOWN });
  },
};

export const decision: Command = {
  name: 'decision',
  aliases: ['record'],
  summary: 'The record of a decision, ready for the minutes: declarations, recusals, votes, quorum.',
  usage: 'decision <number>',
  needsPartnership: true,
  intents: [
    intent(/\b(?:show|see|open|record\s+(?:of|for)|minutes\s+(?:of|for))\s+(?:me\s+)?(?:the\s+)?decision\s+(\d+)\b/i),
  ],
  async run(ctx) {
    const number = /^\s*(\d{1,6})\s*$/.exec(ctx.args)?.[1];
    if (!number)
      return [
        textReply(
          'Which decision? Give its number, for example `/partnership decision 3`. `/partnership decisions` lists the open ones.',
        ),
      ];
    const shown = await showRecord(serviceDeps(ctx.deps), actorOf(ctx), { number: Number(number) });
    return answer(ctx, shown, recordView, { unknown: refusal('decision.view') });
  },
};
