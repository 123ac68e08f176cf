// The core's reply model as an Adaptive Card (schema 1.5). Every block kind has a rendering; the
// card shows what the core sent and nothing else. Buttons and form submits are Action.Execute
// (Universal Actions) with an Action.Submit fallback; submit.ts says what they send back.
import type { Block, Button, CheckItem, Field, Form, Reply, Tone } from '../../../src/domain/chat/reply.ts';
import {
  actionExecute,
  actionSet,
  adaptiveCard,
  column,
  columnSet,
  container,
  factSet,
  inputChoiceSet,
  inputDate,
  inputNumber,
  inputText,
  inputTime,
  inputToggle,
  textBlock,
  type ActionStyle,
  type AdaptiveCard,
  type Color,
  type ContainerStyle,
  type Element,
  type Input,
} from './elements.ts';
import { actionData, formData, inputId } from './submit.ts';

// Words say what to do, not a verdict: a check's text can name a person (docs/house-style.md).
const TONE: Record<Tone, { icon: string; color: Color; style: ContainerStyle; word: string }> = {
  pass: { icon: '✔', color: 'good', style: 'good', word: 'OK' },
  fail: { icon: '!', color: 'attention', style: 'attention', word: 'To fix' },
  warn: { icon: '⚠', color: 'warning', style: 'warning', word: 'To watch' },
  info: { icon: 'ℹ', color: 'accent', style: 'emphasis', word: 'Note' },
};

const BUTTON_STYLE: Record<NonNullable<Button['style']>, ActionStyle> = { primary: 'positive', danger: 'destructive' };

export function renderCard(reply: Reply): AdaptiveCard {
  const body: Element[] = [];
  let separateNext = false;
  for (const block of reply.blocks) {
    if (block.kind === 'divider') {
      separateNext = true;
      continue;
    }
    const elements = renderBlock(block);
    const first = elements[0];
    if (separateNext && first) {
      elements[0] = { ...first, separator: true, spacing: 'medium' };
      separateNext = false;
    }
    body.push(...elements);
  }
  return adaptiveCard(body, { fallbackText: reply.summary, speak: reply.summary });
}

export function renderBlock(block: Exclude<Block, { kind: 'divider' }>): Element[] {
  switch (block.kind) {
    case 'heading':
      return [textBlock(block.text, { style: 'heading', size: 'medium', weight: 'bolder' })];
    case 'text':
      return [textBlock(block.text)];
    case 'note':
      return [textBlock(block.text, { isSubtle: true, size: 'small' })];
    case 'facts':
      return [factSet(block.facts.map((f) => ({ title: f.label, value: f.value })))];
    case 'list':
      return [container(block.items.map((item) => textBlock(`• ${item}`, { spacing: 'small' })))];
    case 'checklist':
      return [container(block.items.map(checkItem), { spacing: 'medium' })];
    case 'actions':
      return [actionSet(block.buttons.map(button))];
    case 'form':
      return [renderForm(block.form)];
  }
}

function checkItem(item: CheckItem): Element {
  const tone = TONE[item.tone];
  const lines: Element[] = [
    textBlock(`${item.title}: ${tone.word}`, { weight: 'bolder', color: tone.color }),
    textBlock(item.text, { spacing: 'none' }),
  ];
  if (item.fix) lines.push(textBlock(`**Fix:** ${item.fix}`, { spacing: 'small' }));
  for (const detail of item.details ?? [])
    lines.push(textBlock(`• ${detail}`, { isSubtle: true, size: 'small', spacing: 'none' }));
  return container(
    [
      columnSet([
        column([textBlock(tone.icon, { color: tone.color, size: 'medium', weight: 'bolder', wrap: false })], 'auto'),
        column(lines, 'stretch', 'small'),
      ]),
    ],
    { style: tone.style, spacing: 'small' },
  );
}

function button(b: Button) {
  return actionExecute(b.label, b.actionId, actionData(b.actionId, b.value), {
    style: b.style ? BUTTON_STYLE[b.style] : undefined,
    associatedInputs: 'none',
  });
}

function renderForm(form: Form): Element {
  const items: Element[] = [textBlock(form.title, { weight: 'bolder', size: 'medium' })];
  // Sent back with problems: those of the whole form on top, each field's right under its input.
  for (const problem of form.problems ?? []) items.push(textBlock(`⚠ ${problem}`, { color: 'attention' }));
  for (const field of form.fields) {
    items.push(...fieldInputs(field));
    if (field.error)
      items.push(
        textBlock(`⚠ ${field.error}`, { color: 'attention', weight: 'bolder', size: 'small', spacing: 'none' }),
      );
    if (field.hint) items.push(textBlock(field.hint, { isSubtle: true, size: 'small', spacing: 'none' }));
  }
  const submit = actionExecute(form.submitLabel, form.id, formData(form.id, form.fields, form.context), {
    style: 'positive',
    associatedInputs: 'auto',
  });
  items.push(actionSet([submit]));
  return container(items, { style: 'emphasis' });
}

function fieldInputs(field: Field): Input[] {
  const common = {
    label: field.label,
    isRequired: field.required || undefined,
    errorMessage: field.required ? `${field.label} is required.` : undefined,
  };
  const options = (field.options ?? []).map((o) => ({ title: o.label, value: o.value }));
  switch (field.type) {
    case 'text':
    case 'textarea':
      return [
        inputText(inputId(field.id), {
          ...common,
          value: field.initial,
          placeholder: field.placeholder,
          maxLength: field.maxLength,
          isMultiline: field.type === 'textarea' || undefined,
        }),
      ];
    case 'select':
      return [
        inputChoiceSet(inputId(field.id), options, {
          ...common,
          value: field.initial,
          placeholder: field.placeholder,
          style: 'compact',
        }),
      ];
    case 'multiselect':
      return [
        inputChoiceSet(inputId(field.id), options, {
          ...common,
          value: field.initial,
          isMultiSelect: true,
          style: 'expanded',
        }),
      ];
    case 'number': {
      const initial = field.initial !== undefined && field.initial.trim() !== '' ? Number(field.initial) : undefined;
      return [
        inputNumber(inputId(field.id), {
          ...common,
          value: initial !== undefined && Number.isFinite(initial) ? initial : undefined,
          placeholder: field.placeholder,
        }),
      ];
    }
    case 'checkbox':
      return [
        inputToggle(inputId(field.id), field.label, {
          ...common,
          label: undefined,
          valueOn: 'true',
          valueOff: 'false',
          value: field.initial === 'true' ? 'true' : 'false',
          wrap: true,
        }),
      ];
    case 'datetime': {
      // "2026-12-01T19:00" (the format parseSubmission returns): a date input and a time input.
      const initial = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(field.initial ?? '');
      return [
        inputDate(inputId(field.id, 'date'), { ...common, label: `${field.label} (date)`, value: initial?.[1] }),
        inputTime(inputId(field.id, 'time'), {
          ...common,
          label: `${field.label} (time)`,
          value: initial?.[2],
          errorMessage: undefined,
        }),
      ];
    }
  }
}
