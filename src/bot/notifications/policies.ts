// Policy review reminders and concerns, from the services' events: each goes privately to one
// person (the chair or the rep; a concern's reviewer; the person who raised it). Nothing of a
// concern is logged beyond its id.
import type { Reply } from '../../domain/chat/reply.ts';
import type { Delivery, EventBus } from '../../services/events.ts';
import { NOTHING_DELIVERED } from '../../services/events.ts';
import type { Logger, Notifier } from '../../services/ports/index.ts';
import { concernClosedMessage, reviewerMessage } from '../views/concerns.ts';
import { policyReminder } from '../views/policies.ts';

export interface PolicyNotificationDeps {
  logger: Logger;
  notifier?: Notifier | undefined;
}

export function subscribePolicies(bus: EventBus, deps: PolicyNotificationDeps): void {
  const deliver = async (personId: string, reply: Reply, log: Record<string, unknown>): Promise<Delivery> => {
    const delivery: Delivery = { ...NOTHING_DELIVERED, reached: [], unreachable: [] };
    let reached = false;
    if (deps.notifier) {
      try {
        reached = await deps.notifier.sendToPerson(personId, reply);
      } catch (error) {
        deps.logger.warn('private message failed', { ...log, code: (error as { code?: string }).code });
      }
    }
    (reached ? delivery.reached : delivery.unreachable).push(personId);
    return delivery;
  };

  bus.on('PolicyReviewDue', ({ roster, policy, reminder, recipientId, sendKey }) =>
    deliver(recipientId, policyReminder(roster.partnership.name, policy, reminder), { key: sendKey }),
  );
  bus.on('ConcernRaised', ({ roster, concern, reviewerId }) =>
    deliver(reviewerId, reviewerMessage(concern, roster), { concernId: concern.id }),
  );
  bus.on('ConcernClosed', ({ roster, concern }) =>
    concern.raisedById
      ? deliver(concern.raisedById, concernClosedMessage(concern, roster), { concernId: concern.id })
      : Promise.resolve({ ...NOTHING_DELIVERED, reached: [], unreachable: [] }),
  );
}
