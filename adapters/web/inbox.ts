// The playground's side of the durable inbox (docs/inbox.md): a send taken over after a crash is
// done again on the playground's bot, and its answers appear on the person's page (which polls
// for them); after the last failed attempt the page says it was not done.
import { textReply } from '../../src/domain/chat/reply.ts';
import type { PlatformNotifier } from '../../src/services/ports/index.ts';
import { NOT_DONE } from '../inbox/words.ts';
import type { Replayer } from '../inbox/runner.ts';
import type { Sandbox, StoredSend } from './api.ts';
import { findDemoPerson, type DemoContext } from './demo.ts';
import { WORKSPACE_ID } from './notifier.ts';
import { send } from './send.ts';
import type { Timeline } from './timeline.ts';

export function playgroundReplayer(deps: {
  demo: DemoContext;
  sandbox: Sandbox;
  timeline: Timeline;
  notifier: Pick<PlatformNotifier, 'sendToUser'>;
}): Replayer {
  return {
    async replay(item) {
      const { personId, input } = JSON.parse(item.body) as StoredSend;
      const person = await findDemoPerson(deps.demo, personId);
      if (person) await send(deps.sandbox, deps.timeline, person, input); // gone from the demo: nothing to do
    },
    async giveUp(item) {
      const { personId } = JSON.parse(item.body) as StoredSend;
      await deps.notifier.sendToUser(WORKSPACE_ID, personId, textReply(NOT_DONE));
    },
  };
}
