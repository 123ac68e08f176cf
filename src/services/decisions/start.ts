// Putting a decision to the partnership: check who asks and what they typed, write the decision
// with the recusals the register and relationships already require (one transaction), then post
// the card in the channel and ask every voting member privately to declare.
import { createRefusal, mayCreate, validateDraft, type DraftValues } from '../../domain/decisions/create.ts';
import { syncChanges } from '../../domain/decisions/lifecycle.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { Decision, DecisionDraft, DecisionState } from '../../domain/decisions/types.ts';
import { formatWhen } from '../../domain/decisions/when.ts';
import { recusalNotice } from '../../domain/decisions/who.ts';
import { listNames, plural } from '../../domain/roster.ts';
import { formatProblems } from '../../domain/result.ts';
import type { Conversation } from '../../domain/chat/inbound.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { decisionCard } from '../../bot/views/decision-card.ts';
import { createFormReply, declarationPrompt } from '../../bot/views/decision-prompts.ts';
import { tell, type Actor, type DecisionDeps } from './deps.ts';
import { tellChairs, quorumWarning } from './notify.ts';
import type { MessageRef } from '../ports/index.ts';

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
});

const formValues = (values: DraftValues): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : (v ?? '')]));

export function startForm(actor: Actor, conversation: Conversation, title: string): Reply[] {
  if (!mayCreate(actor.person, actor.partnership.settings))
    return [textReply(createRefusal(actor.person, actor.partnership.settings))];
  if (conversation.kind === 'direct') return [textReply(DIRECT)];
  return [createFormReply(undefined, title ? { title: title.slice(0, 150) } : {}, conversation.channelId)];
}

const DIRECT =
  'Start the vote in your partnership’s channel (type `/partnership poll` there), so that everyone sees its card.';

/**
 * The channel for the card: where the form was submitted, or, when a platform delivers a form's
 * submission outside any channel (a Slack modal), the channel it was opened in, provided that
 * channel is bound to the same partnership.
 */
async function channelFor(
  deps: DecisionDeps,
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

export async function startDecision(
  deps: DecisionDeps,
  actor: Actor,
  submittedIn: Conversation,
  values: DraftValues,
  context?: string,
): Promise<Reply[]> {
  const { partnership, roster, person } = actor;
  if (!person || !mayCreate(person, partnership.settings))
    return [textReply(createRefusal(person, partnership.settings))];
  const conversation = await channelFor(deps, actor, submittedIn, context);
  if (!conversation) return [textReply(DIRECT)];
  const now = deps.clock.now();
  const draft = validateDraft(values, {
    partnershipId: partnership.id,
    creator: person,
    settings: partnership.settings,
    now,
  });
  if (!draft.ok) return [createFormReply(formatProblems(draft.error), formValues(values), conversation.channelId)];

  const preview: DecisionState = {
    decision: asDecision(draft.value, now),
    declarations: [],
    recusals: [],
    votes: [],
    people: {},
  };
  const state = await deps.stores.decisions.create(draft.value, {
    actorId: person.id,
    at: now,
    changes: syncChanges(assess(preview, roster)),
    outcome: null,
  });
  const d = state.decision;
  const standing = assess(state, roster);
  deps.logger.info('decision created', {
    decisionId: d.id,
    partnershipId: partnership.id,
    count: standing.eligible.length,
  });

  const replies: Reply[] = [];
  const card = decisionCard(state, roster);
  let message: MessageRef | null = null;
  const posting = { failed: false };
  try {
    message = deps.notifier ? await deps.notifier.sendToConversation(conversation, card) : null;
    posting.failed = !!deps.notifier?.canReach?.(conversation.platform) && !message;
  } catch (error) {
    posting.failed = true;
    deps.logger.warn('decision card not posted', { decisionId: d.id, code: (error as { code?: string }).code });
  }
  await deps.stores.decisions.setCard(d.id, { conversation, message });
  if (!message) replies.push(card); // no platform to post through: the card goes back with the answer

  const unreachable: string[] = [];
  const prompt = declarationPrompt(d);
  for (const p of standing.eligible) if (!(await tell(deps, p.id, prompt))) unreachable.push(p.name);
  for (const [id, reasons] of standing.recused) await tell(deps, id, textReply(recusalNotice(d, reasons)));
  for (const n of standing.notEligible)
    await tell(
      deps,
      n.person.id,
      textReply(`Decision ${d.number} (“${d.title}”) is open, but you can’t vote on it: ${n.why}.`),
    );

  const lines = [
    `Decision ${d.number} is open until ${formatWhen(d.closesAt, d.rules.timeZone)}.${message ? ' Its card is in the channel.' : ''}`,
    `I asked ${plural(standing.eligible.length - unreachable.length, 'voting member')} privately to declare any interest first.`,
  ];
  // The chat platform refused the card (an outage, a rate limit that outlasted the retries): the
  // card comes back with this answer instead, and the person who put the decision is told why.
  if (!message && posting.failed)
    lines.push(
      `I couldn’t post its card in the channel just now, so it comes with this answer instead; its counts won’t update by themselves. \`/partnership decision ${d.number}\` shows the record at any time.`,
    );
  if (standing.recused.size)
    lines.push(
      `${plural(standing.recused.size, 'member')} must not take part (the register of interests or their relationships show a conflict); each has been told why, privately.`,
    );
  if (unreachable.length)
    lines.push(
      `I couldn’t reach ${listNames(unreachable)} privately (not linked to chat yet): they can use the card’s Declare button or \`/partnership declare\`.`,
    );
  if (!standing.canBeTaken) {
    lines.push(quorumWarning(state, roster).summary);
    if (!person.roles.includes('chair')) await tellChairs(deps, state, roster, quorumWarning(state, roster));
  }
  replies.unshift({
    summary: lines[0]!,
    blocks: [
      { kind: 'text', text: lines.join('\n') },
      { kind: 'actions', buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }] },
    ],
    visibility: 'private',
  });
  return replies;
}
