// What every Slack listener shares: acknowledge at once (the receiver has already written the
// payload to the durable inbox, which also makes a re-sent delivery run once), then turn the
// payload into the core's Request, let the core answer and deliver the replies. No governance
// decisions here: the core decides what to say and who may see it.
import type { Bot } from '../../../src/bot/bot.ts';
import type { Inbound } from '../../../src/domain/chat/inbound.ts';
import { textReply } from '../../../src/domain/chat/reply.ts';
import type { Logger, Stores } from '../../../src/services/ports/index.ts';
import { isAlreadyDone } from '../../persistence/inbox-scope.ts';
import { mayRetryLater } from '../../inbox/runner.ts';
import { isTransientSlackError, slackErrorCode } from '../api.ts';
import type { Origin } from '../deliver.ts';
import type { SlackParts } from '../parts.ts';

const code = (error: unknown): string => (error as { code?: unknown }).code?.toString() ?? 'E_PROCESSING';

const SORRY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';

/** What the listeners need from the app, and the Slack adapter's own pieces. */
export interface ListenerDeps {
  bot: Pick<Bot, 'handle'>;
  /** a newly bound channel links the roster's people by email */
  stores: Pick<Stores, 'directory' | 'rosters'>;
  logger: Logger;
  slack: SlackParts;
}

export interface ListenerContext extends ListenerDeps {
  /**
   * Runs `work`; when it fails the person is told and the log gets a code. A failure before
   * anything was stored (a database error, a bug) is instead left to the inbox, which tries it
   * again shortly and tells the person only if the last attempt fails too.
   */
  guard(kind: string, origin: Origin, work: () => Promise<void>): Promise<void>;
  /** The core's answer to what the person did, delivered where they did it. */
  answer(origin: Origin, teamId: string, inbound: Inbound): Promise<void>;
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

  const guard: ListenerContext['guard'] = (kind, origin, work) =>
    s.inFlight.run(async () => {
      try {
        await work();
      } catch (error) {
        if (isAlreadyDone(error)) throw error; // another process did it: nothing to say
        // Slack refused (not a rate limit or an outage): trying again would not help
        const fromSlack = code(error).startsWith('slack_') && !isTransientSlackError(error);
        if (!fromSlack && mayRetryLater()) {
          logger.warn('slack request failed; it will be tried again', { platform: 'slack', kind, code: code(error) });
          throw error;
        }
        logger.error('slack request failed', { platform: 'slack', kind, code: slackErrorCode(error) });
        await apologise(origin, failure(error));
      }
    });

  const answer: ListenerContext['answer'] = async (origin, teamId, inbound) => {
    const speaker = await s.users.speaker(teamId, origin.userId);
    const replies = await deps.bot.handle({ conversation: origin.conversation, speaker, inbound });
    await s.delivery.deliver(replies, origin);
  };

  return { ...deps, guard, answer };
}
