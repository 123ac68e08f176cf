// What the services announce after a change has committed. The chat layer subscribes (one
// subscriber per event type, src/bot/notifications) and renders and sends; a service never words
// or sends a message itself. Every event carries ids and state, never rendered text.
import type { Conversation } from '../domain/chat/inbound.ts';
import type { Concern } from '../domain/concerns.ts';
import type { ReminderTarget } from '../domain/decisions/lifecycle.ts';
import type { Policy, ReminderKind } from '../domain/policies.ts';
import type { DecisionState } from '../domain/decisions/types.ts';
import type { ReviewStatus } from '../domain/review/status.ts';
import type { Roster } from '../domain/roster.ts';
import type { MessageRef } from './ports/index.ts';

/**
 * Each feature declares its events here, as a member of this map: the key is the event's type.
 * Example: `DecisionOpened: { state: DecisionState; roster: Roster; conversation: Conversation }`.
 */
export interface EventMap {
  // Decisions (src/services/decisions; said and sent by src/bot/notifications/decisions.ts).
  /** a decision was put: its card goes to `conversation` (Delivery.posted, or postFailed) */
  DecisionOpened: { state: DecisionState; roster: Roster; conversation: Conversation };
  /** the eligible are asked to declare, the recused and the excluded told why (Delivery: the eligible reached or not) */
  DeclarationsRequested: { state: DecisionState; roster: Roster };
  /** too few eligible members remain for the quorum: the chair(s) are warned */
  QuorumLost: { state: DecisionState; roster: Roster };
  /** the counts changed: the card is refreshed, after the person's answer when work runs in the background */
  DeclarationRecorded: { decisionId: string; roster: Roster };
  VoteRecorded: { decisionId: string; roster: Roster };
  /** a recusal the roster now requires was recorded on a refused vote */
  RecusalRecorded: { decisionId: string; roster: Roster };
  /** the closing time or the ballot changed: the card is refreshed */
  DecisionAmended: { decisionId: string; roster: Roster };
  /** the card shows the result; the chair(s) are told */
  DecisionClosed: { state: DecisionState; roster: Roster };
  /** once per decision, before it closes (Delivery.reached: who got their reminder) */
  RemindersDue: { state: DecisionState; targets: ReminderTarget[] };
  /**
   * people joined (or gained a vote) or left while the decision is open: the joiners are asked to
   * declare (and vote) or told why they take no part; the card's counts change
   */
  DecisionRosterChanged: { state: DecisionState; roster: Roster; joined: string[]; left: string[] };
  /** the chair shared the conflicts log with `conversation` (Delivery.posted, or nothing to post through) */
  ConflictsLogShared: { state: DecisionState; roster: Roster; sharedBy: string; conversation: Conversation | null };

  // Review (src/services/review; said and sent by src/bot/notifications/review.ts).
  /** the review season opened: the rep or the chair (`recipientId`) is told where the review stands */
  ReviewSeasonOpened: { roster: Roster; status: ReviewStatus; recipientId: string; sendKey: string };
  /** a nudge slot came with something outstanding: the rep (or the chair) is told what */
  ReviewNudgeDue: { roster: Roster; status: ReviewStatus; recipientId: string; sendKey: string };
  /** a member is asked to confirm their membership (`reminder` 0) or reminded (1, 2) */
  MembershipConfirmationRequested: {
    roster: Roster;
    recipientId: string;
    year: number;
    reminder: number;
    deadline: Date;
    sendKey: string;
  };
  /** a member said they are no longer a member: the rep (or the chair) in `recipientIds` is told */
  MemberLeft: { roster: Roster; personId: string; year: number; recipientIds: string[] };

  // Policies and concerns (src/services/policies, src/services/concerns.ts; said and sent by
  // src/bot/notifications/policies.ts). Always private.
  /** a policy's review is a month away, or today: the chair or the rep (`recipientId`) is told */
  PolicyReviewDue: { roster: Roster; policy: Policy; reminder: ReminderKind; recipientId: string; sendKey: string };
  /** a concern was raised: only its reviewer is told, with what it says */
  ConcernRaised: { roster: Roster; concern: Concern; reviewerId: string };
  /** the reviewer closed a concern: the person who raised it is told the outcome */
  ConcernClosed: { roster: Roster; concern: Concern };
}

export type EventType = keyof EventMap;
export type ServiceEvent = { [K in EventType]: { type: K } & EventMap[K] }[EventType];

/** What became of an event's messages, for the service's answer or its exactly-once bookkeeping. */
export interface Delivery {
  /** people reached privately */
  reached: string[];
  /** people who could not be reached privately (not linked, or the platform refused) */
  unreachable: string[];
  /** the channel message posted, when the event posts one */
  posted: MessageRef | null;
  /** true when a platform was there but refused the channel message */
  postFailed: boolean;
}

export const NOTHING_DELIVERED: Delivery = Object.freeze({
  reached: [],
  unreachable: [],
  posted: null,
  postFailed: false,
}) as Delivery;

/** The port the services emit through. */
export interface Events {
  emit<K extends EventType>(type: K, event: EventMap[K]): Promise<Delivery>;
}

export type Subscriber<K extends EventType> = (event: EventMap[K]) => Promise<Delivery>;

/**
 * One bus per app instance. An event nobody subscribes to (the CLI, a test of a service alone)
 * delivers nothing. A subscriber's failure is the subscriber's to log: the change is committed.
 */
export class EventBus implements Events {
  /** keyed by type: `on` pairs each type with its own subscriber, so the read below is sound */
  private readonly subscribers = new Map<EventType, (event: never) => Promise<Delivery>>();

  on<K extends EventType>(type: K, subscriber: Subscriber<K>): this {
    if (this.subscribers.has(type)) throw new Error(`${String(type)} already has a subscriber`);
    this.subscribers.set(type, subscriber);
    return this;
  }

  emit<K extends EventType>(type: K, event: EventMap[K]): Promise<Delivery> {
    const subscriber = this.subscribers.get(type) as Subscriber<K> | undefined;
    return subscriber ? subscriber(event) : Promise.resolve({ ...NOTHING_DELIVERED, reached: [], unreachable: [] });
  }
}
