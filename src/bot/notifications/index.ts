// The chat layer's side of the services' events: each feature's subscribers render what happened
// with its views and send it through the notifier. One set per app instance (its card coalescer
// and background work belong to that instance, not to the process).
import type { EventBus } from '../../services/events.ts';
import type { Background } from '../../services/in-flight.ts';
import type { Logger, Notifier, Stores } from '../../services/ports/index.ts';
import { subscribeDecisions } from './decisions.ts';
import { subscribePolicies } from './policies.ts';
import { subscribeReview } from './review.ts';

export interface NotificationDeps {
  stores: Stores;
  logger: Logger;
  notifier?: Notifier | undefined;
  /** where follow-up work goes (a card refresh after a vote); without it, it is awaited */
  background?: Background | undefined;
  /** least milliseconds between two refreshes of one decision's card (0: after every change) */
  cardRefreshIntervalMs?: number | undefined;
}

/** Subscribes every feature's notices to `bus`; returns it. */
export function subscribeNotifications(bus: EventBus, deps: NotificationDeps): EventBus {
  subscribeDecisions(bus, deps);
  subscribeReview(bus, deps);
  subscribePolicies(bus, deps);
  return bus;
}
