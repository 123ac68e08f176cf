// A form of the reply model (src/bot/reply.ts, Form) as a modal dialog: the playground's
// counterpart of a Slack modal or a Teams card with inputs. Every field type; values go back to
// the core as strings (or lists, for multiselect) with the form's opaque context.
import { el, richText } from './render.js';

let counter = 0;

/** Field ids from the core become element ids only after this prefix, so they cannot collide. */
const idFor = (prefix, field) => `${prefix}-field-${String(field.id).replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** "2026-10-01T08:00:00.000Z" -> the browser's local "2026-10-01T09:00" for datetime-local. */
function toLocalInput(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function labelFor(field, id) {
  return el('label', { for: id, class: 'field-label' }, [
    richText(field.label),
    field.required ? el('span', { class: 'required', text: ' (required)' }) : null,
  ]);
}

function control(field, id, describedBy) {
  const common = { id, name: field.id, ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
  const req = field.required ? { required: '', 'aria-required': 'true' } : {};
  const len = field.maxLength ? { maxlength: String(field.maxLength) } : {};
  const ph = field.placeholder ? { placeholder: field.placeholder } : {};
  switch (field.type) {
    case 'textarea': {
      const t = el('textarea', { ...common, ...req, ...len, ...ph, rows: '4' });
      t.value = field.initial ?? '';
      return t;
    }
    case 'select': {
      const s = el('select', { ...common, ...req }, [
        el('option', { value: '', text: field.required ? 'Choose…' : '(none)' }),
      ]);
      for (const o of field.options ?? []) s.append(el('option', { value: o.value, text: o.label }));
      s.value = field.initial ?? '';
      return s;
    }
    case 'datetime': {
      const i = el('input', { ...common, ...req, type: 'datetime-local' });
      i.value = field.initial ? toLocalInput(field.initial) : '';
      return i;
    }
    case 'number': {
      const i = el('input', { ...common, ...req, ...ph, type: 'number', step: 'any', inputmode: 'decimal' });
      i.value = field.initial ?? '';
      return i;
    }
    default: {
      const i = el('input', { ...common, ...req, ...len, ...ph, type: 'text' });
      i.value = field.initial ?? '';
      return i;
    }
  }
}

function fieldRow(field, prefix) {
  const id = idFor(prefix, field);
  const hintId = field.hint ? `${id}-hint` : '';
  const hint = field.hint ? el('p', { class: 'hint', id: hintId }, [richText(field.hint)]) : null;
  // The form came back with a problem here: said under the field, and read out with it.
  const errorId = field.error ? `${id}-error` : '';
  const problem = field.error
    ? el('p', { class: 'field-error', id: errorId }, [
        el('span', { 'aria-hidden': 'true', text: '⚠ ' }),
        richText(field.error),
      ])
    : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  const invalid = field.error ? { 'aria-invalid': 'true' } : {};
  if (field.type === 'checkbox') {
    const box = el('input', {
      type: 'checkbox',
      id,
      name: field.id,
      ...invalid,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    });
    box.checked = field.initial === 'true';
    return el('div', { class: 'field field-checkbox', 'data-field': field.id }, [
      box,
      labelFor(field, id),
      problem,
      hint,
    ]);
  }
  if (field.type === 'multiselect') {
    const chosen = new Set(
      String(field.initial ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    const boxes = (field.options ?? []).map((o, n) => {
      const boxId = `${id}-${n}`;
      const box = el('input', { type: 'checkbox', id: boxId, name: field.id, value: o.value });
      box.checked = chosen.has(o.value);
      return el('div', { class: 'option' }, [box, el('label', { for: boxId, text: o.label })]);
    });
    return el(
      'fieldset',
      {
        class: 'field field-multi',
        'data-field': field.id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
      [
        el('legend', { class: 'field-label' }, [
          richText(field.label),
          field.required ? el('span', { class: 'required', text: ' (required)' }) : null,
        ]),
        problem,
        hint,
        ...boxes,
      ],
    );
  }
  const input = control(field, id, describedBy);
  if (field.error) input.setAttribute('aria-invalid', 'true');
  return el('div', { class: 'field', 'data-field': field.id }, [labelFor(field, id), problem, hint, input]);
}

/** The values to send, by field id; null (with a message shown) when something required is missing. */
function collect(form, formEl) {
  const values = {};
  for (const field of form.fields) {
    const row = formEl.querySelector(`[data-field="${CSS.escape(field.id)}"]`);
    if (!row) continue;
    if (field.type === 'multiselect') {
      values[field.id] = [...row.querySelectorAll('input[type=checkbox]')].filter((b) => b.checked).map((b) => b.value);
      if (field.required && values[field.id].length === 0) return { missing: field };
    } else if (field.type === 'checkbox') {
      values[field.id] = row.querySelector('input').checked ? 'true' : 'false';
    } else if (field.type === 'datetime') {
      const v = row.querySelector('input').value;
      values[field.id] = v ? new Date(v).toISOString() : '';
    } else {
      values[field.id] = row.querySelector('input, textarea, select').value;
    }
  }
  return { values };
}

/** What the core said with a form it sent back (its text blocks), and the form's own problems. */
function leadOf(reply, form) {
  const lines = (reply?.blocks ?? []).filter((b) => b.kind === 'text' || b.kind === 'note').map((b) => b.text);
  const problems = form.problems ?? [];
  if (!lines.length && !problems.length) return null;
  return el('div', { class: 'form-lead', role: 'alert' }, [
    ...lines.map((t) => el('p', {}, [richText(t)])),
    problems.length
      ? el(
          'ul',
          { class: 'form-problems' },
          problems.map((p) => el('li', {}, [richText(p)])),
        )
      : null,
  ]);
}

/**
 * Opens `form` in `dialog`. onSubmit(values) resolves to null when done (the dialog closes), to
 * a message to show in the dialog, or to `{ again: reply }` when the core sent the form back (its
 * problems marked, what was typed kept): that form replaces this one in the same dialog. `reply`:
 * the reply the form came in, whose words lead the form. Focus returns to `opener` (or
 * `fallback`) when it closes.
 */
export function openFormDialog(dialog, form, { onSubmit, opener, fallback, reply }) {
  const prefix = `f${++counter}`;
  const titleId = `${prefix}-heading`;
  const error = el('p', { class: 'form-error', role: 'alert' });
  const lead = leadOf(reply, form);
  const submit = el('button', { type: 'submit', class: 'btn btn-primary', text: form.submitLabel });
  const cancel = el('button', { type: 'button', class: 'btn btn-plain', text: 'Cancel' });
  const formEl = el('form', { class: 'dialog-form', novalidate: '' }, [
    el('h2', { id: titleId, class: 'dialog-title' }, [richText(form.title)]),
    lead,
    ...form.fields.map((f) => fieldRow(f, prefix)),
    error,
    el('div', { class: 'dialog-buttons' }, [cancel, submit]),
  ]);
  dialog.replaceChildren(formEl);
  dialog.dataset.session = prefix;
  dialog.setAttribute('aria-labelledby', titleId);
  cancel.addEventListener('click', () => dialog.close());
  // One handler per dialog, replaced by each form shown in it.
  // The page may name where focus goes next (the bot's answer); else back to where the form came from.
  dialog.onclose = () => {
    const target = [dialog.playgroundReturnFocus, opener, fallback].find((t) => t?.isConnected);
    dialog.playgroundReturnFocus = null;
    target?.focus();
  };
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!formEl.reportValidity()) return;
    const { values, missing } = collect(form, formEl);
    if (missing) {
      error.textContent = `Choose at least one option for “${missing.label}”.`;
      formEl.querySelector(`[data-field="${CSS.escape(missing.id)}"] input`)?.focus();
      return;
    }
    submit.disabled = true;
    try {
      const problem = await onSubmit(values, form.context);
      const again = problem?.again?.blocks?.find((b) => b.kind === 'form')?.form;
      if (again) {
        openFormDialog(dialog, again, { onSubmit, opener, fallback, reply: problem.again });
        return;
      }
      if (problem) error.textContent = problem;
      // The answer may have put a new form in the dialog (the core asking again): keep that open.
      else if (dialog.dataset.session === prefix) dialog.close();
    } finally {
      submit.disabled = false;
    }
  });
  if (!dialog.open) dialog.showModal();
  // Sent back with problems: straight to the first field to fix.
  const first = formEl.querySelector('[aria-invalid="true"]') ?? formEl.querySelector('input, textarea, select');
  /** @type {HTMLElement | null} */ (first)?.focus();
}
