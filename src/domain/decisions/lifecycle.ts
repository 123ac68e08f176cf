// Closing, amending and reminding: pure decisions about a decision, given its state and the roster.
import type { ConflictReason } from '../coi.ts';
import type { Person, Roster } from '../roster.ts';
import { assess, snapshotAt, type Standing } from './standing.ts';
import type { Ballot, Change, CloseReason, Decision, DecisionState, Plan, Visibility } from './types.ts';

/** Why a plan takes nothing, as a code with its data; src/bot/views/decision-words.ts says it. */
export type RefusedWhy =
  /** voting closed at `closedAt` */
  | { code: 'closed'; closedAt: Date }
  /** the option index is not on the decision (a tampered button) */
  | { code: 'no-such-option' }
  /** the person has no vote on any decision (not a voting member) */
  | { code: 'no-vote' }
  | { code: 'recused'; reasons: ConflictReason[] }
  /** excluded from this decision by a partnership setting (`why` is the conflict engine's) */
  | { code: 'not-eligible'; why: string }
  | { code: 'declare-first' }
  /** a declared interest stays on the record */
  | { code: 'interest-on-record' }
  | { code: 'secret-stays-secret' }
  | { code: 'voted-stays-open' }
  | { code: 'secret-never-live' }
  | { code: 'hidden-until-close' }
  | { code: 'seen-stays-live' }
  /** a reason is given with one's own vote: there is none yet */
  | { code: 'vote-first' }
  /** a secret ballot takes no reasons: a reason would tell how someone voted */
  | { code: 'secret-no-reason' }
  /** the chair's reminder was used less than 12 hours ago; it can be used again at `nextAt` */
  | { code: 'remind-too-soon'; nextAt: Date };

export type Refusal = { kind: 'refused' } & RefusedWhy;
export const refused = (why: RefusedWhy): Refusal => ({ kind: 'refused', ...why });

/** The time voting closed, or closes: the refusal a closed (or overdue) decision gives. */
export const closedWhy = (d: Decision): RefusedWhy => ({ code: 'closed', closedAt: d.closedAt ?? d.closesAt });

/** Record recusals the roster now requires and set aside votes that no longer count. */
export function syncChanges(standing: Standing): Change[] {
  return [
    ...standing.newRecusals.map((r): Change => ({
      type: 'recuse',
      personId: r.personId,
      reasons: r.reasons,
      voter: r.voter,
    })),
    ...standing.strayVotes.map((v): Change => ({
      type: 'withdraw-vote',
      personId: v.personId,
      why: standing.recused.has(v.personId) ? 'recused after voting' : 'no longer an eligible voting member',
    })),
  ];
}

/** Everything needed to close now: the sync, then the close with its frozen figures. */
export function closeChanges(state: DecisionState, standing: Standing, roster: Roster, reason: CloseReason): Change[] {
  // Voting closed at the closing time, however late the close is written (the server was down,
  // the job ran a minute after): the record says when voting stopped.
  const closedAt = reason === 'time' ? { closedAt: state.decision.closesAt } : {};
  // Joins and departures not yet recorded go on the record with the close, never dropped.
  const changes: Change[] = standing.pendingChanges.length
    ? [{ type: 'roster-changes', entries: standing.pendingChanges }]
    : [];
  return [
    ...changes,
    ...syncChanges(standing),
    { type: 'close', reason, snapshot: snapshotAt(state, standing, roster), ...closedAt },
  ];
}

export const isOverdue = (state: DecisionState, now: Date): boolean =>
  state.decision.status === 'open' && now.getTime() >= state.decision.closesAt.getTime();

export type CloseOutcome = { kind: 'closed'; reason: CloseReason } | { kind: 'already-closed' } | { kind: 'not-due' };

/**
 * Close by the chair (`actor` given, whom the service has authorised), or on time (`actor` null:
 * the scheduler). Closing twice is harmless: the second finds it closed and changes nothing.
 */
export function planClose(state: DecisionState, roster: Roster, actor: Person | null, now: Date): Plan<CloseOutcome> {
  const plan = (changes: Change[], outcome: CloseOutcome): Plan<CloseOutcome> => ({
    actorId: actor?.id ?? null,
    at: now,
    changes,
    outcome,
  });
  if (state.decision.status === 'closed') return plan([], { kind: 'already-closed' });
  const standing = assess(state, roster);
  if (actor) {
    const reason: CloseReason = isOverdue(state, now) ? 'time' : 'chair';
    return plan(closeChanges(state, standing, roster, reason), { kind: 'closed', reason });
  }
  if (isOverdue(state, now))
    return plan(closeChanges(state, standing, roster, 'time'), { kind: 'closed', reason: 'time' });
  if (standing.allVoted)
    return plan(closeChanges(state, standing, roster, 'all-voted'), { kind: 'closed', reason: 'all-voted' });
  return plan([], { kind: 'not-due' });
}

export interface AmendRequest {
  closesAt?: Date;
  ballot?: Ballot;
  visibility?: Visibility;
}
/** What an amendment changed, in order. */
export type Amended = { what: 'secret' } | { what: 'after-close' } | { what: 'closes'; at: Date };
export type AmendOutcome = { kind: 'amended'; what: Amended[] } | { kind: 'unchanged' } | Refusal;

/**
 * The chair (or whoever put it, authorised by the service) may move the closing time. A secret ballot can never be made open (members voted on
 * the promise of privacy), and results hidden until close can never be revealed early; the other
 * way round is allowed only before anyone has voted.
 */
export function planAmend(
  state: DecisionState,
  actor: Person | null,
  request: AmendRequest,
  now: Date,
): Plan<AmendOutcome> {
  const d = state.decision;
  const plan = (changes: Change[], outcome: AmendOutcome): Plan<AmendOutcome> => ({
    actorId: actor?.id ?? null,
    at: now,
    changes,
    outcome,
  });
  if (d.status === 'closed' || isOverdue(state, now)) return plan([], refused(closedWhy(d)));
  const change: Extract<Change, { type: 'amend' }> = { type: 'amend' };
  const what: Amended[] = [];
  if (request.ballot && request.ballot !== d.ballot) {
    if (d.ballot === 'secret') return plan([], refused({ code: 'secret-stays-secret' }));
    if (state.votes.length > 0) return plan([], refused({ code: 'voted-stays-open' }));
    if ((request.visibility ?? d.visibility) === 'live') return plan([], refused({ code: 'secret-never-live' }));
    change.ballot = request.ballot;
    what.push({ what: 'secret' });
  }
  if (request.visibility && request.visibility !== d.visibility) {
    if (d.ballot === 'secret' && request.visibility === 'live') return plan([], refused({ code: 'secret-never-live' }));
    if (d.visibility === 'after-close') return plan([], refused({ code: 'hidden-until-close' }));
    if (state.votes.length > 0) return plan([], refused({ code: 'seen-stays-live' }));
    change.visibility = request.visibility;
    what.push({ what: 'after-close' });
  }
  if (request.closesAt && request.closesAt.getTime() !== d.closesAt.getTime()) {
    change.closesAt = request.closesAt;
    what.push({ what: 'closes', at: request.closesAt });
  }
  if (what.length === 0) return plan([], { kind: 'unchanged' });
  return plan([change], { kind: 'amended', what });
}

export type ReminderTarget = { personId: string; needs: 'declare' | 'vote' };
export type RemindOutcome = { kind: 'remind'; targets: ReminderTarget[] } | { kind: 'not-due' };

/** When the reminder falls due (null: the partnership switched reminders off). */
export function reminderDueAt(decision: Decision): Date | null {
  const hours = decision.rules.reminderHoursBeforeClose;
  return hours > 0 ? new Date(decision.closesAt.getTime() - hours * 3_600_000) : null;
}

/**
 * Once per decision, a configurable time before it closes: eligible members who have not declared
 * or not voted. Never those who have done both, never anyone recused or without a vote. A decision
 * put less than that time before its close gets none: its prompt is recent enough.
 */
export function planReminders(state: DecisionState, roster: Roster, now: Date): Plan<RemindOutcome> {
  const plan = (changes: Change[], outcome: RemindOutcome): Plan<RemindOutcome> => ({
    actorId: null,
    at: now,
    changes,
    outcome,
  });
  const d = state.decision;
  const due = reminderDueAt(d);
  if (d.status !== 'open' || d.remindersSentAt || !due || now < due || isOverdue(state, now))
    return plan([], { kind: 'not-due' });
  if (d.createdAt.getTime() >= due.getTime())
    return plan([{ type: 'reminders-sent' }], { kind: 'remind', targets: [] });
  const standing = assess(state, roster);
  const voted = new Set(standing.votes.map((v) => v.personId));
  const targets: ReminderTarget[] = [];
  for (const p of standing.eligible) {
    if (!standing.declared.has(p.id)) targets.push({ personId: p.id, needs: 'declare' });
    else if (!voted.has(p.id)) targets.push({ personId: p.id, needs: 'vote' });
  }
  return plan([...syncChanges(standing), { type: 'reminders-sent' }], { kind: 'remind', targets });
}

export type RosterSyncOutcome =
  { kind: 'changed'; joined: string[]; left: string[]; canBeTaken: boolean } | { kind: 'unchanged' };

/**
 * The scheduler's look at an open decision after the roster changed (an import, someone's vote
 * given or taken away): record each change of place once, with the recusals the newcomers bring.
 * `joined` are those to prompt (joined the roster, or gained a vote); `left` those who went.
 */
export function planRosterSync(state: DecisionState, roster: Roster, now: Date): Plan<RosterSyncOutcome> {
  const plan = (changes: Change[], outcome: RosterSyncOutcome): Plan<RosterSyncOutcome> => ({
    actorId: null,
    at: now,
    changes,
    outcome,
  });
  if (state.decision.status !== 'open' || isOverdue(state, now)) return plan([], { kind: 'unchanged' });
  const standing = assess(state, roster);
  const entries = standing.pendingChanges;
  if (entries.length === 0) return plan([], { kind: 'unchanged' });
  return plan([{ type: 'roster-changes', entries }, ...syncChanges(standing)], {
    kind: 'changed',
    canBeTaken: standing.canBeTaken,
    joined: entries.filter((e) => e.change === 'joined' || e.change === 'gained-vote').map((e) => e.personId),
    left: entries.filter((e) => e.change === 'left' || e.change === 'lost-vote').map((e) => e.personId),
  });
}
