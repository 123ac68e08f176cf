// A decision put to the partnership (RULES.md section 4): what is stored, and the changes a use
// case may ask the store to make. Pure data; the rules are in the sibling modules.
import type { ConflictKind, ConflictReason } from '../coi.ts';
import type { InterestKind } from '../roster.ts';
import type { PartnershipSettings, Quorum } from '../settings.ts';

export const DECISION_KINDS = ['general', 'procurement', 'grant'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const BALLOTS = ['open', 'secret'] as const;
export type Ballot = (typeof BALLOTS)[number];
export const VISIBILITIES = ['live', 'after-close'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export type DecisionStatus = 'open' | 'closed';
/** `meeting`: taken at a meeting and recorded afterwards (./meeting.ts), closed from the start */
export type CloseReason = 'time' | 'chair' | 'all-voted' | 'meeting';

export const DEFAULT_OPTIONS = ['For', 'Against', 'Abstain'] as const;

/** The partnership's rules in force when the decision was created: later setting changes do not move the goalposts. */
export interface DecisionRules {
  quorum: Quorum;
  loyaltyConflicts: PartnershipSettings['loyaltyConflicts'];
  councillorsVoteOnKeyDecisions: boolean;
  residentThreshold: number;
  ltoOrganisation?: string | undefined;
  reminderHoursBeforeClose: number;
  timeZone: string;
  /** proxy votes allowed (absent on decisions put before the setting existed: not allowed) */
  proxyVotes?: boolean | undefined;
}

export const rulesFrom = (s: PartnershipSettings): DecisionRules => ({
  quorum: s.quorum,
  loyaltyConflicts: s.loyaltyConflicts,
  councillorsVoteOnKeyDecisions: s.councillorsVoteOnKeyDecisions,
  residentThreshold: s.residentThreshold,
  ltoOrganisation: s.ltoOrganisation,
  reminderHoursBeforeClose: s.reminderHoursBeforeClose,
  timeZone: s.timeZone,
  proxyVotes: s.proxyVotes,
});

/** Where the channel card lives: the conversation it was posted to and, when the platform returned one, the message. */
export interface CardRef {
  conversation: {
    platform: 'slack' | 'teams' | 'web';
    workspaceId: string;
    channelId: string;
    kind: 'direct' | 'group' | 'channel';
  };
  message: { platform: 'slack' | 'teams' | 'web'; workspaceId: string; channelId: string; messageId: string } | null;
}

/**
 * Who was on the roster when the decision opened: the quorum base is fixed then (the number of
 * voting members), and anyone who joins, leaves, gains or loses a vote afterwards is a change the
 * record states. Null on decisions opened before this was kept: their base is the roster as it is.
 */
export interface OpeningRoster {
  /** everyone on the roster (members, paid workers, the rep) */
  onRoster: string[];
  /** the members with a vote: the quorum base */
  votingMembers: string[];
}

/** How a person's place changed while the decision was open. */
export type RosterChangeKind = 'joined' | 'gained-vote' | 'lost-vote' | 'left';

export interface RosterChangeRecord {
  personId: string;
  change: RosterChangeKind;
  /** whether they have a vote after the change */
  voting: boolean;
  at: Date;
}

/** Figures frozen when the decision closes, so the record does not drift as the roster changes. */
export interface ClosingSnapshot {
  /** the quorum base: voting members when the decision opened (or at close, for older decisions) */
  votingMembers: number;
  required: number;
  eligible: number;
  voted: number;
  residentsVoted: number;
  residentMajority: boolean;
  tally: { option: string; count: number }[];
  notEligible: { personId: string; why: string }[];
  /** votes counted from members who left (or lost their vote) after voting; absent on older snapshots */
  votesOfLeavers?: number;
}

/** "by consensus", or the counts the meeting took. */
export type MeetingResult = { by: 'consensus' } | { by: 'vote'; for: number; against: number; abstain: number };

/** What a decision taken at a meeting keeps beside the decision (Decision.meeting; ./meeting.ts). */
export interface MeetingFacts {
  /** the day of the meeting, YYYY-MM-DD in the partnership's time zone */
  heldOn: string;
  /** person ids of those present (members, workers, the rep) */
  present: string[];
  /** of those, who left the room for this item */
  left: string[];
  result: MeetingResult;
  /** what was decided, in the recorder's words */
  outcome: string;
  /** people with a conflict who stayed and voted: shown to the recorder before saving, and on the record */
  flagged: { personId: string; reasons: ConflictReason[] }[];
}

export interface Decision {
  id: string;
  partnershipId: string;
  number: number;
  title: string;
  description: string;
  kind: DecisionKind;
  organisations: string[];
  options: string[];
  ballot: Ballot;
  visibility: Visibility;
  rules: DecisionRules;
  status: DecisionStatus;
  closesAt: Date;
  closedAt: Date | null;
  closeReason: CloseReason | null;
  createdById: string;
  createdAt: Date;
  card: CardRef | null;
  remindersSentAt: Date | null;
  /** when the chair last reminded those who had not answered (absent or null: never) */
  chairRemindedAt?: Date | null | undefined;
  outcome: ClosingSnapshot | null;
  /** absent or null: opened before the opening roster was kept (its quorum base follows the roster) */
  opening?: OpeningRoster | null | undefined;
  /** joins and departures recorded while it was open, in order (absent: none) */
  rosterChanges?: RosterChangeRecord[] | undefined;
  /** a decision taken at a meeting: what the meeting recorded (absent or null: a chat poll) */
  meeting?: MeetingFacts | null | undefined;
}

export interface DeclarationRecord {
  personId: string;
  outcome: 'none' | 'interest';
  kind: ConflictKind | null;
  organisation: string | null;
  detail: string | null;
  at: Date;
}

export interface RecusalRecord {
  personId: string;
  reasons: ConflictReason[];
  /** they had a vote when recused (absent: recorded before this was kept, and so a voting member; false: a non-voting member, a paid worker or the rep, who take no part either) */
  voter?: boolean | undefined;
  at: Date;
}

export interface VoteRecord {
  personId: string;
  /** null once a secret ballot has closed: the choice is erased, only the tally (outcome) and who took part remain */
  option: string | null;
  changes: number;
  at: Date;
  updatedAt: Date;
  /** cast by the member's proxy (who that was is on the appointment, never on the vote) */
  byProxy?: boolean | undefined;
  /** the voter's short reason (open ballots only; cleared when the vote changes) */
  reason?: string | null | undefined;
}

/** A voting member's proxy for this decision (./proxy.ts). */
export interface ProxyRecord {
  appointerId: string;
  holderId: string;
  at: Date;
}

/** Everyone a decision's record mentions, including people who have since left. */
export interface PersonName {
  name: string;
  resident: boolean;
}

export interface DecisionState {
  decision: Decision;
  declarations: DeclarationRecord[];
  recusals: RecusalRecord[];
  votes: VoteRecord[];
  people: Record<string, PersonName>;
  /** proxies appointed for this decision (absent: none) */
  proxies?: ProxyRecord[] | undefined;
}

/** What a new decision is made of (validated); the store numbers it. */
export interface DecisionDraft {
  partnershipId: string;
  title: string;
  description: string;
  kind: DecisionKind;
  organisations: string[];
  options: string[];
  ballot: Ballot;
  visibility: Visibility;
  rules: DecisionRules;
  closesAt: Date;
  createdById: string;
  /** who was on the roster when it opened (the service adds it) */
  opening?: OpeningRoster | undefined;
  /** a decision taken at a meeting (./meeting-plan.ts) */
  meeting?: MeetingFacts | undefined;
}

/** One write a use case asks for. The store applies them in order, in one transaction, each with its audit row. */
export type Change =
  | {
      type: 'declare';
      personId: string;
      outcome: 'none' | 'interest';
      kind?: ConflictKind;
      organisation?: string;
      detail?: string;
      replaces?: 'none';
    }
  | { type: 'recuse'; personId: string; reasons: ConflictReason[]; voter: boolean }
  /** `byProxy`: cast for `personId` by their proxy */
  | { type: 'vote'; personId: string; option: string; replaces?: string; byProxy?: boolean }
  | { type: 'appoint-proxy'; appointerId: string; holderId: string }
  /** the member takes back their proxy before it was used */
  | { type: 'withdraw-proxy'; appointerId: string; holderId: string }
  | { type: 'withdraw-vote'; personId: string; why: string }
  | { type: 'register-interest'; personId: string; organisation: string; kind: InterestKind; detail?: string }
  | { type: 'amend'; closesAt?: Date; ballot?: Ballot; visibility?: Visibility }
  /** `closedAt`: when voting closed, if not when this is written (a time close recorded late, after a restart) */
  | { type: 'close'; reason: CloseReason; snapshot: ClosingSnapshot; closedAt?: Date }
  | { type: 'reminders-sent' }
  /** the voter's reason for their current vote (open ballots only) */
  | { type: 'vote-reason'; personId: string; reason: string }
  /** the chair reminded those who had not answered */
  | { type: 'chair-reminded' }
  /** joins and departures since the decision opened, recorded (the joiners are then prompted) */
  | { type: 'roster-changes'; entries: { personId: string; change: RosterChangeKind; voting: boolean }[] };

/** A use case's decision about one request: what to write, and what to tell people. */
export interface Plan<T> {
  actorId: string | null;
  at: Date;
  changes: Change[];
  outcome: T;
}
