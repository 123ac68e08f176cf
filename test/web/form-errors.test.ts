// A form sent with mistakes comes back where the person is looking, in the playground: over HTTP
// the answer is the same form with each problem on its field (not a message in the conversation),
// and in headless Chromium the dialog stays open with each problem under its field and what was
// typed kept. Nothing is saved until the form is right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Form } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { inbox, named, people, send, type Person } from './client.ts';
import {
  be,
  channelLog,
  focused,
  HAS_CHROMIUM,
  launch,
  open,
  say,
  shot,
  SKIP_REASON,
  type Browser,
} from './browser.ts';

const MISTAKES = {
  title: 'Café catering contract',
  kind: 'procurement',
  organisations: '',
  closes: 'next blue moon',
  ballot: 'open',
  visibility: 'live',
};

describe('the playground’s API: a form with mistakes comes back to the form', () => {
  let t: TestApp;
  let chair: Person;

  beforeAll(async () => {
    t = await startTestApp({ PLAYGROUND: 'true' });
    chair = named(await people(t.url), 'Margaret Okafor');
  });
  afterAll(() => t.close());

  it('answers with the same form, each problem on its field and what was typed kept; the conversation gets nothing', async () => {
    const before = await inbox(t.url, chair);
    const res = await send(
      t.url,
      chair,
      'channel',
      { type: 'form', formId: 'decision.create', values: MISTAKES },
      { deliveryId: 'form-errors-api-1' },
    );
    expect(res.status).toBe(200);
    const again = res.body as typeof res.body & { formAgain?: { blocks: { kind: string; form?: Form }[] } };
    const form = again.formAgain?.blocks.find((b) => b.kind === 'form')?.form;
    expect(form?.id).toBe('decision.create');
    const field = (id: string) => form!.fields.find((f) => f.id === id)!;
    expect(field('closes').error).toContain('I couldn’t read “next blue moon” as a closing time');
    expect(field('closes').initial).toBe('next blue moon');
    expect(field('organisations').error).toMatch(/^A procurement decision needs the organisations involved/);
    expect(field('title').error).toBeUndefined();
    expect(field('title').initial).toBe('Café catering contract');
    // not placed in the conversation: no message for anyone, the chair included
    expect(again.messages).toEqual([]);
    expect((await inbox(t.url, chair, before.cursor)).messages).toEqual([]);
    expect(await t.app.database.db.decision.count()).toBe(0);
  });

  it('the corrected form starts the vote', async () => {
    const res = await send(
      t.url,
      chair,
      'channel',
      {
        type: 'form',
        formId: 'decision.create',
        values: { ...MISTAKES, organisations: 'Northfield Community Café Ltd', closes: 'in 3 days' },
      },
      { deliveryId: 'form-errors-api-2' },
    );
    expect(res.status).toBe(200);
    expect((res.body as { formAgain?: unknown }).formAgain).toBeUndefined();
    expect(await t.app.database.db.decision.count()).toBe(1);
  });

  it('a declaration without its kind or detail comes back with each problem under its field', async () => {
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    const res = await send(
      t.url,
      chair,
      'direct',
      {
        type: 'form',
        formId: 'decision.declare',
        values: { kind: '', organisation: 'Northfield Community Café Ltd', detail: '' },
        context: decision.id,
      },
      { deliveryId: 'form-errors-api-declare' },
    );
    expect(res.status).toBe(200);
    const again = res.body as typeof res.body & { formAgain?: { blocks: { kind: string; form?: Form }[] } };
    const form = again.formAgain?.blocks.find((b) => b.kind === 'form')?.form;
    expect(form?.id).toBe('decision.declare');
    const field = (id: string) => form!.fields.find((f) => f.id === id)!;
    expect(field('kind').error).toBe('Choose direct financial, indirect financial or loyalty.');
    expect(field('detail').error).toMatch(/^Say briefly what the interest is/);
    expect(field('organisation').error).toBeUndefined();
    expect(field('organisation').initial).toBe('Northfield Community Café Ltd');
    expect(again.messages).toEqual([]);
    expect(await t.app.database.db.declaration.count()).toBe(0);
  });

  it('changing the closing time to words it cannot read brings the change form back, the problem under “Voting closes”', async () => {
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    const res = await send(
      t.url,
      chair,
      'direct',
      { type: 'form', formId: 'decision.amend', values: { closes: 'next blue moon' }, context: decision.id },
      { deliveryId: 'form-errors-api-3' },
    );
    expect(res.status).toBe(200);
    const again = res.body as typeof res.body & { formAgain?: { blocks: { kind: string; form?: Form }[] } };
    const form = again.formAgain?.blocks.find((b) => b.kind === 'form')?.form;
    expect(form?.id).toBe('decision.amend');
    const closes = form!.fields.find((f) => f.id === 'closes')!;
    expect(closes.error).toContain('I couldn’t read “next blue moon” as a closing time');
    expect(closes.initial).toBe('next blue moon');
    expect(again.messages).toEqual([]);
    const after = await t.app.database.db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(after.closesAt).toEqual(decision.closesAt);
  });
});

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)('the playground in headless Chromium: problems under their fields', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startTestApp({ PLAYGROUND: 'true' });
    browser = await launch();
    ({ page, errors } = await open(browser, `${t.url}/`));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the dialog stays open with each problem under its field, what was typed kept, focus on the first to fix', async () => {
    await be(page, 'Margaret Okafor (chair)');
    await say(page, '/partnership poll');
    const dialog = page.getByRole('dialog', { name: 'Put a decision to the partnership' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Café catering contract');
    await dialog.getByLabel('Kind').selectOption({ label: 'Procurement (who gets a contract)' });
    await dialog.getByLabel('Voting closes').fill('next blue moon');
    await dialog.getByRole('button', { name: 'Start the vote' }).click();

    const closes = dialog.getByRole('textbox', { name: /Voting closes/ });
    await dialog.getByText('I couldn’t read “next blue moon” as a closing time', { exact: false }).waitFor();
    // under its own field, read out with it, and marked as needing a fix
    const closesRow = dialog.locator('[data-field="closes"]');
    expect(await closesRow.locator('.field-error').innerText()).toContain('I couldn’t read “next blue moon”');
    // in red
    const colour = await closesRow
      .locator('.field-error')
      .evaluate(
        (e) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(e).color,
      );
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect([r! > 150, g! < 90, b! < 90]).toEqual([true, true, true]);
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    expect(await closes.evaluate((e) => e.getAttribute('aria-describedby'))).toMatch(/-error\b/);
    expect(await dialog.locator('[data-field="organisations"] .field-error').innerText()).toMatch(
      /A procurement decision needs the organisations involved/,
    );
    expect(await dialog.locator('[data-field="title"] .field-error').count()).toBe(0);
    expect(await closes.inputValue()).toBe('next blue moon');
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Café catering contract');
    expect(await dialog.getByText('The decision was not started.', { exact: false }).count()).toBe(1);
    // the first field to fix has the focus
    expect((await focused(page)).id).toMatch(/-field-organisations$/);
    await shot(page, '30-form-problems-under-fields');
    // nothing about it in the conversation
    expect(await channelLog(page).getByText('next blue moon', { exact: false }).count()).toBe(0);
    expect(await t.app.database.db.decision.count()).toBe(0);

    // fixed in place and sent again: the vote starts and the dialog closes
    await dialog.getByLabel('Organisations involved').fill('Northfield Community Café Ltd');
    await closes.fill('in 3 days');
    await dialog.getByRole('button', { name: 'Start the vote' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await channelLog(page).getByRole('heading', { name: 'Decision 1: Café catering contract' }).waitFor();
    expect(await t.app.database.db.decision.count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
