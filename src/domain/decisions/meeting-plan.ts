// A meeting decision against the conflict engine (src/domain/coi.ts, the same check a chat poll
// makes): who, recorded as staying in the room with a vote, has a conflict on the register, the
// relationships or their own declaration; and what the store writes (the decision, closed on the
// day of the meeting, with its declarations and who left the room).
import { checkConflicts, type ConflictReason } from '../coi.ts';
import { residentsNeededFor } from '../criteria/membership.ts';
import { hasVote, type Roster } from '../roster.ts';
import { quorumRequired, type PartnershipSettings } from '../settings.ts';
import type { MeetingDraft } from './meeting.ts';
import {
  DEFAULT_OPTIONS,
  rulesFrom,
  type Change,
  type ClosingSnapshot,
  type DecisionDraft,
  type MeetingFacts,
} from './types.ts';

/** The option a consensus is recorded under. */
export const CONSENSUS = 'Agreed by consensus';

export interface MeetingCheck {
  /** people with a conflict who stayed in the room with a vote: the recorder must confirm */
  flagged: { personId: string; name: string; reasons: ConflictReason[] }[];
  /** everyone present with a conflict, whether they left or stayed, with the reasons */
  conflicted: Map<string, ConflictReason[]>;
  /** members with a vote who stayed in the room */
  voters: string[];
}

export function checkMeeting(draft: MeetingDraft, roster: Roster): MeetingCheck {
  const coi = checkConflicts(roster, {
    organisations: draft.organisations,
    declarations: draft.declarations.flatMap((d) =>
      d.outcome === 'interest' && d.kind
        ? [
            {
              personId: d.personId,
              kind: d.kind,
              organisation: d.organisation ?? undefined,
              detail: d.detail ?? undefined,
            },
          ]
        : [],
    ),
    keyDecision: draft.kind !== 'general',
  });
  const present = new Set(draft.present);
  const left = new Set(draft.left);
  const conflicted = new Map<string, ConflictReason[]>();
  for (const { person, reasons } of [...coi.mustNotTakePart, ...coi.othersNotTakingPart])
    if (present.has(person.id)) conflicted.set(person.id, reasons);
  const stayed = roster.people.filter((p) => present.has(p.id) && !left.has(p.id));
  const voters = stayed.filter(hasVote).map((p) => p.id);
  const flagged = stayed
    .filter((p) => hasVote(p) && conflicted.has(p.id))
    .map((p) => ({ personId: p.id, name: p.name, reasons: conflicted.get(p.id)! }));
  return { flagged, conflicted, voters };
}

/** Counted votes beyond the members with a vote who stayed in the room: the counts are wrong. */
export function tooManyVotes(draft: MeetingDraft, check: MeetingCheck): string | null {
  if (draft.result.by !== 'vote') return null;
  const cast = draft.result.for + draft.result.against + draft.result.abstain;
  return cast > check.voters.length
    ? `${cast} votes were counted but only ${check.voters.length} members with a vote were present and stayed in the room: check the counts, who was present and who left.`
    : null;
}

/** The decision row: closed from the start, on the day of the meeting. */
export function meetingDecisionDraft(
  draft: MeetingDraft,
  check: MeetingCheck,
  context: { partnershipId: string; recorderId: string; settings: PartnershipSettings; votingMembers: string[] },
): DecisionDraft & { meeting: MeetingFacts } {
  return {
    partnershipId: context.partnershipId,
    title: draft.title,
    description: '',
    kind: draft.kind,
    organisations: draft.organisations,
    options: draft.result.by === 'consensus' ? [CONSENSUS] : [...DEFAULT_OPTIONS],
    ballot: 'open',
    visibility: 'after-close',
    rules: rulesFrom(context.settings),
    closesAt: draft.heldAt,
    createdById: context.recorderId,
    opening: { onRoster: draft.present, votingMembers: context.votingMembers },
    meeting: {
      heldOn: draft.heldOn,
      present: draft.present,
      left: draft.left,
      result: draft.result,
      outcome: draft.outcome,
      flagged: check.flagged.map(({ personId, reasons }) => ({ personId, reasons })),
    },
  };
}

/** Declarations, who left the room (with their conflict, if any), and the close with its figures. */
export function meetingChanges(draft: MeetingDraft, check: MeetingCheck, roster: Roster): Change[] {
  const settings = roster.partnership.settings;
  const byId = new Map(roster.people.map((p) => [p.id, p]));
  const declarations: Change[] = draft.declarations.map((d) => ({
    type: 'declare',
    personId: d.personId,
    outcome: d.outcome,
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.organisation ? { organisation: d.organisation } : {}),
    ...(d.detail ? { detail: d.detail } : {}),
  }));
  const recusals: Change[] = draft.left.map((personId) => ({
    type: 'recuse',
    personId,
    reasons: check.conflicted.get(personId) ?? [],
    voter: byId.get(personId) ? hasVote(byId.get(personId)!) : false,
  }));
  const votingMembers = roster.people.filter(hasVote).length;
  const voters = check.voters.map((id) => byId.get(id)!);
  const voted =
    draft.result.by === 'consensus' ? voters.length : draft.result.for + draft.result.against + draft.result.abstain;
  // Counts say how many, not who: the resident share is of the members with a vote in the room.
  const residents = voters.filter((p) => p.resident).length;
  const snapshot: ClosingSnapshot = {
    votingMembers,
    required: quorumRequired(settings.quorum, votingMembers),
    eligible: voters.length,
    voted,
    residentsVoted: draft.result.by === 'consensus' ? residents : Math.min(residents, voted),
    residentMajority: voters.length > 0 && residents >= residentsNeededFor(voters.length, settings.residentThreshold),
    tally:
      draft.result.by === 'consensus'
        ? [{ option: CONSENSUS, count: voters.length }]
        : [
            { option: 'For', count: draft.result.for },
            { option: 'Against', count: draft.result.against },
            { option: 'Abstain', count: draft.result.abstain },
          ],
    notEligible: [],
  };
  return [...declarations, ...recusals, { type: 'close', reason: 'meeting', snapshot, closedAt: draft.heldAt }];
}

/** What the record shows of a meeting, with names (null for a chat poll). */
export interface MeetingRecordPart {
  heldOn: string;
  present: string[];
  left: string[];
  result: MeetingFacts['result'];
  outcome: string;
  /** people with a conflict who stayed and voted, confirmed by the recorder */
  flagged: { name: string; reasons: ConflictReason[] }[];
}

export function meetingRecordOf(meeting: MeetingFacts | null | undefined, name: (id: string) => string) {
  if (!meeting) return null;
  return {
    heldOn: meeting.heldOn,
    present: meeting.present.map(name),
    left: meeting.left.map(name),
    result: meeting.result,
    outcome: meeting.outcome,
    flagged: meeting.flagged.map((f) => ({ name: name(f.personId), reasons: f.reasons })),
  } satisfies MeetingRecordPart;
}
