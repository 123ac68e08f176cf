// After the vote: a voter's short reason for it (open ballots only: on a secret ballot a reason
// would say how someone voted, so it is refused and nothing is stored), and the chair's reminder to
// those who have not answered (at most once every 12 hours per decision, so members are not
// pestered). Both are plans for the store's transaction, like every other change to a decision.
import type { Problem } from '../result.ts';
import type { Person, Roster } from '../roster.ts';
import { closedWhy, isOverdue, refused, syncChanges, type Refusal, type ReminderTarget } from './lifecycle.ts';
import { assess } from './standing.ts';
import type { Change, DecisionState, Plan } from './types.ts';

/** The longest reason a voter may give: a sentence or two for the minutes. */
export const REASON_MAX = 280;
/** How often the chair may remind those who have not answered one decision. */
export const CHAIR_REMINDER_GAP_HOURS = 12;

/** A reason as given (trimmed), or the problem with it. */
export function checkReason(text: string): { reason: string } | { problem: Problem } {
  const reason = text.replace(/\s+/g, ' ').trim();
  if (!reason)
    return { problem: { where: 'reason', message: 'The reason is empty: write a sentence or two, or leave it.' } };
  if (reason.length > REASON_MAX)
    return {
      problem: {
        where: 'reason',
        message: `The reason is ${reason.length} characters long; keep it to ${REASON_MAX} (a sentence or two for the minutes).`,
      },
    };
  return { reason };
}

const plan = <T>(actorId: string | null, at: Date, changes: Change[], outcome: T): Plan<T> => ({
  actorId,
  at,
  changes,
  outcome,
});

export type ReasonOutcome = { kind: 'reason'; option: string; reason: string } | Refusal;

/** The voter's reason for their current vote; refused on a secret ballot, a closed decision, or before voting. */
export function planVoteReason(state: DecisionState, person: Person, reason: string, now: Date): Plan<ReasonOutcome> {
  const d = state.decision;
  if (d.status === 'closed' || isOverdue(state, now)) return plan(person.id, now, [], refused(closedWhy(d)));
  if (d.ballot === 'secret') return plan(person.id, now, [], refused({ code: 'secret-no-reason' }));
  const vote = state.votes.find((v) => v.personId === person.id);
  if (!vote?.option) return plan(person.id, now, [], refused({ code: 'vote-first' }));
  return plan(person.id, now, [{ type: 'vote-reason', personId: person.id, reason }], {
    kind: 'reason',
    option: vote.option,
    reason,
  });
}

/** When the chair's reminder may next be used (null: now). */
export function chairReminderNextAt(state: DecisionState, now: Date): Date | null {
  const last = state.decision.chairRemindedAt;
  if (!last) return null;
  const next = new Date(last.getTime() + CHAIR_REMINDER_GAP_HOURS * 3_600_000);
  return next.getTime() > now.getTime() ? next : null;
}

export type ChairReminderOutcome = { kind: 'remind'; targets: ReminderTarget[] } | Refusal;

/**
 * The chair reminds, privately, the eligible members who have not declared or not voted. With
 * nobody to remind nothing is recorded, so the 12 hours are not used up.
 */
export function planChairReminder(
  state: DecisionState,
  roster: Roster,
  actorId: string,
  now: Date,
): Plan<ChairReminderOutcome> {
  const d = state.decision;
  if (d.status === 'closed' || isOverdue(state, now)) return plan(actorId, now, [], refused(closedWhy(d)));
  const nextAt = chairReminderNextAt(state, now);
  if (nextAt) return plan(actorId, now, [], refused({ code: 'remind-too-soon', nextAt }));
  const standing = assess(state, roster);
  const voted = new Set(standing.votes.map((v) => v.personId));
  const targets: ReminderTarget[] = [];
  for (const p of standing.eligible) {
    if (!standing.declared.has(p.id)) targets.push({ personId: p.id, needs: 'declare' });
    else if (!voted.has(p.id)) targets.push({ personId: p.id, needs: 'vote' });
  }
  if (!targets.length) return plan(actorId, now, syncChanges(standing), { kind: 'remind', targets });
  return plan(actorId, now, [...syncChanges(standing), { type: 'chair-reminded' }], { kind: 'remind', targets });
}
