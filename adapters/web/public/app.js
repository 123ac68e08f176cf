// The playground page: be a demo person, talk to the bot in the channel or a direct chat, and
// watch what the core pushes (DMs, cards updating in place). All content comes from the server.
import { call, freshId } from './api.js';
import { openFormDialog } from './form.js';
import { ConversationView } from './messages.js';
import { formsOf, richText } from './render.js';
import { initControls, showClock } from './controls.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const POLL_MS = 2000;

const state = {
  people: [],
  person: null,
  tab: 'channel',
  cursor: 0,
  unread: 0,
  views: { channel: new ConversationView($('log-channel')), direct: new ConversationView($('log-direct')) },
};

const composer = /** @type {HTMLInputElement} */ ($('composer-input'));
const dialog = /** @type {HTMLDialogElement} */ ($('form-dialog'));

function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // A fresh text node after a tick, so screen readers announce a repeat of the same words.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

function showError(text) {
  $('composer-error').textContent = text;
}

const handlers = {
  async onAction(message, button, element) {
    element.disabled = true;
    await send(
      { type: 'action', actionId: button.actionId, value: button.value },
      { conversation: message.kind, replyTo: message.id, focusReply: true },
    );
    if (element.isConnected) element.disabled = false;
  },
  onOpenForm(message, form, opener) {
    openForm(message, form, opener);
  },
};

function openForm(message, form, opener) {
  dialog.playgroundReturnFocus = null;
  openFormDialog(dialog, form, {
    opener,
    fallback: composer,
    onSubmit: async (values, context) => {
      const result = await send(
        { type: 'form', formId: form.id, values, ...(context !== undefined ? { context } : {}) },
        { conversation: message.kind, replyTo: message.id, focusReply: true, fromDialog: true },
      );
      if (!result.ok) return result.message;
      // The same form back, its problems marked: shown in this dialog, where the person is looking.
      return result.data.formAgain ? { again: result.data.formAgain } : null;
    },
  });
}

/** Shows a message (new or changed); tells screen readers about others' new messages. */
function apply(message, { announceIt }) {
  const view = state.views[message.kind];
  const isNew = !view.has(message.id);
  const { article, changed } = view.upsert(message, handlers);
  const mine = message.author.type === 'person' && message.author.personId === state.person?.id;
  if (announceIt && changed && !mine) {
    const who = message.author.type === 'bot' ? 'partnership-bot' : message.author.name;
    const what = message.reply?.summary ?? message.text ?? '';
    const where = message.kind === 'direct' ? 'Direct message from' : 'In the channel,';
    announce(`${isNew ? '' : 'Updated: '}${where} ${who}${message.private ? ' (only you can see this)' : ''}: ${what}`);
    if (message.kind !== state.tab) {
      state.unread += 1;
      showUnread();
    }
  }
  if (changed && message.kind === state.tab) scrollToEnd(message.kind);
  return article;
}

/**
 * Shows the newest message. By scroll position, never scrollIntoView: that would also move the
 * point Tab starts from. On a phone the page scrolls (not the log): only the person's own
 * answers bring the page along, so a message arriving meanwhile does not pull them away.
 */
function scrollToEnd(kind, article = null) {
  const log = $(`log-${kind}`);
  log.scrollTop = log.scrollHeight;
  if (article && log.scrollHeight <= log.clientHeight + 1) {
    const top = article.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6 || top < 0) window.scrollBy(0, top - 12);
  }
}

function showUnread() {
  const badge = $('direct-unread');
  badge.textContent = state.unread ? `${state.unread} new` : '';
  badge.hidden = state.unread === 0;
}

/** Sends what the person did; shows the core's replies; opens a form the core answered with. */
async function send(inbound, { conversation = state.tab, replyTo, focusReply = false, fromDialog = false } = {}) {
  showError('');
  const person = state.person;
  const result = await call('POST', '/send', {
    person: person.id,
    conversation,
    inbound,
    deliveryId: freshId(),
    ...(replyTo ? { replyTo } : {}),
  });
  if (!result.ok) {
    if (!fromDialog) showError(result.message);
    return result;
  }
  if (state.person !== person) return result; // switched person meanwhile: their page is reloaded
  let first = null;
  for (const message of result.data.messages) {
    const article = apply(message, { announceIt: true });
    if (!first && message.author.type === 'bot') first = article;
  }
  if (first && conversation === state.tab) scrollToEnd(conversation, first);
  // a form sent back to the open dialog is shown there (openForm's onSubmit), not opened again
  const form = result.data.formAgain ? undefined : result.data.replies.flatMap(formsOf)[0];
  const replyMessage = result.data.messages.find((m) => m.author.type === 'bot');
  if (form && replyMessage) {
    const opener = state.views[replyMessage.kind].list.querySelector(
      `[data-message="${replyMessage.id}"] button[aria-haspopup="dialog"]`,
    );
    openForm(replyMessage, form, opener);
  } else if (focusReply && first) {
    // After a click the clicked message may be gone: take the person to the answer.
    if (dialog.open) dialog.playgroundReturnFocus = first;
    else first.focus();
  }
  void refresh(); // what the core pushed elsewhere meanwhile (a card in the channel, DMs)
  return result;
}

let refreshing = null;
async function refresh({ announceIt = true } = {}) {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    const person = state.person;
    const result = await call('GET', `/inbox?person=${encodeURIComponent(person.id)}&since=${state.cursor}`);
    if (state.person !== person) return;
    if (!result.ok) {
      $('connection').textContent = result.message;
      return;
    }
    $('connection').textContent = '';
    for (const message of result.data.messages) apply(message, { announceIt });
    state.cursor = result.data.cursor;
    showClock(result.data.clock);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function selectTab(tab, { focus = false } = {}) {
  state.tab = tab;
  for (const name of ['channel', 'direct']) {
    const selected = name === tab;
    const button = $(`tab-${name}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  $('composer-label').textContent =
    tab === 'channel' ? 'Message #partnership-channel' : 'Message partnership-bot directly';
  if (tab === 'direct') {
    state.unread = 0;
    showUnread();
  }
  scrollToEnd(tab);
}

async function becomePerson(id, { announceIt = true } = {}) {
  const person = state.people.find((p) => p.id === id) ?? state.people[0];
  state.person = person;
  state.cursor = 0;
  state.unread = 0;
  showUnread();
  state.views.channel.clear();
  state.views.direct.clear();
  localStorage.setItem('playground.person', person.id);
  /** @type {HTMLSelectElement} */ ($('person')).value = person.id;
  $('person-role').textContent = describe(person);
  await refresh({ announceIt: false });
  if (announceIt) announce(`You are now ${person.name}, ${describe(person)}.`);
}

const describe = (p) =>
  `${p.role}${p.resident === undefined ? '' : p.resident ? ', lives in the area' : ', does not live in the area'}`;

function fillPeople(people) {
  const select = /** @type {HTMLSelectElement} */ ($('person'));
  const groups = { officers: 'Officers', members: 'Members', supporting: 'Supporting the partnership (not members)' };
  for (const [group, label] of Object.entries(groups)) {
    const inGroup = people.filter((p) => p.group === group);
    if (!inGroup.length) continue;
    const optgroup = document.createElement('optgroup');
    optgroup.label = label;
    for (const p of inGroup) optgroup.append(new Option(`${p.name} (${p.role})`, p.id));
    select.append(optgroup);
  }
}

function wireComposer() {
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const raw = composer.value.trim();
    if (!raw) return showError('Type a message first, for example “are we in criteria?”.');
    const command = /^\/partnership(?:\s+([\s\S]*))?$/i.exec(raw);
    if (!command && raw.startsWith('/'))
      return showError('The only command here is /partnership, for example “/partnership help”.');
    composer.value = '';
    const result = await send(
      command ? { type: 'command', text: (command[1] ?? '').trim() } : { type: 'text', text: raw },
    );
    if (!result.ok) composer.value = raw;
  });
  for (const chip of document.querySelectorAll('[data-try]')) {
    chip.addEventListener('click', () => {
      composer.value = chip.getAttribute('data-try') ?? '';
      composer.focus();
    });
  }
}

function wireTabs() {
  const order = ['channel', 'direct'];
  for (const name of order) {
    const tab = $(`tab-${name}`);
    tab.addEventListener('click', () => selectTab(name));
    tab.addEventListener('keydown', (event) => {
      const i = order.indexOf(name);
      const next = { ArrowRight: order[(i + 1) % 2], ArrowLeft: order[(i + 1) % 2], Home: order[0], End: order[1] }[
        event.key
      ];
      if (!next) return;
      event.preventDefault();
      selectTab(next, { focus: true });
    });
  }
}

async function boot() {
  const result = await call('GET', '/people');
  if (!result.ok) {
    // Nobody to be: say why and how to fix it, and leave nothing half-working on the page.
    $('fatal').replaceChildren(richText(result.message));
    $('fatal').hidden = false;
    for (const id of ['person', 'composer-input', 'run-jobs']) /** @type {HTMLInputElement} */ ($(id)).disabled = true;
    for (const button of document.querySelectorAll('#composer button, #clock-form button'))
      /** @type {HTMLButtonElement} */ (button).disabled = true;
    document.body.dataset.ready = 'true';
    return;
  }
  const { people, partnership, clock } = result.data;
  state.people = people;
  $('partnership-name').textContent = partnership.name;
  fillPeople(people);
  $('person').addEventListener(
    'change',
    (event) => void becomePerson(/** @type {HTMLSelectElement} */ (event.target).value),
  );
  wireComposer();
  wireTabs();
  initControls({ refresh: () => refresh(), clock });
  // On a phone the conversation matters most: the time tools start folded away.
  if (matchMedia('(max-width: 52rem)').matches) /** @type {HTMLDetailsElement} */ ($('time-tools')).open = false;
  showClock(clock);
  const wanted = new URLSearchParams(location.search).get('as') ?? localStorage.getItem('playground.person');
  await becomePerson(people.some((p) => p.id === wanted) ? wanted : people[0].id, { announceIt: false });
  document.body.dataset.ready = 'true';
  setInterval(() => void refresh(), POLL_MS);
}

void boot();
