// What every Slack listener shares: acknowledge at once, then (once per delivery, whatever Slack
// re-sends) turn the payload into the core's Request, let the core answer and deliver the
// replies. No governance decisions here: the core decides what to say and who may see it.
import type { Bot } from '../../../src/bot/bot.ts';
import type { Inbound } from '../../../src/domain/chat/inbound.ts';
import { textReply } from '../../../src/domain/chat/reply.ts';
import type { Logger, Stores } from '../../../src/services/ports/index.ts';
import type { DeliveryKeys } from '../../persistence/maintenance-store.ts';
import { slackErrorCode } from '../api.ts';
import type { Origin } from '../deliver.ts';
import type { SlackParts } from '../parts.ts';
import { CLAIMED } from '../receiver.ts';

const SORRY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
const UNAVAILABLE = 'Sorry, I can’t reach my records just now, so I did nothing. Please try again in a minute.';

/** What the listeners need from the app, and the Slack adapter's own pieces. */
export interface ListenerDeps {
  bot: Pick<Bot, 'handle'>;
  /** a newly bound channel links the roster's people by email */
  stores: Pick<Stores, 'directory' | 'rosters'>;
  logger: Logger;
  /** where each delivery is claimed, so a re-sent one is done once */
  deliveries: Pick<DeliveryKeys, 'claim'>;
  slack: SlackParts;
}

export interface ListenerContext extends ListenerDeps {
  /**
   * Runs `work` once per delivery key (events arrive already claimed by the receiver, `context`
   * says so); on failure the person is told, and the log gets a code. When the database cannot
   * even record the claim, nothing is done and the person is asked to try again.
   */
  once(
    key: string,
    kind: string,
    origin: Origin,
    work: () => Promise<void>,
    context?: Record<string, unknown>,
  ): Promise<void>;
  /** `recorded` runs once the core has answered (its writes committed), before the replies go out. */
  answer(origin: Origin, teamId: string, inbound: Inbound, recorded?: () => Promise<void>): Promise<void>;
}

export function listenerContext(deps: ListenerDeps): ListenerContext {
  const { logger, slack: s } = deps;

  /**
   * Tells the person something went wrong: where they asked (ephemeral, response_url), else in
   * their direct messages with the bot, else (Slack is not answering at all) the log says so.
   */
  const apologise = async (origin: Origin, text: string) => {
    try {
      return await s.delivery.deliver([textReply(text)], { ...origin, home: false, triggerId: undefined });
    } catch (error) {
      logger.warn('slack apology not delivered where asked; trying a direct message', {
        platform: 'slack',
        code: slackErrorCode(error),
      });
    }
    if (!(await s.notifier.sendToUser(origin.conversation.workspaceId, origin.userId, textReply(text)))) {
      logger.error('slack reply undeliverable', { platform: 'slack', code: 'E_UNDELIVERABLE' });
    }
  };

  /** A Slack API failure while answering is said as such: the answer was worked out but not shown. */
  const failure = (error: unknown): string =>
    (error as { code?: unknown }).code?.toString().startsWith('slack_webapi')
      ? `Sorry, I couldn’t show you my answer: Slack refused it (${slackErrorCode(error).slice(0, 60)}). Please try again in a minute, or ask me in a direct message.`
      : SORRY;

  const once: ListenerContext['once'] = (key, kind, origin, work, context = {}) =>
    s.inFlight.run(async () => {
      if (context[CLAIMED] !== key) {
        let fresh: boolean;
        try {
          fresh = await deps.deliveries.claim(key);
        } catch (error) {
          logger.error('slack request refused: database unavailable', {
            platform: 'slack',
            kind,
            code: (error as { code?: string }).code ?? 'E_DATABASE',
          });
          return apologise(origin, UNAVAILABLE);
        }
        if (!fresh) {
          logger.info('slack delivery already handled', { platform: 'slack', kind, code: 'duplicate' });
          return;
        }
      }
      try {
        await work();
      } catch (error) {
        logger.error('slack request failed', { platform: 'slack', kind, code: slackErrorCode(error) });
        await apologise(origin, failure(error));
      }
    });

  const answer: ListenerContext['answer'] = async (origin, teamId, inbound, recorded) => {
    const speaker = await s.users.speaker(teamId, origin.userId);
    const replies = await deps.bot.handle({ conversation: origin.conversation, speaker, inbound });
    await recorded?.();
    await s.delivery.deliver(replies, origin);
  };

  return { ...deps, once, answer };
}
