// Everyone's view of decisions: the record (privately), the open ones and where the person
// stands on each; and the chair sharing the conflicts log with the channel.
import type { ConflictReason } from '../../domain/coi.ts';
import { buildRecord, type DecisionRecord } from '../../domain/decisions/record.ts';
import { assess } from '../../domain/decisions/standing.ts';
import type { Decision, DecisionState } from '../../domain/decisions/types.ts';
import { mayManage } from '../../domain/decisions/who.ts';
import { can } from '../../domain/permissions.ts';
import { fail, ok } from '../../domain/result.ts';
import type { Roster } from '../../domain/roster.ts';
import { authorize } from '../actor.ts';
import { findFor, type Actor, type DecisionResult, type ServiceDeps } from './deps.ts';

/** A person's own part in a decision, for those not shown the whole conflicts log. */
export type OwnPart =
  { recused: ConflictReason[] } | { declared: 'none' | 'interest' | null; voted: { option: string | null } | null };

export interface RecordView {
  decisionId: string;
  record: DecisionRecord;
  /** declarations and recusal reasons: officers and the rep */
  conflicts: boolean;
  canShare: boolean;
  canManage: boolean;
  own: OwnPart | undefined;
}

/** The record, privately. Officers and the rep see the conflicts log; others see counts and their own part. */
export async function showRecord(
  deps: ServiceDeps,
  actor: Actor,
  lookup: { id: string } | { number: number },
): Promise<DecisionResult<RecordView>> {
  const allowed = authorize(actor, 'decision.view');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const found = await findFor(deps, actor, lookup);
  if (!found.ok) return found;
  const state = found.value;
  const conflicts = can(person, 'decision.record');
  return ok({
    decisionId: state.decision.id,
    record: buildRecord(state, actor.roster),
    conflicts,
    canShare: can(person, 'decision.share'),
    canManage: mayManage(person, state.decision),
    own: conflicts ? undefined : ownPart(state, actor.roster, person.id),
  });
}

/** The whole record for the minutes (a file to paste or keep): officers and the rep, who see the conflicts log. */
export async function exportRecord(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<DecisionRecord>> {
  const allowed = authorize(actor, 'decision.record');
  if (!allowed.ok) return fail(allowed.refusal);
  const found = await findFor(deps, actor, { id: input.decisionId });
  if (!found.ok) return found;
  return ok(buildRecord(found.value, actor.roster));
}

function ownPart(state: DecisionState, roster: Roster, personId: string): OwnPart {
  const recused = assess(state, roster).recused.get(personId);
  if (recused) return { recused };
  const voted = state.votes.find((v) => v.personId === personId);
  return {
    declared: state.declarations.find((x) => x.personId === personId)?.outcome ?? null,
    voted: voted ? { option: voted.option } : null,
  };
}

/** Where a person stands on an open decision; the next step is theirs when it is 'undeclared' or 'declared'. */
export type Position =
  | { kind: 'recused' }
  | { kind: 'no-vote' }
  | { kind: 'undeclared' }
  | { kind: 'declared' }
  | { kind: 'voted'; option: string | null };

function positionOf(state: DecisionState, roster: Roster, personId: string): Position {
  const standing = assess(state, roster);
  if (standing.recused.has(personId)) return { kind: 'recused' };
  if (!standing.eligible.some((p) => p.id === personId)) return { kind: 'no-vote' };
  if (!standing.declared.has(personId)) return { kind: 'undeclared' };
  const vote = state.votes.find((v) => v.personId === personId);
  return vote ? { kind: 'voted', option: vote.option } : { kind: 'declared' };
}

export interface OpenDecisions {
  /** every open decision, in the order asked for */
  open: Decision[];
  /** the first ones, with where the person stands on each */
  shown: { decision: Decision; position: Position }[];
}

const SHOWN = 20;

/** The open decisions, in the store's order or soonest closing first, and where the person stands. */
export async function listOpen(
  deps: ServiceDeps,
  actor: Actor,
  options: { soonestFirst?: boolean } = {},
): Promise<DecisionResult<OpenDecisions>> {
  const allowed = authorize(actor, 'decision.view');
  if (!allowed.ok) return fail(allowed.refusal);
  const open = await deps.stores.decisions.list(actor.partnership.id, 'open');
  if (options.soonestFirst) open.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  const shown: OpenDecisions['shown'] = [];
  for (const d of open.slice(0, SHOWN)) {
    const state = await deps.stores.decisions.find({ id: d.id });
    if (state) shown.push({ decision: d, position: positionOf(state, actor.roster, allowed.person.id) });
  }
  return ok({ open, shown });
}

/** The chair shares the conflicts log (names and kinds of conflict) with the decision's channel, for the minutes. */
export async function shareConflicts(
  deps: ServiceDeps,
  actor: Actor,
  input: { decisionId: string },
): Promise<DecisionResult<{ decision: Decision; record: DecisionRecord; sharedBy: string; posted: boolean }>> {
  const allowed = authorize(actor, 'decision.share');
  if (!allowed.ok) return fail(allowed.refusal);
  const { person } = allowed;
  const found = await findFor(deps, actor, { id: input.decisionId });
  if (!found.ok) return found;
  const state = found.value;
  await deps.stores.audit.record({
    partnershipId: actor.partnership.id,
    actorId: person.id,
    action: 'decision.share-conflicts',
    subjectType: 'decision',
    subjectId: state.decision.id,
  });
  const shared = await deps.events.emit('ConflictsLogShared', {
    state,
    roster: actor.roster,
    sharedBy: person.id,
    conversation: state.decision.card?.conversation ?? null,
  });
  return ok({
    decision: state.decision,
    record: buildRecord(state, actor.roster),
    sharedBy: person.name,
    posted: !!shared.posted,
  });
}
