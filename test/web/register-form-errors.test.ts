// The register's forms sent with a mistake, in the playground over HTTP: the answer is the same
// form (`formAgain`, shown in the page's dialog, not in the conversation) with each problem on its
// field and what was typed kept; in headless Chromium the interest dialog stays open, the problem
// under its field. Nothing is saved until the form is right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Form, Reply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { inbox, named, people, send, type Person } from './client.ts';
import { be, channelLog, focused, HAS_CHROMIUM, launch, open, say, SKIP_REASON, type Browser } from './browser.ts';

let t: TestApp;
let everyone: Person[];
beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' });
  everyone = await people(t.url);
});
afterAll(() => t.close());

let sent = 0;
/** Sends a form from the page's dialog; the form it came back as (none when it was accepted). */
async function submit(
  who: string,
  formId: string,
  values: Record<string, string>,
  context?: string,
): Promise<{ form: Form | undefined; messages: unknown[] }> {
  const person = named(everyone, who);
  const before = await inbox(t.url, person);
  sent += 1;
  const res = await send(
    t.url,
    person,
    'direct',
    { type: 'form', formId, values, ...(context ? { context } : {}) },
    { deliveryId: `register-form-${sent}` },
  );
  expect(res.status).toBe(200);
  const again = (res.body as { formAgain?: Reply }).formAgain;
  const block = again?.blocks.find((b) => b.kind === 'form');
  // a form sent back is not placed in the conversation: the person's inbox gets nothing new
  if (block) expect((await inbox(t.url, person, before.cursor)).messages).toEqual([]);
  return { form: block?.kind === 'form' ? block.form : undefined, messages: res.body.messages };
}

const field = (form: Form | undefined, id: string) => {
  const found = form?.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id} in ${JSON.stringify(form)}`);
  return found;
};

describe('the playground’s API: a register form with mistakes comes back to the form', () => {
  it('an interest: each problem on its field, what was typed kept; the corrected form saves it', async () => {
    const values = { organisation: '***', kind: 'volunteer', detail: 'Saturdays at the food bank' };
    const { form, messages } = await submit('Rosa Novak', 'interests.add', values);
    expect(form?.id).toBe('interests.add');
    expect(messages).toEqual([]);
    expect(field(form, 'organisation').error).toBe('Needs at least one letter or digit');
    expect(field(form, 'organisation').initial).toBe('***');
    expect(field(form, 'kind').initial).toBe('volunteer');
    expect(field(form, 'detail').initial).toBe('Saturdays at the food bank');
    expect(field(form, 'detail').error).toBeUndefined();
    expect(await t.app.database.db.interest.count({ where: { detail: values.detail } })).toBe(0);

    const fixed = await submit('Rosa Novak', 'interests.add', { ...values, organisation: 'Northfield Food Bank' });
    expect(fixed.form).toBeUndefined();
    expect(await t.app.database.db.interest.count({ where: { detail: values.detail } })).toBe(1);
  });

  it('a relationship: the kind’s problem under “is the … of”, the people chosen kept', async () => {
    const [tom, sarah] = [named(everyone, 'Tom Whitfield').id, named(everyone, 'Sarah Whitfield').id];
    const before = await t.app.database.db.relationship.count();
    const { form } = await submit('Margaret Okafor', 'relationships.add', { from: tom, kind: 'cousin', to: sarah });
    expect(form?.id).toBe('relationships.add');
    expect(field(form, 'kind').error).toMatch(/^Choose one of "spouse", "civil-partner", "partner"/);
    expect(field(form, 'from').initial).toBe(tom);
    expect(field(form, 'to').initial).toBe(sarah);
    expect(form?.problems).toBeUndefined();
    // the same fact as one recorded is about no one field: it stays at the top of the form
    const duplicate = await submit('Margaret Okafor', 'relationships.add', { from: sarah, kind: 'spouse', to: tom });
    expect(duplicate.form?.problems).toEqual(['That is already recorded: Sarah Whitfield is Tom Whitfield’s spouse.']);
    expect(await t.app.database.db.relationship.count()).toBe(before);
  });

  it('two names for one organisation: the problem under “Is also known as”, the organisation chosen kept', async () => {
    const opened = await send(
      t.url,
      named(everyone, 'Margaret Okafor'),
      'direct',
      { type: 'action', actionId: 'organisations.alias', value: 'new' },
      { deliveryId: 'register-form-open-alias' },
    );
    const empty = (opened.body.replies[0]?.blocks.find((b) => b.kind === 'form') as { form: Form }).form;
    const organisation = field(empty, 'organisation').options![0]!.value;
    const { form } = await submit('Margaret Okafor', 'organisations.alias', { organisation, alias: '!!!' });
    expect(form?.id).toBe('organisations.alias');
    expect(field(form, 'alias').error).toBe('Type the other name, with at least one letter or digit');
    expect(field(form, 'alias').initial).toBe('!!!');
    expect(field(form, 'organisation').initial).toBe(organisation);
    expect(field(form, 'organisation').error).toBeUndefined();
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'organisation.alias' } })).toBe(0);
  });

  it('a signed membership form: the problem under “Date signed”, what was typed kept', async () => {
    const gareth = named(everyone, 'Gareth Jones').id;
    const { form } = await submit(
      'Gareth Jones',
      'membership-form.record',
      { signedOn: '31/02/2026', reference: 'Shared drive: Forms/2026/gareth.pdf' },
      gareth,
    );
    expect(form).toMatchObject({ id: 'membership-form.record', context: gareth });
    expect(field(form, 'signedOn').error).toContain('is not a date: write it as YYYY-MM-DD (2026-09-14)');
    expect(field(form, 'signedOn').initial).toBe('31/02/2026');
    expect(field(form, 'reference').initial).toBe('Shared drive: Forms/2026/gareth.pdf');
    expect(field(form, 'reference').error).toBeUndefined();
    const row = await t.app.database.db.person.findUniqueOrThrow({ where: { id: gareth } });
    expect(row.membershipFormSignedOn).toBeNull();
  });
});

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)('the playground in headless Chromium: a register form’s problem under its field', () => {
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

  it('the interest dialog stays open with the problem under the organisation, what was typed and chosen kept', async () => {
    await be(page, 'Rosa Novak (member)');
    await say(page, '/partnership interests');
    await channelLog(page).getByRole('button', { name: 'Add an interest' }).last().click();
    const dialog = page.getByRole('dialog', { name: 'Add an interest' });
    await dialog.waitFor();
    await dialog.getByLabel('Organisation, business or group').fill('***');
    await dialog.getByLabel('Your link with it').selectOption('volunteer');
    await dialog.getByLabel('Detail (optional)').fill('Saturdays at the food bank');
    await dialog.getByRole('button', { name: 'Save' }).click();

    const problem = dialog.locator('[data-field="organisation"] .field-error');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('Needs at least one letter or digit');
    const organisation = dialog.getByRole('textbox', { name: /Organisation, business or group/ });
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect(await organisation.inputValue()).toBe('***');
    expect(await dialog.getByLabel('Your link with it').inputValue()).toBe('volunteer');
    expect(await dialog.getByLabel('Detail (optional)').inputValue()).toBe('Saturdays at the food bank');
    expect(await dialog.locator('[data-field="detail"] .field-error').count()).toBe(0);
    expect((await focused(page)).id).toMatch(/-field-organisation$/);
    expect(await channelLog(page).getByText('Saturdays at the food bank', { exact: false }).count()).toBe(0);

    // fixed in place and saved: the dialog closes and the register says so
    await organisation.fill('Northfield Food Bank');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await channelLog(page).getByText('Saved: Volunteer of Northfield Food Bank', { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
  });
});
