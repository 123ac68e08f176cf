// The platform-neutral reply model. The core says what to show; each adapter (Slack Block Kit,
// Teams Adaptive Cards, the web playground) renders it. Nothing is shown on a platform that the
// core did not put here.

export type Tone = 'pass' | 'fail' | 'warn' | 'info';

export interface Button {
  /** Routes the click back to the core (see src/bot/actions). */
  actionId: string;
  label: string;
  /** Ids only, never rendered text: the core re-checks everything it is given. */
  value: string;
  style?: 'primary' | 'danger';
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface Field {
  id: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'multiselect' | 'datetime' | 'number' | 'checkbox';
  required?: boolean;
  options?: FieldOption[];
  initial?: string;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  /** What is wrong with what was typed here and how to fix it (the form came back with problems). */
  error?: string;
}

/** A form: a Slack modal, a Teams card with inputs, an HTML form in the playground. */
export interface Form {
  /** Routes the submission back to the core (see src/bot/forms). */
  id: string;
  title: string;
  submitLabel: string;
  fields: Field[];
  /** Opaque value returned with the submission (for example a decision id). */
  context?: string;
  /** Problems of the whole form, not of one field (shown above the fields). */
  problems?: string[];
}

export interface CheckItem {
  tone: Tone;
  title: string;
  text: string;
  /** What would fix it. */
  fix?: string;
  /** Sensitive lines: only present when the viewer may see them in this place. */
  details?: string[];
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'facts'; facts: { label: string; value: string }[] }
  | { kind: 'checklist'; items: CheckItem[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'actions'; buttons: Button[] }
  | { kind: 'form'; form: Form }
  | { kind: 'note'; text: string }
  | { kind: 'divider' };

export interface Reply {
  /** Plain text of the whole reply: notifications, screen readers, fallbacks. */
  summary: string;
  blocks: Block[];
  /** `private`: only the person who asked sees it. `channel`: everyone in the conversation. */
  visibility: 'private' | 'channel';
  /** Replace the message whose button was clicked, rather than adding a new one. */
  replaceOriginal?: boolean;
  /** A file to offer for download (review export, decision record). */
  attachment?: { filename: string; mimeType: string; content: string };
}

export const reply = (summary: string, blocks: Block[], visibility: Reply['visibility'] = 'private'): Reply => ({
  summary,
  blocks,
  visibility,
});

export const textReply = (text: string, visibility: Reply['visibility'] = 'private'): Reply =>
  reply(text, [{ kind: 'text', text }], visibility);

/** Every line of plain text in a reply, for searching in tests and for the privacy guard. */
export function replyText(r: Reply): string {
  const lines = [r.summary];
  for (const b of r.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'text':
      case 'note':
        lines.push(b.text);
        break;
      case 'facts':
        for (const f of b.facts) lines.push(`${f.label}: ${f.value}`);
        break;
      case 'checklist':
        for (const i of b.items) lines.push(i.title, i.text, i.fix ?? '', ...(i.details ?? []));
        break;
      case 'list':
        lines.push(...b.items);
        break;
      case 'actions':
        for (const btn of b.buttons) lines.push(btn.label);
        break;
      case 'form':
        lines.push(
          b.form.title,
          ...(b.form.problems ?? []),
          ...b.form.fields.flatMap((f) => (f.error ? [f.label, f.error] : [f.label])),
        );
        break;
      case 'divider':
        break;
    }
  }
  return lines.filter(Boolean).join('\n');
}
