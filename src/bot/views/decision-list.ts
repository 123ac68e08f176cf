// `/partnership decisions`: the open decisions with where the person stands, the most recently
// closed ones with their outcome, each with a button that opens its record; or the title search.
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { plural } from '../../domain/roster.ts';
import type { DecisionBrowse } from '../../services/decisions/browse.ts';
import { verdict, verdictWords } from './decision-outcome.ts';
import { positionText } from './decision-words.ts';

const when = (d: Decision, at: Date) => formatWhen(at, d.rules.timeZone, { year: true });
const recordButtons = (decisions: readonly Decision[]): Block => ({
  kind: 'actions',
  buttons: decisions.map((d): Button => ({ actionId: 'decision.view', label: `Decision ${d.number}`, value: d.id })),
});

/** How a closed decision ended, in a few words (the record has the outcome sentence). */
function closedLine(d: Decision): string {
  const closed = `closed ${when(d, d.closedAt ?? d.closesAt)}`;
  const o = d.outcome;
  if (!o) return `Decision ${d.number}: ${d.title} (${closed}).`;
  return `Decision ${d.number}: ${d.title} (${closed}; ${verdictWords(verdict(o.tally, o.voted >= o.required))}).`;
}

export function decisionListReply(b: DecisionBrowse, partnershipName: string): Reply {
  const openShown = b.open.shown;
  if (b.words && !openShown.length && !b.closed.length)
    return textReply(
      `No decision of ${partnershipName} has “${b.words.join(' ')}” in its title. Try fewer or other words, or type \`/partnership decisions\` for the open and latest closed ones.`,
    );
  if (!b.words && !openShown.length && !b.closed.length)
    return textReply(
      `${partnershipName} has no decisions yet. The chair, vice-chair or secretary can start one with \`/partnership poll\`.`,
    );
  const blocks: Block[] = [];
  if (b.words) blocks.push({ kind: 'heading', text: `Decisions with “${b.words.join(' ')}” in the title` });
  if (openShown.length) {
    blocks.push(
      { kind: 'heading', text: 'Open decisions' },
      {
        kind: 'list',
        items: openShown.map(({ decision: d, position }) =>
          `Decision ${d.number}: ${d.title} (closes ${formatWhen(d.closesAt, d.rules.timeZone)}). ${positionText(position)}`.trim(),
        ),
      },
      recordButtons(openShown.map((x) => x.decision)),
    );
    if (b.open.open.length > openShown.length)
      blocks.push({
        kind: 'note',
        text: `${b.open.open.length - openShown.length} more open; the soonest closing are shown.`,
      });
  } else if (!b.words) blocks.push({ kind: 'text', text: 'No decisions are open at the moment.' });
  if (b.closed.length) {
    const more = b.closedTotal - b.closed.length;
    blocks.push(
      { kind: 'heading', text: b.words ? 'Closed decisions' : 'Recently closed' },
      { kind: 'list', items: b.closed.map(closedLine) },
      recordButtons(b.closed),
    );
    if (more > 0)
      blocks.push({
        kind: 'note',
        text: `${plural(more, 'older closed decision')} not shown: search the titles with \`/partnership decisions <words>\`, or type \`/partnership decision <number>\`.`,
      });
  }
  blocks.push({
    kind: 'note',
    text: 'A button opens that decision’s record, privately. Declare and vote from the decision’s card or my private message, or type `/partnership declare <number>`.',
  });
  const summary = b.words
    ? `${plural(openShown.length + b.closedTotal, 'decision')} of ${partnershipName} with “${b.words.join(' ')}” in the title.`
    : `${plural(b.open.open.length, 'open decision')} in ${partnershipName}; ${plural(b.closed.length, 'recently closed decision')}.`;
  return { summary, blocks, visibility: 'private' };
}
