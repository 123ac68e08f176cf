// The page renders the core's Reply model generically: every block kind and every form field
// type (test/web/fixtures/every-block.ts stops compiling when the model grows), and a form goes
// back to the core with exactly what was typed. The reply reaches the page the way features
// send theirs: through the Notifier; the form is answered by a handler registered in FORMS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, FORMS } from '../../src/bot/commands/index.ts';
import { textReply, type Reply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  channelLog,
  directLog,
  focused,
  focusOnMessage,
  HAS_CHROMIUM,
  launch,
  message,
  open,
  say,
  shot,
  SKIP_REASON,
  type Browser,
} from './browser.ts';
import { named, people, type Person } from './client.ts';
import { EVERY_BLOCK, FORM, FORM_ID, OPEN_FORM_ACTION } from './fixtures/every-block.ts';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)('the playground in headless Chromium: the reply model', () => {
  let t: TestApp;
  let browser: Browser;
  let chair: Person;
  const received: { values: Record<string, string | string[]>; context: string | undefined; by: string | undefined }[] =
    [];

  beforeAll(async () => {
    FORMS[FORM_ID] = async (ctx, values, context) => {
      received.push({ values, context, by: ctx.scope.person?.name });
      return [textReply(`Saved “${String(values.title)}”.`)];
    };
    ACTIONS[OPEN_FORM_ACTION] = async () => [
      {
        summary: 'Fill this in',
        blocks: [{ kind: 'form', form: { ...FORM, title: 'Opened by the core' } }],
        visibility: 'private',
      },
    ];
    t = await startTestApp({ PLAYGROUND: 'true' });
    chair = named(await people(t.url), 'Margaret Okafor');
    browser = await launch();
  });
  afterAll(async () => {
    delete FORMS[FORM_ID];
    delete ACTIONS[OPEN_FORM_ACTION];
    await browser?.close();
    await t?.close();
  });

  it('renders every block kind with its accessible role', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    await t.app.notifier.sendToPerson(chair.id, EVERY_BLOCK);
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    const card = message(directLog(page), 'Heading block');
    await card.waitFor();
    await card.getByRole('heading', { name: 'Heading block', level: 3 }).waitFor();
    expect(await card.getByText('Text block with').innerText()).toBe('Text block with /partnership help in it.');
    expect(await card.locator('code', { hasText: '/partnership help' }).count()).toBe(1);
    expect(await card.getByRole('term').innerText()).toBe('Fact label');
    expect(await card.getByRole('definition').innerText()).toBe('Fact value');
    for (const [tone, title] of [
      ['OK', 'Passing check'],
      ['To fix', 'Failing check'],
      ['To watch', 'Warning check'],
      ['Information', 'Info check'],
    ]) {
      await card
        .getByRole('listitem')
        .filter({ hasText: `${tone}: ${title}` })
        .first()
        .waitFor();
    }
    await card.getByText('What would fix it: Recruit one more resident.').waitFor();
    await card.getByRole('list', { name: 'Details: Failing check' }).getByText('Detail line one').waitFor();
    await card.getByRole('listitem').filter({ hasText: 'List item two' }).waitFor();
    const buttons = card.getByRole('group', { name: 'Actions' }).getByRole('button');
    expect(await buttons.allInnerTexts()).toEqual(['Open the form from the core', 'Danger button', 'Plain button']);
    await card.getByRole('button', { name: 'Every field…' }).waitFor();
    await card.getByText('Note block.').waitFor();
    expect(await card.getByRole('separator').count()).toBe(1);
    const download = card.getByRole('link', { name: 'Download record.csv' });
    expect(await download.getAttribute('download')).toBe('record.csv');
    await card.scrollIntoViewIfNeeded();
    await shot(page, '10-every-block');
    expect(errors).toEqual([]);
  });

  it('a form opens as a dialog with every field type, checks what is required, and sends what was typed to the core', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    const opener = message(directLog(page), 'Heading block').getByRole('button', { name: 'Every field…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Every field' });
    await dialog.waitFor();
    expect((await focused(page)).tag).toBe('input'); // the first field
    const title = dialog.getByRole('textbox', { name: 'Title (required)' });
    expect(await title.getAttribute('placeholder')).toBe('A short title');
    expect(await title.getAttribute('maxlength')).toBe('80');
    await dialog.getByText('What the decision is about.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Details' }).inputValue()).toBe('Line one');
    const kind = dialog.getByRole('combobox', { name: 'Kind of decision (required)' });
    const bidders = dialog.getByRole('group', { name: 'Choose several' });
    expect(await bidders.getByRole('checkbox', { name: 'Option A' }).isChecked()).toBe(true);
    const closes = dialog.getByLabel('Voting closes');
    expect(await closes.getAttribute('type')).toBe('datetime-local');
    const amount = dialog.getByRole('spinbutton', { name: 'Amount in pounds' });
    expect(await amount.inputValue()).toBe('250');
    const tick = dialog.getByRole('checkbox', { name: 'Tick me' });

    // Required fields empty: the browser says so and nothing is sent.
    await dialog.getByRole('button', { name: 'Save it' }).click();
    expect(await dialog.isVisible()).toBe(true);
    expect(received).toHaveLength(0);

    await title.fill('Café contract');
    await kind.selectOption({ label: 'A contract' });
    await bidders.getByRole('checkbox', { name: 'Option C' }).check();
    await closes.fill('2026-10-08T17:30');
    await amount.fill('1200.50');
    await tick.check();
    await shot(page, '11-form-dialog');
    await dialog.getByRole('button', { name: 'Save it' }).click();

    await message(directLog(page), 'Saved “Café contract”.').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(received).toEqual([
      {
        by: 'Margaret Okafor',
        context: 'decision-42',
        values: {
          title: 'Café contract',
          detail: 'Line one',
          kind: 'contract',
          bidders: ['a', 'c'],
          closes: '2026-10-08T16:30:00.000Z',
          amount: '1200.50',
          key: 'true',
        },
      },
    ]);
    await focusOnMessage(page, 'Saved “Café contract”.');
    expect(errors).toEqual([]);
  });

  it('a button the core answers with a form opens it at once; Escape closes it and gives focus back', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    await message(directLog(page), 'Heading block')
      .getByRole('button', { name: 'Open the form from the core' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Opened by the core' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).text).toBe('Opened by the core…'); // the form's own button, in the core's reply
    expect(errors).toEqual([]);
  });

  it('markup from the core or from a person is shown as text, never as HTML', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    const markup = (who: string) => `<img src="x" id="${who}-img"><b id="${who}-b">${who}</b>`;
    await say(page, markup('typed'));
    await message(channelLog(page), markup('typed')).waitFor();
    await t.app.notifier.sendToPerson(chair.id, textReply(`Core says ${markup('core')}`));
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    await message(directLog(page), `Core says ${markup('core')}`).waitFor();
    expect(await page.locator('#typed-img, #typed-b, #core-img, #core-b').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a block kind the page does not know shows the reply’s summary, never invented text', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    const future = {
      summary: 'Summary of a reply from a newer core',
      blocks: [{ kind: 'hologram', text: 'not shown' }],
      visibility: 'private',
    } as unknown as Reply;
    await t.app.notifier.sendToPerson(chair.id, future);
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    const shown = message(directLog(page), 'Summary of a reply from a newer core');
    await shown.waitFor();
    expect(await shown.getByText('not shown').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
