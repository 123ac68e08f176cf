// Renders the core's Reply model (src/bot/reply.ts) as HTML, the way the Slack and Teams adapters
// render it as Block Kit and Adaptive Cards: every block kind, and nothing the core did not send.
// Built with DOM calls only (never innerHTML), so text from the core can never become markup.

/** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node|string|null|undefined)[]} [children] */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** Core text may carry `code` spans (command names): shown as code, everything else as text. */
export function richText(text) {
  const out = document.createDocumentFragment();
  const parts = String(text).split(/(`[^`\n]+`)/);
  for (const part of parts) {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      out.append(el('code', { text: part.slice(1, -1) }));
    else if (part) out.append(document.createTextNode(part));
  }
  return out;
}

const TONES = {
  pass: { icon: '✓', label: 'OK' },
  fail: { icon: '!', label: 'To fix' },
  warn: { icon: '⚠', label: 'To watch' },
  info: { icon: 'i', label: 'Information' },
};

function checklist(items) {
  return el(
    'ul',
    { class: 'checklist' },
    items.map((item) => {
      const tone = TONES[item.tone] ?? TONES.info;
      return el('li', { class: `check tone-${item.tone in TONES ? item.tone : 'info'}` }, [
        el('span', { class: 'tone-icon', 'aria-hidden': 'true', text: tone.icon }),
        el('div', { class: 'check-body' }, [
          el('p', { class: 'check-title' }, [
            el('span', { class: 'visually-hidden', text: `${tone.label}: ` }),
            el('strong', {}, [richText(item.title)]),
          ]),
          el('p', { class: 'check-text' }, [richText(item.text)]),
          item.fix
            ? el('p', { class: 'check-fix' }, [el('strong', { text: 'What would fix it: ' }), richText(item.fix)])
            : null,
          item.details?.length
            ? el(
                'ul',
                { class: 'check-details', 'aria-label': `Details: ${item.title}` },
                item.details.map((d) => el('li', {}, [richText(d)])),
              )
            : null,
        ]),
      ]);
    }),
  );
}

function facts(list) {
  return el(
    'dl',
    { class: 'facts' },
    list.map((f) =>
      el('div', { class: 'fact' }, [el('dt', {}, [richText(f.label)]), el('dd', {}, [richText(f.value)])]),
    ),
  );
}

function actions(buttons, options) {
  return el(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    buttons.map((b) => {
      const button = el('button', {
        type: 'button',
        class: `btn ${b.style === 'primary' ? 'btn-primary' : b.style === 'danger' ? 'btn-danger' : 'btn-plain'}`,
        text: b.label,
      });
      button.addEventListener('click', () => options.onAction(b, button));
      return button;
    }),
  );
}

function formCard(form, options) {
  const open = el('button', {
    type: 'button',
    class: 'btn btn-primary',
    'aria-haspopup': 'dialog',
    text: `${form.title}…`,
  });
  open.addEventListener('click', () => options.onOpenForm(form, open));
  return el('div', { class: 'form-card' }, [
    el('p', { class: 'form-card-title' }, [el('strong', {}, [richText(form.title)])]),
    el('p', { class: 'form-card-fields' }, [richText(form.fields.map((f) => f.label).join(' · '))]),
    open,
  ]);
}

function attachment(file) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  return el('p', { class: 'attachment' }, [
    el('a', { href: url, download: file.filename, text: `Download ${file.filename}` }),
  ]);
}

/**
 * One block as HTML. A kind this renderer does not know yields null: the caller then shows the
 * reply's summary (which the core always sends) rather than inventing anything.
 */
export function renderBlock(block, options) {
  switch (block.kind) {
    case 'heading':
      return el('h3', { class: 'block-heading' }, [richText(block.text)]);
    case 'text':
      return el('p', { class: 'block-text' }, [richText(block.text)]);
    case 'facts':
      return facts(block.facts);
    case 'checklist':
      return checklist(block.items);
    case 'list':
      return el(
        'ul',
        { class: 'block-list' },
        block.items.map((i) => el('li', {}, [richText(i)])),
      );
    case 'actions':
      return actions(block.buttons, options);
    case 'form':
      return formCard(block.form, options);
    case 'note':
      return el('p', { class: 'block-note' }, [richText(block.text)]);
    case 'divider':
      return el('hr', { class: 'block-divider' });
    default:
      return null;
  }
}

/**
 * A whole reply. options.onAction(button, element) for buttons; options.onOpenForm(form, opener)
 * for forms.
 */
export function renderReply(reply, options) {
  const body = el('div', { class: 'reply' });
  let unknown = false;
  for (const block of reply.blocks ?? []) {
    const node = renderBlock(block, options);
    if (node) body.append(node);
    else unknown = true;
  }
  if (unknown || body.childElementCount === 0)
    body.prepend(el('p', { class: 'block-text' }, [richText(reply.summary)]));
  if (reply.attachment) body.append(attachment(reply.attachment));
  return body;
}

/** The forms in a reply, in order (a reply to a click that carries a form opens it at once). */
export const formsOf = (reply) => (reply.blocks ?? []).filter((b) => b.kind === 'form').map((b) => b.form);
