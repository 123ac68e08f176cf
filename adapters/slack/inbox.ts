// Slack's side of the durable inbox (docs/inbox.md). A recovered payload goes through Bolt's real
// pipeline again, with nothing left to acknowledge; replies reach the person as usual (the
// response_url stays usable for 30 minutes). After the last failed attempt the person is told in
// their direct messages. In Socket Mode (no HTTP receiver) a middleware writes each payload to
// the inbox before any listener acknowledges it.
import type { App as BoltApp } from '@slack/bolt';
import { textReply } from '../../src/domain/chat/reply.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import { NOT_DONE } from '../inbox/words.ts';
import type { InboxRunner, Replayer } from '../inbox/runner.ts';
import type { SlackParts } from './parts.ts';
import { INBOX_ITEM } from './receiver.ts';
import { inboxKey } from './translate.ts';

type Body = Record<string, unknown>;

/** Who sent a payload, for telling them it could not be done. */
function sender(body: Body): { teamId: string; userId: string } | null {
  const user = body.user as { id?: string; team_id?: string } | string | undefined;
  const team = body.team as { id?: string } | undefined;
  const event = body.event as { user?: string } | undefined;
  const teamId = team?.id ?? (typeof body.team_id === 'string' ? body.team_id : undefined) ?? undefined;
  const userId =
    (typeof user === 'object' ? user.id : undefined) ??
    (typeof body.user_id === 'string' ? body.user_id : undefined) ??
    event?.user;
  const workspace = teamId ?? (typeof user === 'object' ? user.team_id : undefined);
  return workspace && userId ? { teamId: workspace, userId } : null;
}

export function slackReplayer(bolt: BoltApp, parts: Pick<SlackParts, 'notifier'>, logger: Logger): Replayer {
  return {
    replay: (item) =>
      bolt.processEvent({
        body: JSON.parse(item.body) as Body,
        ack: async () => undefined, // acknowledged when it first arrived
        customProperties: { [INBOX_ITEM]: item.key },
      }),
    async giveUp(item) {
      const who = sender(JSON.parse(item.body) as Body);
      if (!who || !(await parts.notifier.sendToUser(who.teamId, who.userId, textReply(NOT_DONE)))) {
        logger.error('slack person not told their request failed', { platform: 'slack', code: 'E_UNDELIVERABLE' });
      }
    },
  };
}

/** Socket Mode: each payload into the inbox before a listener acknowledges it, then processed from there. */
export function inboxMiddleware(
  bolt: BoltApp,
  runner: Pick<InboxRunner, 'accept' | 'process'>,
  /** shutdown and tests wait for the work it holds */
  inFlight: Pick<SlackParts, 'inFlight'>['inFlight'],
): void {
  bolt.use(({ context, body, next, ...rest }) =>
    inFlight.run(async () => {
      if (context[INBOX_ITEM]) return next(); // the HTTP receiver, or a recovery, did it
      const key = inboxKey(body as Body);
      if (!(await runner.accept(key, 'slack', body))) {
        // a re-delivery: acknowledge it and do nothing more
        const ack = (rest as { ack?: () => Promise<void> }).ack;
        await ack?.();
        return;
      }
      context[INBOX_ITEM] = key;
      await runner.process(key, 1, next);
    }),
  );
}
