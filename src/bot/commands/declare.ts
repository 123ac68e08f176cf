// `/partnership declare [number]` and "I need to declare an interest": the declaration flow for
// the open decisions.
import { declarePrompt } from '../../services/decisions/respond.ts';
import { formatWhen } from '../../domain/decisions/when.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { actorOf } from './poll.ts';
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
    const actor = actorOf(ctx);
    const number = /^\s*(\d{1,6})\s*$/.exec(ctx.args)?.[1];
    const { decisions } = ctx.deps.stores;
    if (number) {
      const state = await decisions.find({ partnershipId: actor.partnership.id, number: Number(number) });
      if (!state)
        return [
          textReply(
            `${actor.partnership.name} has no Decision ${number}. Type \`/partnership decisions\` to see the open ones.`,
          ),
        ];
      return declarePrompt(ctx.deps, actor, state.decision.id);
    }
    if (ctx.args.trim())
      return [
        textReply(
          'Give the decision’s number, for example `/partnership declare 3`, or just `/partnership declare` to see the open decisions.',
        ),
      ];
    const open = await decisions.list(actor.partnership.id, 'open');
    if (open.length === 0) {
      return [
        textReply(
          `${actor.partnership.name} has no open decisions to declare on. Declarations are asked for when a vote starts.`,
        ),
      ];
    }
    if (open.length === 1) return declarePrompt(ctx.deps, actor, open[0]!.id);
    return [
      {
        summary: `${open.length} decisions are open. Which one is your declaration about?`,
        blocks: [
          { kind: 'text', text: 'Which decision is your declaration about?' },
          {
            kind: 'list',
            items: open.map(
              (d) => `Decision ${d.number}: ${d.title} (closes ${formatWhen(d.closesAt, d.rules.timeZone)})`,
            ),
          },
          {
            kind: 'actions',
            buttons: open
              .slice(0, 10)
              .map((d) => ({ actionId: 'decision.declare', label: `Decision ${d.number}`, value: d.id })),
          },
        ],
        visibility: 'private',
      },
    ];
  },
};
