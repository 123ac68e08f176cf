// Forms the core sent where Slack gives no trigger id (a mention, a notification): the message
// shows a button, and the click (which has a trigger id) opens the form. Kept in memory for an
// hour; an older button explains that the form has expired.
import { randomUUID } from 'node:crypto';
import type { Button as SlackButton } from '@slack/types';
import type { Form } from '../../src/domain/chat/reply.ts';
import { slackButton } from './render/blocks.ts';
import type { FormOrigin } from './render/modal.ts';

export const OPEN_FORM_ACTION = 'slack.form.open';
const TTL_MS = 60 * 60_000;
const MAX_FORMS = 1_000;

export class PendingForms {
  private readonly forms = new Map<string, { form: Form; origin: FormOrigin; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  button(form: Form, origin: FormOrigin): SlackButton {
    this.prune();
    const id = randomUUID();
    this.forms.set(id, { form, origin, expires: this.now() + TTL_MS });
    return slackButton({ actionId: OPEN_FORM_ACTION, label: `Open: ${form.title}`, value: id, style: 'primary' });
  }

  get(id: string): { form: Form; origin: FormOrigin } | undefined {
    const entry = this.forms.get(id);
    return entry && entry.expires > this.now() ? entry : undefined;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, entry] of this.forms) if (entry.expires <= now) this.forms.delete(id);
    while (this.forms.size >= MAX_FORMS) this.forms.delete(this.forms.keys().next().value!);
  }
}
