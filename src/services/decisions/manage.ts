// The chair's side: close early, amend, share the conflicts log; and everyone's view of the record.
import { closedMessage, planAmend, planClose, type AmendRequest } from '../../domain/decisions/lifecycle.ts';
import { buildRecord } from '../../domain/decisions/record.ts';
import { assess } from '../../domain/decisions/standing.ts';
import { BALLOTS, VISIBILITIES, type DecisionState } from '../../domain/decisions/types.ts';
import { formatWhen, parseClosingTime } from '../../domain/decisions/when.ts';
import { describeReasons, manageRefusal, mayManage } from '../../domain/decisions/who.ts';
import { plural } from '../../domain/roster.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../../bot/views/refusals.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { amendForm } from '../../bot/views/decision-prompts.ts';
import { conflictsLogReply, recordReply } from '../../bot/views/decision-record.ts';
import { notFound, type Actor, type DecisionDeps } from './deps.ts';
import { announceClosed, refreshCard } from './notify.ts';
import { applyFor, findFor } from './respond.ts';

type Refused = { kind: 'refused'; reason: string };

export async function confirmClose(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  if (!mayManage(actor.person, state.decision)) return [textReply(manageRefusal)];
  if (state.decision.status === 'closed') return [textReply(closedMessage(state))];
  const standing = assess(state, actor.roster);
  const text = `Close Decision ${state.decision.number} (“${state.decision.title}”) now? ${standing.votes.length} of ${standing.eligible.length} eligible members have voted; it is due to close ${formatWhen(state.decision.closesAt, state.decision.rules.timeZone)}.`;
  return [
    {
      summary: text,
      blocks: [
        { kind: 'text', text },
        {
          kind: 'actions',
          buttons: [
            { actionId: 'decision.close.confirm', label: 'Yes, close it now', value: decisionId, style: 'danger' },
          ],
        },
      ],
      visibility: 'private',
    },
  ];
}

export async function close(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const result = await applyFor(deps, actor, decisionId, (state) =>
    planClose(state, actor.roster, actor.person, deps.clock.now()),
  );
  if (!result) return notFound();
  const { state, outcome } = result;
  if (outcome.kind === 'refused') return [textReply((outcome as Refused).reason)];
  if (outcome.kind !== 'closed') return [textReply(closedMessage(state))];
  await announceClosed(deps, state, actor.roster);
  return [
    textReply(
      `Decision ${state.decision.number} is closed. Its card in the channel shows the result; \`/partnership decision ${state.decision.number}\` shows the record.`,
    ),
  ];
}

export async function amendPrompt(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  if (!mayManage(actor.person, state.decision)) return [textReply(manageRefusal)];
  if (state.decision.status === 'closed') return [textReply(closedMessage(state))];
  return [
    {
      summary: `Change Decision ${state.decision.number}.`,
      blocks: [{ kind: 'form', form: amendForm(state.decision) }],
      visibility: 'private',
    },
  ];
}

const one = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim().toLowerCase();

export async function amend(
  deps: DecisionDeps,
  actor: Actor,
  decisionId: string,
  values: Record<string, string | string[]>,
): Promise<Reply[]> {
  const now = deps.clock.now();
  const request: AmendRequest = {};
  const closes = one(values.closes);
  if (closes) {
    const parsed = parseClosingTime(closes, now, actor.partnership.settings.timeZone);
    if (!parsed.ok) return [textReply(`Nothing was changed. Voting closes: ${parsed.error}`)];
    request.closesAt = parsed.value;
  }
  const ballot = BALLOTS.find((b) => b === one(values.ballot));
  if (ballot) request.ballot = ballot;
  const visibility = VISIBILITIES.find((v) => v === one(values.visibility));
  if (visibility) request.visibility = visibility;
  const result = await applyFor(deps, actor, decisionId, (state) => planAmend(state, actor.person, request, now));
  if (!result) return notFound();
  const { state, outcome } = result;
  if (outcome.kind === 'refused') return [textReply(`Nothing was changed. ${(outcome as Refused).reason}`)];
  if (outcome.kind === 'unchanged') return [textReply('Nothing to change: that is how the decision already stands.')];
  await refreshCard(deps, state.decision.id, actor.roster);
  return [textReply(`Decision ${state.decision.number} changed: ${outcome.what.join('; ')}.`)];
}

/** The record, privately. Officers and the rep see the conflicts log; others see counts and their own part. */
export async function showRecord(
  deps: DecisionDeps,
  actor: Actor,
  lookup: { id: string } | { number: number },
): Promise<Reply[]> {
  const state = await findFor(deps, actor, lookup);
  if (!state) return notFound();
  const person = actor.person;
  if (!can(person, 'decision.view')) return [textReply(refusal('decision.view'))];
  const record = buildRecord(state, actor.roster);
  const conflicts = can(person, 'decision.record');
  return [
    recordReply(record, {
      decisionId: state.decision.id,
      conflicts,
      canShare: can(person, 'decision.share'),
      canManage: mayManage(person, state.decision),
      own: conflicts || !person ? undefined : ownPart(state, actor, person.id),
    }),
  ];
}

function ownPart(state: DecisionState, actor: Actor, personId: string): string {
  const standing = assess(state, actor.roster);
  const recused = standing.recused.get(personId);
  if (recused) return `You were recused: ${describeReasons(recused).join(' ')}`;
  const declared = state.declarations.find((x) => x.personId === personId);
  const voted = state.votes.find((v) => v.personId === personId);
  const parts = [
    declared
      ? declared.outcome === 'none'
        ? 'You declared no interest.'
        : 'You declared an interest.'
      : 'You have not declared.',
  ];
  parts.push(voted ? votedText(voted.option) : 'You have not voted.');
  return parts.join(' ');
}

/** A closed secret ballot no longer holds anyone's choice, their own included. */
const votedText = (option: string | null): string =>
  option === null ? 'You voted (secret ballot: choices are not kept once it closes).' : `You voted ${option}.`;

/** The chair shares the conflicts log (names and kinds of conflict, src/bot/views/decision-record.ts) with the decision’s channel, for the minutes. */
export async function shareConflicts(deps: DecisionDeps, actor: Actor, decisionId: string): Promise<Reply[]> {
  const state = await findFor(deps, actor, { id: decisionId });
  if (!state) return notFound();
  if (!can(actor.person, 'decision.share')) return [textReply(refusal('decision.share'))];
  const log = conflictsLogReply(buildRecord(state, actor.roster), actor.person!.name);
  await deps.stores.audit.record({
    partnershipId: actor.partnership.id,
    actorId: actor.person!.id,
    action: 'decision.share-conflicts',
    subjectType: 'decision',
    subjectId: decisionId,
  });
  const conversation = state.decision.card?.conversation;
  if (conversation && deps.notifier && (await deps.notifier.sendToConversation(conversation, log))) {
    return [textReply(`The conflicts log for Decision ${state.decision.number} is now in the channel.`)];
  }
  return [log]; // no platform to post through: it goes back as a channel reply
}

/** Open decisions, and where the person stands on each. */
export async function listOpen(deps: DecisionDeps, actor: Actor): Promise<Reply[]> {
  const open = await deps.stores.decisions.list(actor.partnership.id, 'open');
  if (open.length === 0)
    return [
      textReply(
        `${actor.partnership.name} has no open decisions. The chair, vice-chair or secretary can start one with \`/partnership poll\`.`,
      ),
    ];
  const items: string[] = [];
  for (const d of open.slice(0, 20)) {
    const state = await deps.stores.decisions.find({ id: d.id });
    if (!state) continue;
    items.push(
      `Decision ${d.number}: ${d.title} (closes ${formatWhen(d.closesAt, d.rules.timeZone)}). ${actor.person ? standingOf(state, actor, actor.person.id).text : ''}`.trim(),
    );
  }
  const summary = `${plural(open.length, 'open decision')} in ${actor.partnership.name}.`;
  return [
    {
      summary,
      blocks: [
        { kind: 'heading', text: 'Open decisions' },
        { kind: 'list', items },
        {
          kind: 'actions',
          buttons: open
            .slice(0, 5)
            .map((d) => ({ actionId: 'decision.declare', label: `Decision ${d.number}`, value: d.id })),
        },
        { kind: 'note', text: 'Type `/partnership decision <number>` for a decision’s record.' },
      ],
      visibility: 'private',
    },
  ];
}

/** Where a person stands on an open decision, and what they can do next (the list, the Home tab). */
export function standingOf(
  state: DecisionState,
  actor: Actor,
  personId: string,
): { text: string; next: 'declare' | 'vote' | null } {
  const standing = assess(state, actor.roster);
  if (standing.recused.has(personId)) return { text: 'You are recused.', next: null };
  if (!standing.eligible.some((p) => p.id === personId)) return { text: 'You don’t vote on it.', next: null };
  if (!standing.declared.has(personId)) return { text: 'You have not declared yet.', next: 'declare' };
  const vote = state.votes.find((v) => v.personId === personId);
  return vote
    ? { text: votedText(vote.option), next: null }
    : { text: 'You have declared; you have not voted yet.', next: 'vote' };
}
