// What people are told privately when something happens to a decision (src/bot/notifications/
// decisions.ts sends these): the chair warned about the quorum or told the result, a member told
// they can't vote on it.
import { buildRecord } from '../../domain/decisions/record.ts';
import type { Decision, DecisionState } from '../../domain/decisions/types.ts';
import type { Roster } from '../../domain/roster.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { quorumSentence, residentSentence, resultSentence } from './decision-minutes.ts';
import { verdict, type Verdict } from './decision-outcome.ts';
import { formatWhen } from './text.ts';

const withRecordButton = (d: Decision, text: string): Reply => ({
  summary: text,
  blocks: [
    { kind: 'text', text },
    { kind: 'actions', buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }] },
  ],
  visibility: 'private',
});

export function quorumWarning(state: DecisionState, roster: Roster): Reply {
  const d = state.decision;
  const r = buildRecord(state, roster);
  return withRecordButton(
    d,
    `Quorum warning for Decision ${d.number} (“${d.title}”): after recusals only ${r.counts.eligible} eligible voting members remain, and the quorum (${r.quorumRule}) needs ${r.quorum.required}. The decision may need to go to a meeting; your rep can advise.`,
  );
}

const REASON = {
  time: 'at its closing time',
  chair: 'by the chair',
  'all-voted': 'because every eligible member has voted',
  meeting: 'at a meeting',
} as const;

/** The chair hears the result privately, with the quorum and the resident share. */
export function closedNotice(state: DecisionState, roster: Roster): Reply {
  const d = state.decision;
  const r = buildRecord(state, roster);
  return withRecordButton(
    d,
    `Decision ${d.number} (“${d.title}”) has closed ${REASON[d.closeReason ?? 'time']}. ${resultSentence(r)} ${quorumSentence(r)} ${residentSentence(r)}`,
  );
}

export const notEligibleNotice = (d: Decision, why: string): Reply =>
  textReply(`Decision ${d.number} (“${d.title}”) is open, but you can’t vote on it: ${why}.`);

/** How it ended, after "has closed": the card and the record say more. */
function endedWords(v: Verdict): string {
  switch (v.kind) {
    case 'no-quorum':
      return 'no decision, as the quorum was not met';
    case 'carried':
      return v.option ? `${v.option} has the most votes` : 'carried';
    case 'not-carried':
      return 'not carried';
    case 'tied':
      return 'tied';
    case 'no-votes':
      return 'no decision, as nobody voted for any option';
  }
}

/**
 * What a member's "Before you vote" prompt (or reminder, or ballot) becomes once the decision has
 * closed: a short line with the result when it may be seen, and no buttons left to press.
 */
export function promptClosedReply(state: DecisionState, roster: Roster): Reply {
  const d = state.decision;
  const r = buildRecord(state, roster);
  const result = r.tally ? `: ${endedWords(verdict(r.tally, r.quorum.met))}` : '';
  const counts = r.tally?.length ? ` (${r.tally.map((t) => `${t.option} ${t.count}`).join(', ')})` : '';
  const when = d.closedAt ? ` on ${formatWhen(d.closedAt, d.rules.timeZone)}` : '';
  const lead = `Decision ${d.number} has closed${result}.`;
  return {
    summary: lead,
    blocks: [
      { kind: 'text', text: lead },
      {
        kind: 'text',
        text: `“${d.title}” closed ${REASON[d.closeReason ?? 'time']}${when}${counts}. There is nothing more to answer here; \`/partnership decision ${d.number}\` shows the record.`,
      },
    ],
    visibility: 'private',
  };
}
