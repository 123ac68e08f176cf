// The concern, outcome, policy, settings and review forms sent with a mistake, in the playground
// over HTTP: the answer is the same form (shown in the page's dialog), each problem on its field
// and what was typed kept, not a message in the conversation; a concern's form stays with the
// person who wrote it. Nothing is saved until the form is right. In headless Chromium, the policy
// form's dialog stays open with the problem under its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Form, Reply } from '../../src/domain/chat/reply.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { inbox, named, people, send, type Person } from './client.ts';
import { be, channelLog, HAS_CHROMIUM, launch, open, say, SKIP_REASON, type Browser } from './browser.ts';

let t: TestApp;
let chair: Person;
let rep: Person;
let member: Person;
let deliveries = 0;
beforeAll(async () => {
  // in the review season (September to December), so the review's forms open
  t = await startTestApp({ PLAYGROUND: 'true' }, { clock: new FakeClock('2026-10-05T10:00:00Z') });
  const list = await people(t.url);
  chair = named(list, 'Margaret Okafor');
  rep = named(list, 'Sam Taylor');
  member = named(list, 'Rosa Novak');
});
afterAll(() => t.close());

/** Sends a form from the page; the form it came back as (or undefined), and what the conversation got. */
async function submit(
  person: Person,
  conversation: 'channel' | 'direct',
  formId: string,
  values: Record<string, string | string[]>,
  context?: string,
) {
  const res = await send(
    t.url,
    person,
    conversation,
    { type: 'form', formId, values, ...(context ? { context } : {}) },
    { deliveryId: `forms-sent-back-${(deliveries += 1)}` },
  );
  expect(res.status).toBe(200);
  const body = res.body as typeof res.body & { formAgain?: Reply };
  const form = body.formAgain?.blocks.find((b): b is { kind: 'form'; form: Form } => b.kind === 'form')?.form;
  expect(form?.id).toBe(formId);
  const field = (id: string) => form!.fields.find((f) => f.id === id)!;
  return { form: form!, field, messages: body.messages, lead: replyText(body.formAgain!) };
}

const SECRET = 'The treasurer paid his cousin’s firm without a quote';

describe('the playground: a form with mistakes comes back to the form', () => {
  it('a concern raised in the channel without its kind: the problem on “Kind of concern”, what was written kept, nothing in the channel', async () => {
    const before = await inbox(t.url, chair);
    const back = await submit(member, 'channel', 'concerns.raise', { kind: '', about: '', text: SECRET });
    expect(back.lead).toContain('Your concern was not sent.');
    expect(back.field('kind').error).toMatch(/^Choose one of "code-of-conduct"/);
    expect(back.field('text').error).toBeUndefined();
    expect(back.field('text').initial).toBe(SECRET);
    // not placed in the conversation, for anyone
    expect(back.messages).toEqual([]);
    expect((await inbox(t.url, chair, before.cursor)).messages).toEqual([]);
    expect(await t.app.database.db.concern.count()).toBe(0);
  });

  it('closing a concern without an outcome: the problem on “Outcome”; the concern stays open', async () => {
    const raised = await send(t.url, member, 'direct', {
      type: 'form',
      formId: 'concerns.raise',
      values: { kind: 'code-of-conduct', about: '', text: SECRET },
    });
    expect(raised.body.replies.map(replyText).join('\n')).toContain('has gone privately to Sam Taylor');
    const concern = (await t.app.database.db.concern.findFirst())!;
    const back = await submit(rep, 'direct', 'concerns.outcome', { outcome: ' ' }, concern.id);
    expect(back.form.title).toBe('Close concern 1');
    expect(back.form.context).toBe(concern.id);
    expect(back.field('outcome').error).toBe('Say what was done or decided, in a sentence or two');
    expect(back.messages).toEqual([]);
    expect((await t.app.database.db.concern.findFirst())!.status).toBe('open');
  });

  it('a policy with a date that is not one: the problem on “Adopted on”, what was typed kept', async () => {
    const back = await submit(chair, 'direct', 'policies.save', {
      kind: 'other',
      name: '',
      adoptedOn: '31/02/2025',
      reviewOn: '2027-03-01',
      link: 'minutes/safeguarding.pdf',
    });
    expect(back.lead).toContain('The policy was not saved.');
    expect(back.field('adoptedOn').error).toMatch(/^“31\/02\/2025” is not a date/);
    expect(back.field('adoptedOn').initial).toBe('31/02/2025');
    expect(back.field('name').error).toBe('Give the policy’s name (needed when the kind is “other”)');
    expect(back.field('kind').initial).toBe('other');
    expect(back.field('link').initial).toBe('minutes/safeguarding.pdf');
    expect(back.field('reviewOn').error).toBeUndefined();
    expect(back.messages).toEqual([]);
    expect(await t.app.database.db.policy.count()).toBe(0);
  });

  it('updating a policy: the form comes back still titled as an update', async () => {
    const back = await submit(
      chair,
      'direct',
      'policies.save',
      { kind: 'code-of-conduct', name: 'Code of conduct', adoptedOn: 'last spring', reviewOn: '', link: '' },
      'update',
    );
    expect(back.form.title).toBe('Update a policy');
    expect(back.field('adoptedOn').error).toMatch(/^“last spring” is not a date/);
  });

  it('settings with a quorum it cannot read: the problem on “Quorum”, what was typed kept; nothing saved', async () => {
    const back = await submit(chair, 'direct', 'settings.change', {
      quorum: 'most of us',
      ltoOrganisation: 'Northfield Community Trust',
      quietDays: ['saturday', 'sunday'],
    });
    expect(back.field('quorum').error).toBe(
      'Must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
    );
    expect(back.field('quorum').initial).toBe('most of us');
    expect(back.field('ltoOrganisation').initial).toBe('Northfield Community Trust');
    expect(back.field('quietDays').initial).toBe('saturday,sunday');
    expect(back.field('timeZone').initial).toBe('Europe/London');
    expect(back.messages).toEqual([]);
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'settings.update' } })).toBe(0);
  });

  it('the review season with the deadline before the opening: the problem on “Deadline”, what was typed kept', async () => {
    const back = await submit(chair, 'direct', 'review.settings', { opensOn: '10-01', deadline: '09-15' });
    expect(back.field('deadline').error).toBe('The deadline must come after the opening day, in the same year');
    expect(back.field('deadline').initial).toBe('09-15');
    expect(back.field('opensOn').initial).toBe('10-01');
    expect(back.field('opensOn').error).toBeUndefined();
    expect(back.messages).toEqual([]);
  });

  it('review answers with nothing to save: the problem on top of the form; with a bad choice, on its question', async () => {
    const empty = await submit(rep, 'direct', 'review.answers', {}, '2026');
    expect(empty.form.problems).toEqual([
      'Nothing to save: choose Yes, Partly or No for at least one question, or write a comment.',
    ]);
    const back = await submit(
      rep,
      'direct',
      'review.answers',
      { 'reflects-community': 'maybe', 'reflects-community.comment': 'Mostly, yes.' },
      '2026',
    );
    expect(back.field('reflects-community').error).toBe('Choose Yes, Partly or No (got “maybe”).');
    expect(back.field('reflects-community.comment').initial).toBe('Mostly, yes.');
    expect(back.field('reflects-community.comment').error).toBeUndefined();
    expect(back.messages).toEqual([]);
    expect(await t.app.database.db.reviewAnswer.count()).toBe(0);
  });
});

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)(
  'the playground in headless Chromium: the policy form’s problems under its fields',
  () => {
    let app: TestApp;
    let browser: Browser;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      app = await startTestApp({ PLAYGROUND: 'true' });
      browser = await launch();
      ({ page, errors } = await open(browser, `${app.url}/`));
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('the dialog stays open with the date’s problem under “Adopted on”, the name typed kept', async () => {
      await be(page, 'Margaret Okafor (chair)');
      await say(page, '/partnership policies add');
      const dialog = page.getByRole('dialog', { name: 'Record a policy' });
      await dialog.waitFor();
      await dialog.getByLabel('Kind').selectOption({ label: 'Code of conduct' });
      await dialog.getByLabel('Name').fill('Our code of conduct');
      await dialog.getByLabel('Adopted on').fill('31/02/2025');
      await dialog.getByRole('button', { name: 'Save' }).click();

      await dialog.getByText('is not a date', { exact: false }).waitFor();
      expect(await dialog.locator('[data-field="adoptedOn"] .field-error').innerText()).toMatch(
        /“31\/02\/2025” is not a date/,
      );
      expect(await dialog.locator('[data-field="name"] .field-error').count()).toBe(0);
      expect(await dialog.getByLabel('Name').inputValue()).toBe('Our code of conduct');
      expect(await dialog.getByRole('textbox', { name: /Adopted on/ }).inputValue()).toBe('31/02/2025');
      expect(await channelLog(page).getByText('31/02/2025', { exact: false }).count()).toBe(0);
      expect(await app.app.database.db.policy.count()).toBe(0);

      // fixed in place and sent again: saved, and the dialog closes
      await dialog.getByRole('textbox', { name: /Adopted on/ }).fill('1 March 2025');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await app.app.database.db.policy.count()).toBe(1);
      expect(errors).toEqual([]);
    });
  },
);
