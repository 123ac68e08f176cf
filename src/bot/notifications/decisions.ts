// The decisions' events, said and sent: the card posted in the channel and kept up to date, the
// members asked to declare, the recused and the excluded told why, the chair warned or told the
// result, reminders, the conflicts log. Sent after the change has committed; a platform that
// cannot be reached never undoes a vote.
import { assess } from '../../domain/decisions/standing.ts';
import type { DecisionState } from '../../domain/decisions/types.ts';
import { chairsOf } from '../../domain/decisions/who.ts';
import type { Roster } from '../../domain/roster.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { buildRecord } from '../../domain/decisions/record.ts';
import { NOTHING_DELIVERED, type Delivery, type EventBus } from '../../services/events.ts';
import type { Background } from '../../services/in-flight.ts';
import type { Logger, MessageRef, Notifier, SentPrompt, Stores } from '../../services/ports/index.ts';
import { decisionCard } from '../views/decision-card.ts';
import { closedNotice, notEligibleNotice, promptClosedReply, quorumWarning } from '../views/decision-notices.ts';
import { ballotReply, declarationPrompt, joinedLead, reminderReply } from '../views/decision-prompts.ts';
import { conflictsLogReply } from '../views/decision-record.ts';
import { recusalReply } from '../views/decision-words.ts';
import { coalescer } from './coalescer.ts';

/** What these notices need (./index.ts's NotificationDeps, as this file uses it). */
export interface DecisionNoticeDeps {
  stores: Stores;
  logger: Logger;
  notifier?: Notifier | undefined;
  background?: Background | undefined;
  cardRefreshIntervalMs?: number | undefined;
}

const delivered = (d: Partial<Delivery>): Delivery => ({ ...NOTHING_DELIVERED, reached: [], unreachable: [], ...d });
const codeOf = (error: unknown) => (error as { code?: string }).code;

export function subscribeDecisions(bus: EventBus, deps: DecisionNoticeDeps): void {
  const { notifier, logger } = deps;
  /** This app instance's card redraws: one at a time per decision, a burst sharing one. */
  const cards = coalescer();

  /** A private message; a failure to reach someone is logged (ids only) and reported as false. */
  async function tell(personId: string, reply: Reply): Promise<boolean> {
    if (!notifier) return false;
    try {
      return await notifier.sendToPerson(personId, reply);
    } catch (error) {
      logger.warn('private message failed', { personId, code: codeOf(error) });
      return false;
    }
  }

  /**
   * A private message with buttons about an open decision: where it landed is added to `landed`
   * (see `remember`), so that the close can replace it.
   */
  async function prompt(personId: string, reply: Reply, landed: SentPrompt[]): Promise<boolean> {
    if (!notifier?.sendToPersonAt) return tell(personId, reply);
    try {
      const at = await notifier.sendToPersonAt(personId, reply);
      for (const message of at ?? []) landed.push({ personId, message });
      return at !== null;
    } catch (error) {
      logger.warn('private message failed', { personId, code: codeOf(error) });
      return false;
    }
  }

  async function remember(decisionId: string, landed: SentPrompt[]): Promise<void> {
    if (!landed.length) return;
    try {
      await deps.stores.decisions.rememberPrompts(decisionId, landed);
    } catch (error) {
      logger.warn('decision prompts not remembered', { decisionId, code: codeOf(error) });
    }
  }

  /**
   * At close, every prompt, reminder and ballot sent about the decision is replaced by a line
   * saying it closed, so none keeps a live button; each is forgotten once tried, so a second
   * close notice (or a message deleted meanwhile) changes nothing.
   */
  async function settlePrompts(state: DecisionState, roster: Roster): Promise<void> {
    const decisionId = state.decision.id;
    try {
      const sent = await deps.stores.decisions.promptsOf(decisionId);
      if (!sent.length || !notifier) return;
      const reply = promptClosedReply(state, roster);
      let missed = 0;
      for (const { message } of sent) {
        try {
          if (!(await notifier.updateMessage(message, reply))) missed++;
        } catch {
          missed++;
        }
      }
      await deps.stores.decisions.forgetPrompts(decisionId, sent);
      if (missed) logger.warn('decision prompts not replaced', { decisionId, count: missed });
    } catch (error) {
      logger.warn('decision prompts not replaced', { decisionId, code: codeOf(error) });
    }
  }

  async function tellChairs(state: DecisionState, roster: Roster, reply: Reply): Promise<Delivery> {
    const reached: string[] = [];
    const unreachable: string[] = [];
    for (const id of chairsOf(roster.people, state.decision))
      ((await tell(id, reply)) ? reached : unreachable).push(id);
    return delivered({ reached, unreachable });
  }

  /**
   * Re-renders the card from the latest state. Updates for one decision run one at a time and a
   * burst of votes shares one update, so the card always ends on the newest counts. The roster is
   * the one the request loaded (it changes far more rarely than votes).
   */
  function refreshCard(decisionId: string, roster: Roster): Promise<void> {
    return cards(
      decisionId,
      async () => {
        if (!notifier) return;
        const state = await deps.stores.decisions.find({ id: decisionId });
        const message = state?.decision.card?.message;
        if (!state || !message) return;
        try {
          if (!(await notifier.updateMessage(message, decisionCard(state, roster))))
            logger.warn('decision card not updated', { decisionId });
        } catch (error) {
          logger.warn('decision card not updated', { decisionId, code: codeOf(error) });
        }
      },
      deps.cardRefreshIntervalMs,
    );
  }

  /**
   * After a vote or a declaration the card is refreshed once the person has their answer, when
   * the app runs follow-up work in the background: a click's answer (and Slack's acknowledgement)
   * need not wait for another chat API call. The change is already committed either way.
   */
  async function refreshLater({ decisionId, roster }: { decisionId: string; roster: Roster }): Promise<Delivery> {
    const refresh = () =>
      refreshCard(decisionId, roster).catch((error: unknown) => {
        logger.warn('decision card not updated', { decisionId, code: codeOf(error) ?? 'E_REFRESH' });
      });
    if (deps.background) void deps.background.run(refresh);
    else await refresh();
    return delivered({});
  }

  bus
    .on('DecisionOpened', async ({ state, roster, conversation }) => {
      const d = state.decision;
      let posted: MessageRef | null = null;
      let postFailed = false;
      try {
        posted = notifier ? await notifier.sendToConversation(conversation, decisionCard(state, roster)) : null;
        postFailed = !!notifier?.canReach?.(conversation.platform) && !posted;
      } catch (error) {
        postFailed = true;
        logger.warn('decision card not posted', { decisionId: d.id, code: codeOf(error) });
      }
      return delivered({ posted, postFailed });
    })
    .on('DeclarationsRequested', async ({ state, roster }) => {
      const d = state.decision;
      const standing = assess(state, roster);
      const reached: string[] = [];
      const unreachable: string[] = [];
      const asked = declarationPrompt(d);
      const landed: SentPrompt[] = [];
      for (const p of standing.eligible) ((await prompt(p.id, asked, landed)) ? reached : unreachable).push(p.id);
      await remember(d.id, landed);
      const voters = new Set(standing.votingMembers.map((p) => p.id));
      for (const [id, reasons] of standing.recused) await tell(id, recusalReply(d, reasons, voters.has(id)));
      for (const n of standing.notEligible) await tell(n.person.id, notEligibleNotice(d, n.why));
      return delivered({ reached, unreachable });
    })
    .on('DecisionRosterChanged', async ({ state, roster, joined }) => {
      // Someone who joins takes part as if they had been there when it opened: asked to declare
      // (and then vote) when eligible, told why when they must not take part or a setting keeps
      // them from voting. People without a vote and without a conflict are not asked, as at opening.
      const d = state.decision;
      const standing = assess(state, roster);
      const reached: string[] = [];
      const unreachable: string[] = [];
      const eligible = new Set(standing.eligible.map((p) => p.id));
      const voters = new Set(standing.votingMembers.map((p) => p.id));
      const landed: SentPrompt[] = [];
      for (const id of joined) {
        const reasons = standing.recused.get(id);
        const excluded = standing.notEligible.find((n) => n.person.id === id);
        if (reasons) await tell(id, recusalReply(d, reasons, voters.has(id)));
        else if (excluded) await tell(id, notEligibleNotice(d, excluded.why));
        else if (eligible.has(id)) {
          // declared already (before they had a vote): straight to the ballot
          const asked = standing.declared.has(id)
            ? ballotReply(d, state.votes.find((v) => v.personId === id)?.option ?? null)
            : declarationPrompt(d, joinedLead);
          ((await prompt(id, asked, landed)) ? reached : unreachable).push(id);
        }
      }
      await remember(d.id, landed);
      await refreshCard(d.id, roster);
      return delivered({ reached, unreachable });
    })
    .on('QuorumLost', ({ state, roster }) => tellChairs(state, roster, quorumWarning(state, roster)))
    .on('DeclarationRecorded', refreshLater)
    .on('VoteRecorded', refreshLater)
    .on('RecusalRecorded', refreshLater)
    .on('DecisionAmended', async ({ decisionId, roster }) => {
      await refreshCard(decisionId, roster);
      return delivered({});
    })
    .on('DecisionClosed', async ({ state, roster }) => {
      // The card shows the result (posted anew when the first post failed); the chair hears it privately.
      const d = state.decision;
      if (d.card?.message) await refreshCard(d.id, roster);
      else if (d.card && notifier) {
        try {
          await notifier.sendToConversation(d.card.conversation, decisionCard(state, roster));
        } catch (error) {
          logger.warn('decision result not posted', { decisionId: d.id, code: codeOf(error) });
        }
      }
      await settlePrompts(state, roster);
      return tellChairs(state, roster, closedNotice(state, roster));
    })
    .on('RemindersDue', async ({ state, targets }) => {
      const reached: string[] = [];
      const unreachable: string[] = [];
      const landed: SentPrompt[] = [];
      for (const target of targets)
        ((await prompt(target.personId, reminderReply(state.decision, target.needs), landed))
          ? reached
          : unreachable
        ).push(target.personId);
      await remember(state.decision.id, landed);
      return delivered({ reached, unreachable });
    })
    .on('ConflictsLogShared', async ({ state, roster, sharedBy, conversation }) => {
      if (!conversation || !notifier) return delivered({});
      const name = roster.people.find((p) => p.id === sharedBy)?.name ?? '';
      try {
        const posted = await notifier.sendToConversation(
          conversation,
          conflictsLogReply(buildRecord(state, roster), name),
        );
        return delivered({ posted, postFailed: !posted });
      } catch (error) {
        logger.warn('conflicts log not posted', { decisionId: state.decision.id, code: codeOf(error) });
        return delivered({ postFailed: true });
      }
    });
}
