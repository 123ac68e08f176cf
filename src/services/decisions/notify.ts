// What others are told after a change: the channel card updated in place, the chair warned or
// told of the result. Sent after the transaction has committed; a platform that cannot be reached
// never undoes a vote.
import { buildRecord } from '../../domain/decisions/record.ts';
import { quorumSentence, residentSentence, resultSentence } from '../../domain/decisions/minutes.ts';
import type { DecisionState } from '../../domain/decisions/types.ts';
import { chairsOf } from '../../domain/decisions/who.ts';
import type { Roster } from '../../domain/roster.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { decisionCard } from '../../bot/views/decision-card.ts';
import { coalescer, tell, type DecisionDeps } from './deps.ts';

const cards = coalescer();

/**
 * Re-renders the card from the latest state. Updates for one decision run one at a time and a
 * burst of votes shares one update, so the card always ends on the newest counts. The roster is
 * the one the request loaded (it changes far more rarely than votes).
 */
export function refreshCard(deps: DecisionDeps, decisionId: string, roster: Roster): Promise<void> {
  return cards(
    decisionId,
    async () => {
      const notifier = deps.notifier;
      if (!notifier) return;
      const state = await deps.stores.decisions.find({ id: decisionId });
      const message = state?.decision.card?.message;
      if (!state || !message) return;
      try {
        if (!(await notifier.updateMessage(message, decisionCard(state, roster))))
          deps.logger.warn('decision card not updated', { decisionId });
      } catch (error) {
        deps.logger.warn('decision card not updated', { decisionId, code: (error as { code?: string }).code });
      }
    },
    deps.cardRefreshIntervalMs,
  );
}

export async function tellChairs(
  deps: DecisionDeps,
  state: DecisionState,
  roster: Roster,
  reply: Reply,
): Promise<number> {
  let reached = 0;
  for (const id of chairsOf(roster.people, state.decision)) if (await tell(deps, id, reply)) reached++;
  return reached;
}

export function quorumWarning(state: DecisionState, roster: Roster): Reply {
  const d = state.decision;
  const r = buildRecord(state, roster);
  const text = `Quorum warning for Decision ${d.number} (“${d.title}”): after recusals only ${r.counts.eligible} eligible voting members remain, and the quorum (${r.quorumRule}) needs ${r.quorum.required}. The decision may need to go to a meeting; your rep can advise.`;
  return {
    summary: text,
    blocks: [
      { kind: 'text', text },
      { kind: 'actions', buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }] },
    ],
    visibility: 'private',
  };
}

export async function warnQuorum(deps: DecisionDeps, state: DecisionState, roster: Roster): Promise<void> {
  await tellChairs(deps, state, roster, quorumWarning(state, roster));
}

const REASON = {
  time: 'at its closing time',
  chair: 'by the chair',
  'all-voted': 'because every eligible member has voted',
} as const;

/** The card shows the result; the chair hears it privately with the quorum and resident share. */
export async function announceClosed(deps: DecisionDeps, state: DecisionState, roster: Roster): Promise<void> {
  const d = state.decision;
  if (d.card?.message) await refreshCard(deps, d.id, roster);
  else if (d.card && deps.notifier) {
    try {
      await deps.notifier.sendToConversation(d.card.conversation, decisionCard(state, roster));
    } catch (error) {
      deps.logger.warn('decision result not posted', { decisionId: d.id, code: (error as { code?: string }).code });
    }
  }
  const r = buildRecord(state, roster);
  const text = `Decision ${d.number} (“${d.title}”) has closed ${REASON[d.closeReason ?? 'time']}. ${resultSentence(r)} ${quorumSentence(r)} ${residentSentence(r)}`;
  await tellChairs(deps, state, roster, {
    summary: text,
    blocks: [
      { kind: 'text', text },
      { kind: 'actions', buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }] },
    ],
    visibility: 'private',
  });
  deps.logger.info('decision closed', { decisionId: d.id, code: d.closeReason });
}
