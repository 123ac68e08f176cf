// Recording a decision taken at a meeting (the chair or the secretary, in chat or on the command
// line): check who asks and what they wrote, run the conflict engine over who stayed in the room,
// and ask the recorder to confirm before saving anyone with a conflict as voting. Then one
// transaction writes the decision, closed on the day of the meeting, its declarations (which join
// the register's history like a poll's) and who left the room, each with its audit row.
import { validateMeeting, type MeetingValues } from '../../domain/decisions/meeting.ts';
import {
  checkMeeting,
  meetingChanges,
  meetingDecisionDraft,
  tooManyVotes,
  type MeetingCheck,
} from '../../domain/decisions/meeting-plan.ts';
import type { DecisionState } from '../../domain/decisions/types.ts';
import { can } from '../../domain/permissions.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { hasVote, type Roster } from '../../domain/roster.ts';
import { authorize, type Actor, type Refusal } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';

export interface MeetingInput {
  values: MeetingValues;
  /** the recorder has seen the flags and confirms the line-up as it was */
  confirmed: boolean;
}

export type MeetingAnswer =
  /** saved: the decision's state and the roster it was checked against */
  | {
      kind: 'recorded';
      state: DecisionState;
      roster: Roster;
      flagged: MeetingCheck['flagged'];
      /** the recorder may share the conflicts log in the channel */
      canShare: boolean;
    }
  /** nothing saved: people with a conflict are recorded as voting; the recorder must confirm */
  | { kind: 'confirm'; flagged: MeetingCheck['flagged'] };

/** The form may be opened: by whom the table allows. */
export function meetingForm(actor: Actor): Result<{ roster: Roster }, Refusal> {
  const allowed = authorize(actor, 'decision.meeting');
  return allowed.ok ? ok({ roster: actor.roster }) : fail(allowed.refusal);
}

export async function recordMeeting(
  deps: ServiceDeps,
  actor: Actor,
  input: MeetingInput,
): Promise<Result<MeetingAnswer, Refusal>> {
  const allowed = authorize(actor, 'decision.meeting');
  if (!allowed.ok) return fail(allowed.refusal);
  const { roster, partnership } = actor;
  const now = deps.clock.now();
  const draft = validateMeeting(input.values, { roster, now, timeZone: partnership.settings.timeZone });
  if (!draft.ok) return fail({ code: 'invalid', problems: draft.error });
  const check = checkMeeting(draft.value, roster);
  const tooMany = tooManyVotes(draft.value, check);
  if (tooMany) return fail({ code: 'invalid', problems: [{ where: 'Result', message: tooMany }] });
  if (check.flagged.length && !input.confirmed) return ok({ kind: 'confirm', flagged: check.flagged });

  const decision = meetingDecisionDraft(draft.value, check, {
    partnershipId: partnership.id,
    recorderId: allowed.person.id,
    settings: partnership.settings,
    votingMembers: roster.people.filter(hasVote).map((p) => p.id),
  });
  const state = await deps.stores.decisions.create(decision, {
    actorId: allowed.person.id,
    at: now,
    changes: meetingChanges(draft.value, check, roster),
    outcome: null,
  });
  deps.logger.info('meeting decision recorded', {
    decisionId: state.decision.id,
    partnershipId: partnership.id,
    flagged: check.flagged.length,
  });
  return ok({
    kind: 'recorded',
    state,
    roster,
    flagged: check.flagged,
    canShare: can(allowed.person, 'decision.share'),
  });
}
