// The review season's messages, from the services' events: the season opening and the nudges to
// the rep (or the chair), a member's request to confirm their membership, and the rep's notice
// that a member has left. Each goes privately; the Delivery tells the sweep whether it arrived,
// which its exactly-once bookkeeping records (docs/review.md).
import type { Reply } from '../../domain/chat/reply.ts';
import type { EventBus, Delivery } from '../../services/events.ts';
import { NOTHING_DELIVERED } from '../../services/events.ts';
import { confirmationRequest, memberLeftMessage, nudgeMessage, seasonOpenMessage } from '../views/review-messages.ts';
import type { Logger, Notifier } from '../../services/ports/index.ts';

/** What these notices need of the NotificationDeps (declared here: ./index.ts imports this file). */
export interface ReviewNotificationDeps {
  logger: Logger;
  notifier?: Notifier | undefined;
}

export function subscribeReview(bus: EventBus, deps: ReviewNotificationDeps): void {
  /** One private message; a platform's refusal or failure is logged and counts as not reached. */
  const send = async (personId: string, reply: Reply, log: Record<string, unknown>): Promise<boolean> => {
    if (!deps.notifier) return false;
    try {
      return await deps.notifier.sendToPerson(personId, reply);
    } catch (error) {
      deps.logger.warn('review message failed', { ...log, code: (error as { code?: string }).code });
      return false;
    }
  };
  const deliver = async (personIds: string[], reply: (id: string) => Reply | null, log: Record<string, unknown>) => {
    const delivery: Delivery = { ...NOTHING_DELIVERED, reached: [], unreachable: [] };
    for (const id of personIds) {
      const message = reply(id);
      if (message && (await send(id, message, log))) delivery.reached.push(id);
      else delivery.unreachable.push(id);
    }
    return delivery;
  };

  bus.on('ReviewSeasonOpened', ({ roster, status, recipientId, sendKey }) =>
    deliver(
      [recipientId],
      (id) => {
        const person = roster.people.find((p) => p.id === id);
        return person ? seasonOpenMessage(status, roster, person) : null;
      },
      { key: sendKey },
    ),
  );
  bus.on('ReviewNudgeDue', ({ roster, status, recipientId, sendKey }) =>
    deliver([recipientId], () => nudgeMessage(status, roster), { key: sendKey }),
  );
  bus.on('MembershipConfirmationRequested', ({ roster, recipientId, year, reminder, deadline, sendKey }) =>
    deliver(
      [recipientId],
      (id) => {
        const person = roster.people.find((p) => p.id === id);
        return person ? confirmationRequest(person, roster, year, reminder, deadline) : null;
      },
      { key: sendKey },
    ),
  );
  bus.on('MemberLeft', ({ roster, personId, year, recipientIds }) => {
    const person = roster.people.find((p) => p.id === personId);
    return deliver(recipientIds, () => (person ? memberLeftMessage(person, roster, year) : null), { personId });
  });
}
