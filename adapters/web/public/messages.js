// One conversation's messages (the channel, or the direct chat with the bot), in the order they
// were first posted. A message the core updates (a decision card's counts) is replaced in place.
import { el, renderReply, richText } from './render.js';
import { whenWords } from './when.js';

const initials = (name) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

function renderMessage(message, handlers) {
  const bot = message.author.type === 'bot';
  const name = bot ? 'partnership-bot' : message.author.name;
  const metaId = `${message.id}-meta`;
  const meta = el('p', { class: 'msg-meta', id: metaId }, [
    el('span', { class: 'author', text: name }),
    bot ? el('span', { class: 'app-badge', text: 'bot' }) : null,
    el('time', { datetime: message.at, text: whenWords(new Date(message.at)) }),
    message.edited ? el('span', { class: 'edited', text: '(updated)' }) : null,
    message.private ? el('span', { class: 'private-badge', text: 'Only you can see this' }) : null,
  ]);
  const body = bot
    ? renderReply(message.reply, {
        onAction: (button, element) => handlers.onAction(message, button, element),
        onOpenForm: (form, opener) => handlers.onOpenForm(message, form, opener),
      })
    : el('p', { class: 'msg-text' }, [
        message.text.startsWith('/') ? el('code', { text: message.text }) : richText(message.text),
      ]);
  const article = el(
    'article',
    { class: 'msg-card', tabindex: '-1', 'aria-labelledby': metaId, 'data-message': message.id },
    [meta, body],
  );
  return el('li', { class: `msg ${bot ? 'from-bot' : 'from-person'}${message.private ? ' is-private' : ''}` }, [
    el('span', { class: 'avatar', 'aria-hidden': 'true', text: bot ? 'pb' : initials(name) }),
    article,
  ]);
}

export class ConversationView {
  /** @param {HTMLElement} list the <ol> of this conversation */
  constructor(list) {
    this.list = list;
    /** @type {Map<string, {message: any, li: HTMLElement}>} */
    this.items = new Map();
  }

  clear() {
    this.list.replaceChildren();
    this.items.clear();
  }

  has(id) {
    return this.items.has(id);
  }

  /** Adds or replaces a message; returns its <article> and whether anything changed. */
  upsert(message, handlers) {
    const existing = this.items.get(message.id);
    if (existing && existing.message.version >= message.version)
      return { article: existing.li.querySelector('article'), changed: false };
    const li = renderMessage(message, handlers);
    if (existing) {
      existing.li.replaceWith(li);
    } else {
      let next = null;
      for (const item of this.items.values()) {
        if (item.message.seq > message.seq && (!next || item.message.seq < next.message.seq)) next = item;
      }
      this.list.insertBefore(li, next ? next.li : null);
    }
    this.items.set(message.id, { message, li });
    return { article: li.querySelector('article'), changed: true };
  }
}
