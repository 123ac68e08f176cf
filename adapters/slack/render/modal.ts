// A core form as a Slack modal, and a submitted modal's state back as the core's form values.
// The modal carries the form id as its callback_id and, in private_metadata, the core's opaque
// context plus where the form was opened (so replies go back to that conversation).
import type { InputBlock, InputBlockElement, KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import type { Conversation } from '../../../src/domain/chat/inbound.ts';
import type { Field, Form } from '../../../src/domain/chat/reply.ts';
import { LIMITS, escapeMrkdwn, truncate } from './text.ts';

export interface FormOrigin {
  channelId?: string | undefined;
  kind?: Conversation['kind'] | undefined;
}

interface Metadata {
  /** the core's context */
  c?: string;
  ch?: string;
  k?: Conversation['kind'];
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });

const option = (o: { value: string; label: string }): PlainTextOption => ({
  text: plain(o.label, LIMITS.optionText),
  value: o.value.slice(0, LIMITS.optionValue),
});

function element(field: Field): InputBlockElement {
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, LIMITS.placeholder) } : {};
  const options = (field.options ?? []).slice(0, LIMITS.options).map(option);
  const initial = field.initial;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return {
        type: 'plain_text_input',
        action_id: field.id,
        multiline: field.type === 'textarea',
        ...placeholder,
        ...(initial ? { initial_value: initial } : {}),
        ...(field.maxLength ? { max_length: Math.min(field.maxLength, 3000) } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: field.id,
        is_decimal_allowed: true,
        ...placeholder,
        ...(initial ? { initial_value: initial } : {}),
      };
    case 'select': {
      const chosen = options.find((o) => o.value === initial);
      return {
        type: 'static_select',
        action_id: field.id,
        options,
        ...placeholder,
        ...(chosen ? { initial_option: chosen } : {}),
      };
    }
    case 'multiselect': {
      const wanted = new Set((initial ?? '').split(',').map((s) => s.trim()));
      const chosen = options.filter((o) => wanted.has(o.value ?? ''));
      return {
        type: 'multi_static_select',
        action_id: field.id,
        options,
        ...placeholder,
        ...(chosen.length ? { initial_options: chosen } : {}),
      };
    }
    case 'datetime': {
      const ms = initial ? Date.parse(initial) : Number.NaN;
      return {
        type: 'datetimepicker',
        action_id: field.id,
        ...(Number.isNaN(ms) ? {} : { initial_date_time: Math.floor(ms / 1000) }),
      };
    }
    case 'checkbox': {
      const yes: Option = option({ value: 'true', label: 'Yes' });
      return {
        type: 'checkboxes',
        action_id: field.id,
        options: [yes],
        ...(initial === 'true' ? { initial_options: [yes] } : {}),
      };
    }
  }
}

function input(field: Field): InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, LIMITS.inputLabel),
    optional: !field.required,
    element: element(field),
    ...(field.hint ? { hint: plain(field.hint, LIMITS.inputLabel) } : {}),
  };
}

/** A field's problem, right under its input (when the modal is redrawn rather than marked in place). */
const fieldError = (error: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(`:warning: *${escapeMrkdwn(error)}*`, LIMITS.sectionText) }],
});

/** The form's problems that are about no one field, above the fields. */
const formProblems = (problems: string[]): KnownBlock[] =>
  problems.map((p) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(`:warning: ${escapeMrkdwn(p)}`, LIMITS.sectionText) },
  }));

/** Slack allows 24 characters in a modal's title: a longer one is cut at a word and shown in full inside. */
function titles(title: string): { title: string; header: KnownBlock[] } {
  if ([...title].length <= LIMITS.modalTitle) return { title, header: [] };
  const cut = title.slice(0, LIMITS.modalTitle - 1);
  const space = cut.lastIndexOf(' ');
  const short = `${(space > LIMITS.modalTitle / 2 ? cut.slice(0, space) : cut).replace(/[\s:,;.-]+$/, '')}…`;
  return { title: short, header: [{ type: 'header', text: plain(title, LIMITS.headerText) }] };
}

/** `lead`: blocks shown above the inputs (what to fix, when the form comes back). */
export function formView(form: Form, origin: FormOrigin = {}, lead: KnownBlock[] = []): ModalView {
  const metadata: Metadata = {
    ...(form.context !== undefined ? { c: form.context.slice(0, 2500) } : {}),
    ...(origin.channelId ? { ch: origin.channelId } : {}),
    ...(origin.kind ? { k: origin.kind } : {}),
  };
  const { title, header } = titles(form.title);
  const top = [...header, ...lead, ...formProblems(form.problems ?? [])];
  const inputs = form.fields.flatMap((f): KnownBlock[] => (f.error ? [input(f), fieldError(f.error)] : [input(f)]));
  let blocks: KnownBlock[] = [...top, ...inputs];
  if (blocks.length > LIMITS.viewBlocks) {
    const left = blocks.length - LIMITS.viewBlocks + 1;
    blocks = [
      ...blocks.slice(0, LIMITS.viewBlocks - 1),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `_${left} more parts of this form did not fit in a Slack dialog._` }],
      },
    ];
  }
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(title, LIMITS.modalTitle),
    submit: plain(form.submitLabel, LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function readMetadata(privateMetadata: string | undefined): { context?: string; origin: FormOrigin } {
  try {
    const m = JSON.parse(privateMetadata || '{}') as Metadata;
    return { ...(typeof m.c === 'string' ? { context: m.c } : {}), origin: { channelId: m.ch, kind: m.k } };
  } catch {
    return { origin: {} };
  }
}

/**
 * `response_action: errors` for a form sent back with problems on its fields: Slack shows each
 * under its input, in the modal as the person left it. Null when that cannot show everything (a
 * problem of the whole form, or a field the submitted modal does not have: then it is redrawn).
 */
export function fieldErrors(form: Form, submittedBlockIds: ReadonlySet<string>): Record<string, string> | null {
  if (form.problems?.length) return null;
  if (!form.fields.every((f) => submittedBlockIds.has(f.id))) return null;
  const errors: Record<string, string> = {};
  for (const f of form.fields) if (f.error) errors[f.id] = truncate(f.error, LIMITS.field);
  return Object.keys(errors).length ? errors : null;
}

/** What Slack reports for one input (only the properties we read). */
export interface StateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date_time?: number | null;
  selected_date?: string | null;
  selected_time?: string | null;
}

function valueOf(v: StateValue): string | string[] {
  if (v.type === 'multi_static_select') return (v.selected_options ?? []).map((o) => o.value);
  if (v.type === 'checkboxes') return (v.selected_options ?? []).length ? 'true' : 'false';
  if (v.type === 'datetimepicker')
    return v.selected_date_time ? new Date(v.selected_date_time * 1000).toISOString() : '';
  return v.value ?? v.selected_option?.value ?? v.selected_date ?? v.selected_time ?? '';
}

/** view.state.values (block id -> action id -> value) as the core's values (field id -> value). */
export function formValues(values: Record<string, Record<string, StateValue>>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const byAction of Object.values(values)) {
    for (const [actionId, v] of Object.entries(byAction)) out[actionId] = valueOf(v);
  }
  return out;
}
