// Teams' side of the durable inbox (docs/inbox.md). Each activity is written with the core's
// Request it became (conversation, speaker, what they did), so a process taking it over after a
// crash needs nothing from Teams to act on it: it asks the core again and sends the answer as a
// new message (the original turn's reply is gone), private answers in the person's personal chat.
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Bot } from '../../src/bot/bot.ts';
import type { Request } from '../../src/domain/chat/inbound.ts';
import { textReply } from '../../src/domain/chat/reply.ts';
import type { Logger, Notifier, PlatformNotifier } from '../../src/services/ports/index.ts';
import { NOT_DONE } from '../inbox/words.ts';
import type { Replayer } from '../inbox/runner.ts';

/** Said when the first attempt failed before anything was stored: the inbox tries again shortly. */
export const STILL_WORKING =
  'I could not finish that just now, so I will try again in a moment and send you the answer here. There is no need to do it again.';

export interface StoredTeamsRequest {
  request: Request;
}

/** Teams re-delivers an activity it thinks timed out with the same id, in the same conversation. */
export function inboxKey(activity: Partial<Activity>): string {
  const id =
    activity.id ??
    createHash('sha256')
      .update(JSON.stringify([activity.from?.id, activity.timestamp, activity.text, activity.value]))
      .digest('base64url')
      .slice(0, 32);
  return `teams:${activity.conversation?.id ?? ''}:${id}`;
}

export function teamsReplayer(
  bot: Pick<Bot, 'handle'>,
  /** the app's notifier: what goes to a channel passes its privacy guard */
  notifier: Pick<Notifier, 'sendToConversation'>,
  teams: Pick<PlatformNotifier, 'sendToUser'>,
  logger: Logger,
): Replayer {
  const toPerson = async (request: Request, text: ReturnType<typeof textReply>) =>
    teams.sendToUser(request.speaker.workspaceId, request.speaker.userId, text);
  return {
    async replay(item) {
      const { request } = JSON.parse(item.body) as StoredTeamsRequest;
      for (const reply of await bot.handle(request)) {
        const shared = request.conversation.kind !== 'direct' && reply.visibility === 'channel';
        const sent = shared
          ? (await notifier.sendToConversation(request.conversation, reply)) !== null
          : await toPerson(request, reply);
        if (!sent) logger.warn('teams answer to a recovered request not delivered', { platform: 'teams' });
      }
    },
    async giveUp(item) {
      const { request } = JSON.parse(item.body) as StoredTeamsRequest;
      if (!(await toPerson(request, textReply(NOT_DONE))))
        logger.error('teams person not told their request failed', { platform: 'teams', code: 'E_UNDELIVERABLE' });
    },
  };
}
