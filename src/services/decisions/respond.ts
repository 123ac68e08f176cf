// A member declares, then votes. Every click is re-checked against the decision as stored (the
// button only carries ids), inside the store's transaction.
import { closedMessage, isOverdue } from '../../domain/decisions/lifecycle.ts';
import { planDeclare, planVote, type DeclareInput } from '../../domain/decisions/respond.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { DecisionState, Plan } from '../../domain/decisions/types.ts';
import { formatWhen } from '../../domain/decisions/when.ts';
import { ineligibleReason, recusalNotice } from '../../domain/decisions/who.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { ballotReply, declarationPrompt, declareButtons, interestFormReply } from '../../bot/views/decision-prompts.ts';
import { notFound, type Actor, type DecisionDeps } from './deps.ts';
import { announceClosed, refreshCard, warnQuorum } from './notify.ts';

type Refused = { kind: 'refused'; reason: string };

/** Runs a plan only for a decision of the actor's own partnership; anything else is "not found". */
export async function applyFor<T>(
  deps: DecisionDeps,
  actor: Actor,
  decisionId: string,
  decide: (s: DecisionState) => Plan<T>,
) {
  const missing = { kind: 'refused', reason: 'not-found' } as const;
  const result = await deps.stores.decisions.apply<T | typeof missing>(decisionId, (state) =>
    state.decision.partnershipId === actor.partnership.id
      ? decide(state)
      : { actorId: null, at: deps.clock.now(), changes: [], outcome: missing },
  );
  if (!result || result.outcome === missing) return null;
  return result as { state: DecisionState; outcome: T };
}

/** Reads a decision of the actor's partnership (no writes). */
export async function findFor(
  deps: DecisionDeps,
  actor: Actor,
  lookup: { id: string } | { number: number },
): Promise<DecisionState | null> {
  const state = await deps.stores.decisions.find(
    'id' in lookup ? lookup : { partnershipId: actor.partnership.id, number: lookup.number },
  );
  return state && state.decision.partnershipId === actor.partnership.id ? state : null;
}

async function afterChange(deps: DecisionDeps, actor: Actor, state: DecisionState, closed: boolean): Promise<void> {
  if (closed || state.decision.status === 'closed') await announceClosed(deps, state, actor.roster);
  else await refreshLater(deps, state.decision.id, actor.roster);
}

/**
 * The channel card is refreshed after the person has their answer when the app runs follow-up
 * work in the background: a click's answer (and Slack's acknowledgement) need not wait for
 * another chat API call. The vote is already committed either way.
 */
function refreshLater(deps: DecisionDeps, decisionId: string, roster: Actor['roster']): Promise<void> {
  const refresh = () =>
    refreshCard(deps, decisionId, roster).catch((error: unknown) => {
      deps.logger.warn('decision card not updated', {
        decisionId,
        code: (error as { code?: string }).code ?? 'E_REFRESH',
      });
    });
  if (!deps.background) return refresh();
  void deps.background.run(refresh);
  return Promise.resolve();
}

export async function declare(
  deps: DecisionDeps,
  actor: Actor,
  decisionId: string,
  input: DeclareInput,
): Promise<Reply[]> {
  const wasOpen = (s: DecisionState) => s.decision.status === 'open';
  let open = true;
  const result = await applyFor(deps, actor, decisionId, (state) => {
    open = wasOpen(state);
    return planDeclare(state, actor.roster, actor.person, input, deps.clock.now());
  });
  if (!result) return notFound();
  const { state, outcome } = result;
  const d = state.decision;
  const closedNow = open && d.status === 'closed';
  if (outcome.kind === 'refused') {
    if (closedNow) await afterChange(deps, actor, state, true);
    return [textReply((outcome as Refused).reason)];
  }
  if (!outcome.unchanged) await afterChange(deps, actor, state, closedNow);
  if (outcome.quorumLost) await warnQuorum(deps, state, actor.roster);
  if (outcome.recused) {
    return [textReply(`Thank you: your declaration is on the record. ${recusalNotice(d, outcome.recused)}`)];
  }
  if (closedNow) return [textReply(`Thank you: your declaration is on the record. ${closedMessage(state)}`)];
  const lead =
    outcome.outcome === 'none'
      ? `${outcome.unchanged ? 'You had already declared' : 'Thank you: you declared'} no interest in Decision ${d.number}.`
      : `Thank you: your interest is on the record. Your partnership’s policy is that loyalty interests are declared and the member stays, so you may vote.`;
  const ballot = ballotReply(d, state.votes.find((v) => v.personId === actor.person?.id)?.option ?? null);
  return [
    { ...ballot, summary: `${lead} ${ballot.summary}`, blocks: [{ kind: 'text', text: lead }, ...ballot.blocks] },
  ];
}

export async function vote(
  deps: DecisionDeps,
  actor: Actor,
  decisionId: string,
  optionIndex: number,
): Promise<Reply[]> {
  let open = true;
  const result = await applyFor(deps, actor, decisionId, (state) => {
    open = state.decision.status === 'open';
    return planVote(state, actor.roster, actor.person, optionIndex, deps.clock.now());
  });
  if (!result) return notFound();
  const { state, outcome } = result;
  const d = state.decision;
  const closedNow = open && d.status === 'closed';
  if (outcome.kind === 'refused') {
    if (closedNow) await afterChange(deps, actor, state, true);
    const refusal = outcome as Refused & { offerDeclare?: boolean; recused?: boolean };
    if (refusal.recused && !closedNow) await refreshLater(deps, d.id, actor.roster); // a recusal the roster now requires was just recorded
    if (refusal.offerDeclare)
      return [
        {
          summary: refusal.reason,
          blocks: [{ kind: 'text', text: refusal.reason }, declareButtons(d)],
          visibility: 'private',
        },
      ];
    return [textReply(refusal.reason)];
  }
  if (!outcome.unchanged) await afterChange(deps, actor, state, closedNow);
  const until = closedNow
    ? ' Everyone eligible has now voted, so the decision has closed.'
    : ` You can change it until ${formatWhen(d.closesAt, d.rules.timeZone)}.`;
  if (outcome.unchanged)
    return [textReply(`Your vote on Decision ${d.number} is already ${outcome.option}; nothing changed.`)];
  if (outcome.previous)
    return [
      textReply(`Your vote on Decision ${d.number} is changed from ${outcome.previous} to ${outcome.option}.${until}`),
    ];
  return [textReply(`Your vote on Decision ${d.number} is recorded: ${outcome.option}.${until}`)];
}

/** Why this person can't declare or vote on the decision right now (a reply), or null. */
function gate(deps: DecisionDeps, actor: Actor, state: DecisionState): Reply[] | null {
  const d = state.decision;
  if (d.status === 'closed' || isOverdue(state, deps.clock.now()))
    return [textReply(closedMessage({ ...state, decision: { ...d, closedAt: d.closedAt ?? d.closesAt } }))];
  const standing = assess(state, actor.roster);
  const recused = actor.person ? standing.recused.get(actor.person.id) : undefined;
  if (recused) return [textReply(recusalNotice(d, recused))];
  const ineligible = ineligibleReason(actor.person, standing);
  return ineligible ? [textReply(ineligible)] : null;
}

/** The private ballot, shown only to someone whose vote would be taken (else they are told why). */
export async function ballot(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  const person = actor.person;
  const refusal = gate(deps, actor, state);
  if (refusal || !person) return refusal ?? notFound();
  const d = state.decision;
  if (!state.declarations.some((x) => x.personId === person.id))
    return [declarationPrompt(d, 'Please declare first: do you have an interest in this decision?')];
  return [ballotReply(d, state.votes.find((v) => v.personId === person.id)?.option ?? null)];
}

/** The declaration prompt for one decision (from the card's Declare button or `/partnership declare`). */
export async function declarePrompt(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  const person = actor.person;
  const refusal = gate(deps, actor, state);
  if (refusal || !person) return refusal ?? notFound();
  const d = state.decision;
  const mine = state.declarations.find((x) => x.personId === person.id);
  if (mine?.outcome === 'interest')
    return [textReply(`You have already declared an interest in Decision ${d.number}; it is on the record.`)];
  if (mine) {
    const ballot = ballotReply(d, state.votes.find((v) => v.personId === person.id)?.option ?? null);
    const lead = `You declared no interest in Decision ${d.number}. If that has changed, declare it before you vote.`;
    return [
      {
        ...ballot,
        summary: `${lead} ${ballot.summary}`,
        blocks: [
          { kind: 'text', text: lead },
          ...ballot.blocks,
          {
            kind: 'actions',
            buttons: [{ actionId: 'decision.declare.interest', label: 'I have an interest after all', value: d.id }],
          },
        ],
      },
    ];
  }
  return [declarationPrompt(d)];
}

/** The "I have an interest" form, or why it is not needed. */
export async function interestPrompt(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  const refusal = gate(deps, actor, state);
  if (refusal) return refusal;
  if (state.declarations.some((x) => x.personId === actor.person?.id && x.outcome === 'interest')) {
    return [
      textReply(`You have already declared an interest in Decision ${state.decision.number}; it is on the record.`),
    ];
  }
  return [interestFormReply(state.decision)];
}
