// The acknowledgement of a modal's submission. Slack closes the modal when the submission is
// acknowledged with an empty body, and opening a new modal afterwards (views.open with the
// submission's trigger id) does not work in Slack's desktop clients. So when the core answers
// a submission with the same form again (the problems to fix, what was typed kept), the answer
// goes back in the acknowledgement: `response_action: errors` when every problem is about a field
// of the submitted modal (Slack shows each under its input, the modal as the person left it),
// else `response_action: update` (the modal redrawn: a question added, a problem of the whole form).
// The submission is already in the durable inbox when this runs (docs/inbox.md), so a valid one
// is on disk before the acknowledgement closes the modal.
// Slack waits 3 seconds for the acknowledgement: a core slower than that gets the modal closed
// first, and its answer is delivered as usual.
import type { AckFn, ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Block, Form, Reply } from '../../src/domain/chat/reply.ts';
import { fieldErrors } from './render/modal.ts';

const ACK_WITHIN_MS = 2_500;

export class ModalAck {
  private done = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ack: AckFn<void> | AckFn<ViewResponseAction>,
    withinMs = ACK_WITHIN_MS,
  ) {
    this.timer = setTimeout(() => void this.close(), withinMs);
  }

  /**
   * Shows the core's answer in the modal when it is the submitted form again; returns the
   * replies still to deliver. Anything else closes the modal.
   */
  async answer(
    replies: Reply[],
    submitted: { formId: string; blockIds: ReadonlySet<string> },
    view: (form: Form, lead: Block[]) => ModalView,
  ): Promise<Reply[]> {
    const { formId } = submitted;
    const again = this.done
      ? -1
      : replies.findIndex((r) => r.blocks.some((b) => b.kind === 'form' && b.form.id === formId));
    const reply = replies[again];
    const form = reply?.blocks.find((b) => b.kind === 'form');
    if (!reply || form?.kind !== 'form') {
      await this.close();
      return replies;
    }
    const errors = fieldErrors(form.form, submitted.blockIds);
    if (errors) {
      await this.send({ response_action: 'errors', errors });
      return replies.filter((r) => r !== reply);
    }
    await this.send({
      response_action: 'update',
      view: view(
        form.form,
        reply.blocks.filter((b) => b !== form),
      ),
    });
    return replies.filter((r) => r !== reply);
  }

  /** An empty acknowledgement (the modal closes); repeat-safe. */
  close(): Promise<void> {
    return this.send(undefined);
  }

  private async send(response: ViewResponseAction | undefined): Promise<void> {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    await (this.ack as AckFn<ViewResponseAction | undefined>)(response);
  }
}
