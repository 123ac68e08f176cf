// Putting a decision to the partnership: check who asks and what they typed, write the decision
// with the recusals the register and relationships already require (one transaction), then
// announce it: its card in the channel, and every voting member asked privately to declare.
import { validateDraft, type DraftValues } from '../../domain/decisions/create.ts';
import { syncChanges } from '../../domain/decisions/lifecycle.ts';
import { openingOf } from '../../domain/decisions/roster-changes.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { Decision, DecisionDraft, DecisionState } from '../../domain/decisions/types.ts';
import type { Conversation } from '../../domain/chat/inbound.ts';
import { fail, ok } from '../../domain/result.ts';
import { can } from '../../domain/permissions.ts';
import type { Roster } from '../../domain/roster.ts';
import { linkNames, type Linked } from '../organisations.ts';
import { knownOrganisations } from '../register.ts';
import { authorizeCreate } from './authorize.ts';
import { confirmOrganisations, type OrganisationsToConfirm } from './confirm-organisations.ts';
import type { Actor, DecisionResult, ServiceDeps } from './deps.ts';

const asDecision = (draft: DecisionDraft, now: Date): Decision => ({
  ...draft,
  id: '',
  number: 0,
  status: 'open',
  closedAt: null,
  closeReason: null,
  createdAt: now,
  card: null,
  remindersSentAt: null,
  outcome: null,
  rosterChanges: [],
});

/** The creation form may be opened: by whom the check allows, in a channel (where the card goes). */
export function startForm(actor: Actor, conversation: Conversation): DecisionResult<{ channelId: string }> {
  const allowed = authorizeCreate(actor);
  if (!allowed.ok) return fail(allowed.refusal);
  if (conversation.kind === 'direct') return fail({ code: 'needs-channel' });
  return ok({ channelId: conversation.channelId });
}

/**
 * The channel for the card: where the form was submitted, or, when a platform delivers a form's
 * submission outside any channel (a Slack modal), the channel it was opened in, provided that
 * channel is bound to the same partnership.
 */
async function channelFor(
  deps: ServiceDeps,
  actor: Actor,
  conversation: Conversation,
  context: string | undefined,
): Promise<Conversation | null> {
  if (conversation.kind !== 'direct') return conversation;
  if (!context) return null;
  const binding = await deps.stores.directory.findBinding(conversation.platform, conversation.workspaceId, context);
  return binding?.partnershipId === actor.partnership.id
    ? { ...conversation, channelId: context, kind: 'channel' }
    : null;
}

export interface StartInput {
  /** where the form was submitted */
  conversation: Conversation;
  values: DraftValues;
  /** the channel the form was opened in, as the form carries it */
  context?: string | undefined;
}

export interface Started {
  state: DecisionState;
  roster: Roster;
  /** the card is in the channel */
  posted: boolean;
  /** a platform was there but refused the card: it goes back with the answer */
  postFailed: boolean;
  /** voting members asked privately to declare */
  asked: number;
  /** names of the voting members who could not be reached privately */
  unreachable: string[];
  /** members with a vote who must not take part */
  recused: number;
  /** people without a vote (non-voting members, paid workers, the rep) who must not take part either */
  othersOut: number;
  /** too few eligible members remain for the quorum */
  quorumShort: boolean;
  /** names the creator said are one organisation, linked for the partnership before it opened */
  linked: Linked[];
}

export async function startDecision(
  deps: ServiceDeps,
  actor: Actor,
  input: StartInput,
): Promise<DecisionResult<Started | OrganisationsToConfirm>> {
  const allowed = authorizeCreate(actor);
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const { partnership } = actor;
  const conversation = await channelFor(deps, actor, input.conversation, input.context);
  if (!conversation) return fail({ code: 'needs-channel' });
  const now = deps.clock.now();
  const draft = validateDraft(input.values, {
    partnershipId: partnership.id,
    creator: person,
    settings: partnership.settings,
    now,
  });
  if (!draft.ok) return fail({ code: 'draft-invalid', problems: draft.error, channelId: conversation.channelId });

  // "Did you mean …?" before anything is written or anyone recused (./confirm-organisations.ts)
  const mayLink = can(person, 'organisations.alias');
  const directory = await knownOrganisations(deps, actor);
  const names = confirmOrganisations(directory, draft.value.organisations, input.values, mayLink);
  if (names.kind === 'ask')
    return ok({
      kind: 'confirm-organisations',
      questions: names.questions,
      channelId: conversation.channelId,
      mayLink,
    });
  draft.value.organisations = names.organisations;
  const linked: Linked[] = [];
  if (mayLink) for (const { known, typed } of names.same) linked.push(await linkNames(deps, actor, known, typed));
  // the roster as loaded does not have the links just written: the recusals below need them
  const roster = linked.length
    ? {
        ...actor.roster,
        organisationAliases: [...(actor.roster.organisationAliases ?? []), ...linked.map((l) => [l.name, l.alias])],
      }
    : actor.roster;

  // Who is on the roster now: the quorum base is fixed here, and later joins and departures are
  // changes the record states (src/domain/decisions/roster-changes.ts).
  const opened = { ...draft.value, opening: openingOf(roster) };
  const preview: DecisionState = {
    decision: asDecision(opened, now),
    declarations: [],
    recusals: [],
    votes: [],
    people: {},
  };
  const state = await deps.stores.decisions.create(opened, {
    actorId: person.id,
    at: now,
    changes: syncChanges(assess(preview, roster)),
    outcome: null,
  });
  const d = state.decision;
  const standing = assess(state, roster);
  if (names.different.length)
    await deps.stores.audit.record({
      partnershipId: partnership.id,
      actorId: person.id,
      action: 'decision.organisations-distinct',
      subjectType: 'decision',
      subjectId: d.id,
      after: { different: names.different },
    });
  deps.logger.info('decision created', {
    decisionId: d.id,
    partnershipId: partnership.id,
    count: standing.eligible.length,
  });

  const card = await deps.events.emit('DecisionOpened', { state, roster, conversation });
  // Where the card is (or only the channel, when it could not be posted) before anyone is asked:
  // the first votes refresh it, and a close posts the result there.
  await deps.stores.decisions.setCard(d.id, { conversation, message: card.posted });
  const asked = await deps.events.emit('DeclarationsRequested', { state, roster });
  const unreachable = new Set(asked.unreachable);
  if (!standing.canBeTaken && !person.roles.includes('chair')) await deps.events.emit('QuorumLost', { state, roster });
  return ok({
    state,
    roster,
    posted: !!card.posted,
    postFailed: card.postFailed,
    asked: standing.eligible.length - unreachable.size,
    unreachable: standing.eligible.filter((p) => unreachable.has(p.id)).map((p) => p.name),
    recused: standing.recusedVoters,
    othersOut: standing.recused.size - standing.recusedVoters,
    quorumShort: !standing.canBeTaken,
    linked,
  });
}
