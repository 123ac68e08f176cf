// `/partnership decisions [words]` (the open ones and where you stand, the latest closed ones;
// with words, a search of the titles) and `/partnership decision <n>` (the minutes-ready record,
// privately).
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { showRecord } from '../../services/decisions/record.ts';
import { browseDecisions } from '../../services/decisions/browse.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { decisionListReply } from '../views/decision-list.ts';
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
  summary:
    'The open decisions and whether you have declared and voted on each, and the 10 most recently closed; with words, the decisions whose titles contain them. A button opens each record.',
  usage: 'decisions [words in the title]',
  needsPartnership: true,
  intents: [
    intent(
      /\b(?:open|current|my|any|pending)\s+(?:decisions|votes|polls)\b/i,
      /\bwhat\s+(?:decisions|votes|polls)\s+(?:are|is)\s+(?:open|on|happening)\b/i,
      /^\s*(?:decisions|votes|polls)\s*\??\s*$/i,
    ),
  ],
  async run(ctx) {
    const found = await browseDecisions(serviceDeps(ctx.deps), actorOf(ctx), { search: ctx.args });
    return answer(ctx, found, (b) => decisionListReply(b, ctx.scope.partnership.name), { unknown: UNKNOWN });
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
          'Which decision? Give its number, for example `/partnership decision 3`. `/partnership decisions` lists the open and latest closed ones, and `/partnership decisions <words>` searches their titles.',
        ),
      ];
    const shown = await showRecord(serviceDeps(ctx.deps), actorOf(ctx), { number: Number(number) });
    return answer(ctx, shown, recordView, { unknown: refusal('decision.view') });
  },
};
