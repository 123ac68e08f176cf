// The concern, outcome, policy, settings and review forms sent with a mistake, through Teams (the
// real CloudAdapter, the Bot Connector faked on loopback): the Action.Execute is answered with the
// card again, each problem right under its input and what was typed kept; in the person's own
// chat only (a concern's card never reaches a channel), and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.ts';
import { CHANNEL_ID, installEvent, invoke, message, post, startTeams, visibleText, type TeamsTest } from './support.ts';
import { PEOPLE as P, actionsOf, addMembers, button, personalChat, postsIn } from './decision-support.ts';
import type { TeamsUser } from './support.ts';

let t: TeamsTest;
beforeAll(async () => {
  // in the review season (September to December), so the review's forms open
  t = await startTeams({}, { clock: new FakeClock('2026-10-05T10:00:00Z') });
  addMembers(t.fake);
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

const inChannel = () => t.fake.posted.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID);

/** A card's elements in reading order (containers opened), to see what sits under an input. */
function flatten(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as Record<string, unknown>[]) {
      out.push(item);
      walk(item.items);
      walk(item.body);
      for (const c of (item.columns as { items?: unknown }[] | undefined) ?? []) walk(c.items);
    }
  };
  walk((card as { body?: unknown }).body);
  return out;
}

/** The card sent back: the problem right under an input (attention colour), and each input's value. */
function sentBack(card: unknown) {
  const body = flatten(card);
  return {
    under(id: string): string {
      const next = body[body.findIndex((e) => e.id === `field.${id}`) + 1];
      return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : '';
    },
    value: (id: string): unknown => body.find((e) => e.id === `field.${id}`)?.value,
    text: JSON.stringify(card),
  };
}

/** Asks for a form in the person's personal chat; its submit button. */
async function formFor(u: TeamsUser, text: string, submitLabel: string) {
  expect((await post(t, message(t.fake, { from: u, text }))).status).toBe(200);
  return button(postsIn(t.fake, personalChat(u)).at(-1), submitLabel);
}

/** Sends a form's card with these inputs (`field.<id>`), as Teams does; the refreshed card. */
async function send(
  u: TeamsUser,
  submit: { verb: string; data: Record<string, unknown> },
  typed: Record<string, string>,
) {
  const inputs = Object.fromEntries(Object.entries(typed).map(([id, v]) => [`field.${id}`, v]));
  const res = await post(t, invoke(t.fake, submit.verb, { ...submit.data, ...inputs }, { from: u }));
  await t.app.background.settled();
  expect(res.status).toBe(200);
  expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return sentBack(res.body.value);
}

const SECRET = 'The treasurer paid his cousin’s firm without a quote';

describe('forms sent back in Teams, each problem under its input', () => {
  it('a concern without its kind: the problem under “Kind of concern”, what was written kept, in her chat only', async () => {
    const submit = await formFor(P.rosa, 'concern', 'Send privately');
    const card = await send(P.rosa, submit, { kind: '', about: '', text: SECRET });
    expect(card.text).toContain('Your concern was not sent.');
    expect(card.under('kind')).toMatch(/Choose one of "code-of-conduct"/);
    expect(card.under('text')).toBe('');
    expect(card.value('text')).toBe(SECRET);
    expect(await t.app.database.db.concern.count()).toBe(0);
    expect(visibleText(inChannel())).not.toMatch(/cousin|concern/i);
    for (const u of Object.values(P).filter((u) => u !== P.rosa))
      expect(visibleText(postsIn(t.fake, personalChat(u))), u.name).not.toContain('cousin');
  });

  it('closing a concern with an outcome too long: the problem under “Outcome”, the outcome kept; still open', async () => {
    const raise = await formFor(P.rosa, 'concern', 'Send privately');
    const inputs = { 'field.kind': 'misuse-of-funds', 'field.about': '', 'field.text': SECRET };
    await post(t, invoke(t.fake, raise.verb, { ...raise.data, ...inputs }, { from: P.rosa }));
    await t.app.background.settled();
    expect((await t.app.database.db.concern.findFirst())!.status).toBe('open');
    const close = button(postsIn(t.fake, personalChat(P.sam)).at(-1), 'Record the outcome and close');
    const opened = await post(t, invoke(t.fake, close.verb, close.data, { from: P.sam }));
    const submit = actionsOf(opened.body.value).find((a) => a.title === 'Close the concern')!;
    const long = 'Spoke to both. '.repeat(210);
    const card = await send(P.sam, submit, { outcome: long });
    expect(card.under('outcome')).toBe('⚠ Shorten it to at most 3000 characters');
    expect(card.value('outcome')).toBe(long);
    expect((await t.app.database.db.concern.findFirst())!.status).toBe('open');
    expect(visibleText(inChannel())).not.toMatch(/Spoke to both|concern/i);
  });

  it('a policy with a date that is not one: the problem under “Adopted on”, the name typed kept', async () => {
    const submit = await formFor(P.margaret, 'policies add', 'Save');
    const card = await send(P.margaret, submit, {
      kind: 'code-of-conduct',
      name: 'Our code of conduct',
      adoptedOn: '31/02/2025',
      reviewOn: '',
      link: '',
    });
    expect(card.text).toContain('The policy was not saved.');
    expect(card.under('adoptedOn')).toMatch(/^⚠ “31\/02\/2025” is not a date/);
    expect(card.value('adoptedOn')).toBe('31/02/2025');
    expect(card.under('name')).toBe('');
    expect(card.value('name')).toBe('Our code of conduct');
    expect(card.text).not.toContain('Try again');
    expect(await t.app.database.db.policy.count()).toBe(0);
  });

  it('settings with a quorum it cannot read: the problem under “Quorum”, what was typed kept', async () => {
    const submit = await formFor(P.margaret, 'settings change', 'Save');
    const card = await send(P.margaret, submit, { quorum: 'all', ltoOrganisation: 'Northfield Community Trust' });
    expect(card.under('quorum')).toBe(
      '⚠ Must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
    );
    expect(card.value('quorum')).toBe('all');
    expect(card.value('ltoOrganisation')).toBe('Northfield Community Trust');
    expect(card.under('ltoOrganisation')).toBe('');
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'settings.update' } })).toBe(0);
  });

  it('the review season with a deadline that is not a date: the problem under “Deadline”', async () => {
    const submit = await formFor(P.margaret, 'review settings', 'Save');
    const card = await send(P.margaret, submit, { deadline: '31-12', nudgeAt: '11:00' });
    expect(card.under('deadline')).toBe('⚠ The deadline is not a date in the calendar');
    expect(card.value('deadline')).toBe('31-12');
    expect(card.value('nudgeAt')).toBe('11:00');
    expect(card.under('nudgeAt')).toBe('');
    const partnership = await t.app.stores.rosters.findPartnership('northfield');
    expect(partnership!.settings.review).toMatchObject({ deadline: '12-31', nudgeAt: '10:00' });
  });

  it('review answers with a comment too long: the problem under that comment, the answers kept', async () => {
    const submit = await formFor(P.sam, 'review answer', 'Save answers');
    const long = 'We held open meetings. '.repeat(140);
    const card = await send(P.sam, submit, { 'reflects-community': 'yes', 'ethos-values.comment': long });
    expect(card.under('ethos-values.comment')).toMatch(/^⚠ The comment is \d+ characters; keep it under 3000\./);
    expect(card.value('ethos-values.comment')).toBe(long);
    expect(card.value('reflects-community')).toBe('yes');
    expect(card.under('reflects-community')).toBe('');
    expect(await t.app.database.db.reviewAnswer.count()).toBe(0);
  });

  it('review answers with nothing in them: the problem of the whole form at the top, above the inputs', async () => {
    const submit = await formFor(P.sam, 'review answer', 'Save answers');
    const card = await send(P.sam, submit, {});
    const top = card.text.indexOf('⚠ Nothing to save: choose Yes, Partly or No for at least one question');
    expect(top).toBeGreaterThan(-1);
    expect(top).toBeLessThan(card.text.indexOf('"id":"field.reflects-community"'));
    expect(card.under('reflects-community')).toBe('');
    expect(await t.app.database.db.reviewAnswer.count()).toBe(0);
  });
});
