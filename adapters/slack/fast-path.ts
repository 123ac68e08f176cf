// The fast path for votes and declarations on Slack (docs/inbox.md, "The fast path"): which
// clicks take it, and the ack the listener calls, held until the click is on disk.
import type { ReceiverEvent } from '@slack/bolt';
import type { ActionPayload } from './translate.ts';

/** Votes and declarations: one write each, on the decisions' batched path. */
const FAST_ACTION = /^decision\.(vote|declare)([.~]|$)/;

/** A click on a vote or declaration button (not an input inside one of our modals). */
export function isFastPathClick(body: Record<string, unknown>): boolean {
  if (body.type !== 'block_actions') return false;
  if ((body.view as { type?: string } | undefined)?.type === 'modal') return false;
  const actions = body.actions as ActionPayload[] | undefined;
  return actions?.length === 1 && FAST_ACTION.test(actions[0]!.action_id ?? '');
}

type Ack = ReceiverEvent['ack'];

/**
 * The listener acknowledges first thing; here that ack is only noted (it returns at once, so the
 * listener goes on to do the work) and sent once `open` says the click is on disk, or at `finish`
 * when the work is over (nothing of it needed storing), whichever comes first.
 */
export function holdAck(send: Ack): { ack: Ack; open(): void; finish(): Promise<void> } {
  let wanted: Parameters<Ack> | null = null;
  let opened = false;
  let sent: Promise<void> | null = null;
  const flush = (): Promise<void> => {
    if (opened && wanted && !sent) sent = send(...wanted);
    return sent ?? Promise.resolve();
  };
  return {
    ack: async (...response) => {
      wanted = response;
      await flush();
    },
    open: () => {
      opened = true;
      void flush().catch(() => undefined); // a closed connection: Slack's own retry, nothing to store
    },
    finish: () => {
      opened = true;
      wanted ??= [];
      return flush();
    },
  };
}
