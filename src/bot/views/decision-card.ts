// The decision's card in the channel. Counts only: never who declared what or who stepped back
// and why (that is the conflicts log, which only the chair may share). Tallies only when visible.
import { buildRecord } from '../../domain/decisions/record.ts';
import { quorumSentence, residentSentence, resultSentence, rosterChangeCounts } from './decision-minutes.ts';
import { resultsVisible } from '../../domain/decisions/standing.ts';
import type { DecisionState } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { plural, type Roster } from '../../domain/roster.ts';
import type { Block, Reply } from '../../domain/chat/reply.ts';

const KIND = { general: 'General', procurement: 'Procurement', grant: 'Grant' } as const;

export function decisionCard(state: DecisionState, roster: Roster): Reply {
  const d = state.decision;
  const r = buildRecord(state, roster);
  const tz = d.rules.timeZone;
  const open = d.status === 'open';
  const when = open ? `Closes ${formatWhen(d.closesAt, tz)}` : `Closed ${formatWhen(d.closedAt ?? d.closesAt, tz)}`;
  const recused = r.counts.recused === 0 ? 'nobody recused' : `${plural(r.counts.recused, 'member')} recused`;
  const others = r.counts.notTakingPart - r.counts.recused;
  const changes = rosterChangeCounts(r);
  const blocks: Block[] = [{ kind: 'heading', text: `Decision ${d.number}: ${d.title}` }];
  if (d.description)
    blocks.push({ kind: 'text', text: d.description.length > 600 ? `${d.description.slice(0, 600)}…` : d.description });
  blocks.push({
    kind: 'facts',
    facts: [
      { label: open ? 'Closes' : 'Closed', value: formatWhen(open ? d.closesAt : (d.closedAt ?? d.closesAt), tz) },
      {
        label: 'Kind',
        value: d.organisations.length ? `${KIND[d.kind]}: ${d.organisations.join('; ')}` : KIND[d.kind],
      },
      { label: 'Ballot', value: d.ballot === 'secret' ? 'secret (no names recorded)' : 'open' },
      { label: 'Results', value: d.visibility === 'live' ? 'shown as votes come in' : 'shown when voting closes' },
      { label: 'Declared', value: `${r.counts.declared} of ${r.counts.asked}` },
      { label: 'Voted', value: `${r.counts.voted} of ${r.counts.eligible} eligible` },
      { label: 'Recused', value: recused },
      // counts only: who, and why, stay in the private record
      ...(others ? [{ label: 'Not taking part', value: `${plural(others, 'person', 'people')} without a vote` }] : []),
      ...(changes ? [{ label: 'Roster changes', value: changes }] : []),
    ],
  });
  if (resultsVisible(d) && r.tally) blocks.push({ kind: 'list', items: r.tally.map((t) => `${t.option}: ${t.count}`) });
  if (open) {
    if (!r.quorum.canBeTaken)
      blocks.push({
        kind: 'note',
        text: `Only ${r.counts.eligible} eligible members remain; the quorum needs ${r.quorum.required}. The chair has been told.`,
      });
    if (!resultsVisible(d)) blocks.push({ kind: 'note', text: 'Results are hidden until voting closes.' });
    blocks.push({
      kind: 'actions',
      buttons: [
        { actionId: 'decision.declare', label: 'Declare', value: d.id },
        { actionId: 'decision.ballot', label: 'Vote', value: d.id, style: 'primary' },
        { actionId: 'decision.ballot.change', label: 'Change vote', value: d.id },
        { actionId: 'decision.close', label: 'Close (chair)', value: d.id, style: 'danger' },
      ],
    });
    blocks.push({
      kind: 'note',
      text: 'Declare any interest before you vote. This channel only ever sees counts, never who declared what.',
    });
  } else {
    blocks.push(
      { kind: 'text', text: resultSentence(r) },
      { kind: 'text', text: quorumSentence(r) },
      { kind: 'text', text: residentSentence(r) },
    );
    blocks.push({ kind: 'actions', buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }] });
  }
  const tallyText = resultsVisible(d) && r.tally ? ` ${r.tally.map((t) => `${t.option} ${t.count}`).join(', ')}.` : '';
  const summary = `Decision ${d.number}: ${d.title}. ${when}. ${r.counts.declared} declared, ${r.counts.voted} voted, ${recused}.${tallyText}`;
  return { summary, blocks, visibility: 'channel' };
}
