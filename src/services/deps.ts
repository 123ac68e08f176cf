// What every service operation is given: the stores, the clock, a logger, and the events port it
// announces committed changes through. Nothing in it can send a message: that is the chat layer's.
import type { Events } from './events.ts';
import type { Clock, Logger, Stores } from './ports/index.ts';

export interface ServiceDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  events: Events;
}
