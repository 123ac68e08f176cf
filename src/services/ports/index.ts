// Ports: the small interfaces the core needs from the outside world. Adapters implement them
// (adapters/persistence for storage, adapters/slack and adapters/teams for notifications).
import type { Roster } from '../../domain/roster.ts';
import type { CheckId } from '../../domain/criteria/index.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import type { Platform } from '../../domain/chat/inbound.ts';
import type {
  CardRef,
  Decision,
  DecisionDraft,
  DecisionState,
  DecisionStatus,
  Plan,
} from '../../domain/decisions/types.ts';
import type { SeasonState } from '../../domain/review/plan.ts';
import type { Confirmation, DecisionEvidence, ReviewRecord, Submission } from '../../domain/review/types.ts';
import type { ConcernStore, PolicyStore } from './policies.ts';
import type { RegisterStore } from './register.ts';
import type { MembershipStore } from './membership.ts';
import type { SentPrompt } from './notifier.ts';

export type * from './register.ts';
export type * from './membership.ts';
export type * from './policies.ts';
export type * from './notifier.ts';

export interface PartnershipRef {
  id: string;
  slug: string;
  name: string;
  settings: PartnershipSettings;
}

/**
 * Which partnerships a scheduled run covers. 'sandbox': the ones the server seeded for the local
 * playground (the demo partnership) while no Slack or Teams channel is bound to them; 'live': every
 * other one (Slack, Teams, the CLI); 'all': both. The playground's pretend clock reaches 'sandbox' only.
 */
export type PartnershipScope = 'all' | 'live' | 'sandbox';

export interface ImportSummary {
  partnership: PartnershipRef;
  created: boolean;
  added: string[];
  updated: string[];
  /** people no longer on the roster: their membership is ended, their records kept */
  ended: string[];
}

/**
 * What a roster file speaks for. Members keep their register of interests current in chat, and
 * officers record relationships there: a file that does not list them must not wipe them.
 */
export interface ImportScope {
  /** roster ids of the people whose interests the file lists; everyone else keeps theirs */
  interestsOf: ReadonlySet<string>;
  /** whether the file lists relationships; if not, the stored ones are kept */
  relationships: boolean;
  /** whether the file lists relatives not on the roster; if not (or absent), the stored ones are kept */
  relatives?: boolean;
}

export interface ImportOptions {
  /** a new partnership is the playground's sandbox (the demo seed); without it, an existing one stops being the sandbox */
  sandbox?: boolean;
  /** officer make-up checks the file's appointments fail, confirmed (`--confirm`): audited with the import */
  acknowledged?: readonly CheckId[];
}

export interface RosterStore {
  findPartnership(slug: string): Promise<PartnershipRef | null>;
  getPartnership(id: string): Promise<PartnershipRef | null>;
  listPartnerships(scope?: PartnershipScope): Promise<PartnershipRef[]>;
  /** Current people (membership not ended) with relationships and interests; ids are database ids. */
  loadRoster(partnershipId: string): Promise<Roster>;
  /** Create or update a partnership from a roster, all or nothing. */
  importRoster(
    slug: string,
    roster: Roster,
    actorId?: string | null,
    scope?: ImportScope,
    options?: ImportOptions,
  ): Promise<ImportSummary>;
  updateSettings(partnershipId: string, settings: PartnershipSettings, actorId: string | null): Promise<void>;
  /** The latest settings changes from the audit log, newest first. */
  settingsHistory(partnershipId: string, limit: number): Promise<SettingsAudit[]>;
}

/** One audited change of a partnership's settings: when, by whom (null: the command line or an import), before and after. */
export interface SettingsAudit {
  at: Date;
  actorName: string | null;
  /** what the change was made through: `settings.update` (chat, the command line) or `roster.import` */
  action: string;
  before: PartnershipSettings | null;
  after: PartnershipSettings;
}

export interface Binding {
  partnershipId: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

export interface LinkedPerson {
  personId: string;
  partnershipId: string;
}

export interface DirectoryStore {
  findBinding(platform: Platform, workspaceId: string, channelId: string): Promise<Binding | null>;
  /** With `audit`, its row is written in the same transaction as the binding. */
  bindChannel(binding: Binding, actorId: string, audit?: AuditEntry): Promise<void>;
  /** The workspaces (Slack teams, Teams tenants) where the partnership has a bound channel on this platform. */
  boundWorkspaces(partnershipId: string, platform: Platform): Promise<string[]>;
  findIdentity(platform: Platform, workspaceId: string, userId: string): Promise<LinkedPerson | null>;
  /** Current people with this email (case-insensitive), across partnerships. */
  findByEmail(email: string): Promise<LinkedPerson[]>;
  /** With `audit`, its row is written in the same transaction as the link. */
  linkIdentity(
    personId: string,
    platform: Platform,
    workspaceId: string,
    userId: string,
    audit?: AuditEntry,
  ): Promise<void>;
  /** Every chat account linked to the person (to reach them privately). */
  identitiesOf(personId: string): Promise<{ platform: Platform; workspaceId: string; userId: string }[]>;
}

export interface AuditEntry {
  partnershipId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export type DecisionLookup = { id: string } | { partnershipId: string; number: number };

/**
 * Decisions and everything said about them. The store never decides: `apply` reads the state in
 * one transaction, asks the core's pure `decide` what to write, and writes all of it (each change
 * with its append-only audit row) or nothing.
 */
export interface DecisionStore {
  /** Numbers the decision within its partnership and writes it with the plan's first changes (recusals). */
  create(draft: DecisionDraft, plan: Plan<unknown>): Promise<DecisionState>;
  find(lookup: DecisionLookup): Promise<DecisionState | null>;
  /** Newest first; every partnership in `scope` when `partnershipId` is null (the scheduler). */
  list(partnershipId: string | null, status?: DecisionStatus, scope?: PartnershipScope): Promise<Decision[]>;
  /** Null when there is no such decision. */
  apply<T>(
    decisionId: string,
    decide: (state: DecisionState) => Plan<T>,
  ): Promise<{ state: DecisionState; outcome: T } | null>;
  setCard(decisionId: string, card: CardRef): Promise<void>;
  /** Where private messages about the decision landed (ids only), so its close can replace them. */
  rememberPrompts(decisionId: string, sent: readonly SentPrompt[]): Promise<void>;
  /** The private messages remembered for the decision and not yet forgotten. */
  promptsOf(decisionId: string): Promise<SentPrompt[]>;
  /** Forget them once they have been replaced (or could not be). */
  forgetPrompts(decisionId: string, sent: readonly SentPrompt[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Log lines carry ids and codes, never personal data, tokens or payloads. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A scheduled send (ScheduledSend) named by its partnership and its key: the key is unique in the
 * partnership (and in practice overall: it names one of the partnership's people).
 */
export interface SendRef {
  partnershipId: string;
  key: string;
}

/** A scheduled send as recorded before it goes out. */
export interface SendReservation extends SendRef {
  kind: string;
  recipientId: string;
}

/** A recorded send taken for one more attempt, on the state the caller saw. */
export interface SendClaim extends SendRef {
  status: 'pending' | 'failed';
  attempts: number;
}

export type SendOutcome = { status: 'sent'; at: Date } | { status: 'failed'; at: Date; nextAttemptAt: Date | null };

/** Claimed sends with the outcome to record for them. */
export interface FinishedSends {
  sends: readonly SendRef[];
  outcome: SendOutcome;
}

/** The annual review: confirmations, answers, submissions, and the exactly-once record of review-season sends. */
export interface ReviewStore {
  loadRecord(partnershipId: string, year: number): Promise<ReviewRecord>;
  /** The year's decisions with their conflicts logs (counts), as evidence for the four questions. */
  decisionEvidence(partnershipId: string, year: number): Promise<DecisionEvidence[]>;
  /** Store (or replace) a member's confirmation for the year, audited, in one transaction. */
  confirmMembership(partnershipId: string, confirmation: Confirmation): Promise<void>;
  saveAnswers(
    partnershipId: string,
    year: number,
    answers: { question: string; choice: string | null; text: string }[],
    actorId: string,
    at: Date,
  ): Promise<void>;
  /**
   * Record the submission, with its audit event (`review.submit`, naming the kinds of what was
   * still open, never names), in one transaction.
   */
  saveSubmission(partnershipId: string, submission: Submission, open?: readonly string[]): Promise<void>;
  /**
   * Undo a submission: the year's submission is removed with its audit event (`review.reopen`)
   * in one transaction. Returns when it had been submitted, or null if it was not (any more).
   */
  reopenSubmission(partnershipId: string, year: number, actorId: string, at: Date): Promise<Date | null>;
  /** Whether the nudge slot of `period` (2026-W40) has been decided: a nudge recorded or the slot skipped. */
  nudgeSlotDecided(partnershipId: string, period: string): Promise<boolean>;
  /** Partnerships in a stable order, a page at a time (the sweep keeps memory flat). */
  listPartnerships(after: string | null, limit: number, scope?: PartnershipScope): Promise<PartnershipRef[]>;
  /** Everything the planner needs for these partnerships, in a few queries for the whole page (people without their interests: the review does not use them). */
  loadSeasonStates(partnerships: readonly PartnershipRef[], year: number): Promise<SeasonState[]>;
  /**
   * Record sends before they go out (pending, not claimed), or nudge slots with nothing to send
   * (skipped), with attempts 0. Returns the keys this call inserted: a key already recorded (by an
   * earlier run or another process) is left alone.
   */
  reserveSends(
    sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[],
    now: Date,
  ): Promise<Set<string>>;
  /**
   * Claim recorded sends for one attempt until `until`, by conditional updates on the state the
   * caller saw (status and attempts; a pending row only if nobody holds it: never claimed, handed
   * back, or its claim expired by `now`; a failed one only once its next attempt is due). Returns
   * the keys claimed: exactly one of several processes wins each. `finished` (the previous
   * batch's outcomes, as finishSends) is recorded first, in the same transaction: one commit.
   */
  claimSends(
    claims: readonly SendClaim[],
    now: Date,
    until: Date,
    finished?: readonly FinishedSends[],
  ): Promise<string[]>;
  /** Mark claimed sends (still pending) as sent, or failed with when to try again. */
  finishSends(sends: readonly SendRef[], outcome: SendOutcome): Promise<void>;
  /** Hand back claimed sends that were not sent (the sweep was told to stop): free at once, the attempt not counted. */
  releaseSends(sends: readonly SendRef[], until: Date): Promise<number>;
}

export interface Stores {
  rosters: RosterStore;
  directory: DirectoryStore;
  audit: AuditLog;
  decisions: DecisionStore;
  reviews: ReviewStore;
  /** register of interests, relationships, known organisations (src/services/ports/register.ts) */
  register: RegisterStore;
  /** officers' roles and signed membership forms (src/services/ports/membership.ts) */
  memberships: MembershipStore;
  /** the local policies register (src/services/policies) */
  policies: PolicyStore;
  /** concerns raised privately (src/services/concerns.ts) */
  concerns: ConcernStore;
}
