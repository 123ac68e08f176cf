// Issue 5 in the playground, in real headless Chromium against the real server and core: the chair
// puts the café contract to the partnership through the form; Sarah Whitfield (the café's manager)
// and Tom Whitfield (her husband) see privately that they are recused and why; another member is
// refused a vote before declaring, declares no interest and votes; the chair closes the vote and
// reads the record. The channel only ever shows counts. Screenshots in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.ts';
import { everyText, people, send } from './client.ts';
import {
  be,
  channelLog,
  directLog,
  HAS_CHROMIUM,
  launch,
  message,
  open,
  say,
  shot,
  docShot,
  SKIP_REASON,
  screenshotClock,
  type Browser,
  type PageUnderTest,
} from './browser.ts';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const CARD = 'Decision 1: Café catering contract';

describe.skipIf(!HAS_CHROMIUM)('the playground in headless Chromium: a decision from the form to the record', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startTestApp({ PLAYGROUND: 'true' }, { clock: screenshotClock() });
    browser = await launch();
    ({ page, errors } = (await open(browser, `${t.url}/`)) as PageUnderTest);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The decision's card: the channel message whose heading is the decision (not a ballot that names it). */
  const card = (): Locator =>
    channelLog(page)
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: CARD, exact: true }) });
  const fact = (label: string): Locator =>
    card()
      .locator('.fact')
      .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole('definition');
  const tab = (name: 'channel' | 'direct') =>
    page.getByRole('tab', { name: name === 'channel' ? '#partnership-channel' : /Direct messages/ }).click();
  /** Everything anyone sees in the channel (the page is one person's view; the card is shared). */
  const channelText = async (): Promise<string> =>
    (await channelLog(page).locator('li:not(.is-private)').allInnerTexts()).join('\n');

  it('the chair puts the café contract to the partnership through the form; the card appears in the channel', async () => {
    await be(page, 'Margaret Okafor (chair)');
    await say(page, '/partnership poll');
    const dialog = page.getByRole('dialog', { name: 'Put a decision to the partnership' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Café catering contract');
    await dialog.getByLabel('Description').fill('Who runs the catering at the community hub for the next two years.');
    await dialog.getByLabel('Kind').selectOption({ label: 'Procurement (who gets a contract)' });
    await dialog.getByLabel('Organisations involved').fill('Northfield Community Café Ltd');
    await dialog.getByLabel('Voting closes').fill('in 3 days');
    await shot(page, '20-decision-form');
    await dialog.getByRole('button', { name: 'Start the vote' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card().getByRole('heading', { name: CARD }).waitFor();
    expect(await fact('Recused').innerText()).toBe('2 members recused');
    expect(await fact('Declared').innerText()).toBe('0 of 8');
    expect(await fact('Kind').innerText()).toBe('Procurement: Northfield Community Café Ltd');
    await message(channelLog(page), 'Decision 1 is open until')
      .getByText('Only you can see this', { exact: true })
      .waitFor();
    await card().scrollIntoViewIfNeeded();
    await docShot(page, 'decision-card');
    expect(errors).toEqual([]);
  });

  it('Sarah Whitfield, the café’s manager, is recused and told why in a direct message', async () => {
    await be(page, 'Sarah Whitfield (member)');
    await tab('direct');
    const why = message(directLog(page), 'You must not take part in Decision 1');
    await why.waitFor();
    expect(await why.innerText()).toMatch(/direct financial/);
    expect(await why.innerText()).toContain('Northfield Community Café Ltd');
    await shot(page, '22-sarah-recused-dm');
    // the card's Vote button tells her the same, only her
    await tab('channel');
    await card().getByRole('button', { name: 'Vote', exact: true }).click();
    const refused = message(channelLog(page), 'You must not take part in Decision 1');
    await refused.getByText('Only you can see this', { exact: true }).waitFor();
    await shot(page, '23-sarah-vote-refused');
    expect(errors).toEqual([]);
  });

  it('Tom Whitfield, her husband, is recused too: an indirect financial interest', async () => {
    await be(page, 'Tom Whitfield (treasurer)');
    await tab('direct');
    const why = message(directLog(page), 'You must not take part in Decision 1');
    await why.waitFor();
    expect(await why.innerText()).toMatch(/indirect financial/);
    await shot(page, '24-tom-recused-dm');
    expect(errors).toEqual([]);
  });

  it('another member is refused a vote before declaring, declares no interest and votes; the card counts it', async () => {
    await be(page, 'Rosa Novak (member)');
    await tab('channel');
    await card().getByRole('button', { name: 'Vote', exact: true }).click();
    const first = message(channelLog(page), 'Please declare first');
    await first.getByText('Only you can see this', { exact: true }).waitFor();
    await shot(page, '25-rosa-declare-first');
    await first.getByRole('button', { name: 'No interest' }).click();
    const ballot = message(channelLog(page), 'Thank you: you declared no interest in Decision 1');
    await ballot.getByRole('button', { name: 'For' }).click();
    await message(channelLog(page), 'Your vote on Decision 1 is recorded: For.').waitFor();
    await card().getByText('(updated)').waitFor();
    await expectFact('Voted', '1 of 8 eligible');
    await expectFact('Declared', '1 of 8');
    await card().scrollIntoViewIfNeeded();
    await shot(page, '26-rosa-voted');
    expect(errors).toEqual([]);
  });

  it('a double click (the same delivery twice) and a second click on the same option count once', async () => {
    const [rosa] = (await people(t.url)).filter((p) => p.name === 'Rosa Novak');
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    const vote = { type: 'action', actionId: 'decision.vote', value: `${decision.id}:1` };
    const [a, b] = await Promise.all([
      send(t.url, rosa!, 'direct', vote, { deliveryId: 'vote-twice-0001' }),
      send(t.url, rosa!, 'direct', vote, { deliveryId: 'vote-twice-0001' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const again = await send(t.url, rosa!, 'direct', vote, { deliveryId: 'vote-again-0002' });
    expect(everyText(again.body.replies[0]!)).toContain('already Against; nothing changed');
    expect(await t.app.database.db.vote.findFirstOrThrow()).toMatchObject({ option: 'Against', changes: 1 });
    expect(await t.app.database.db.auditEvent.count({ where: { action: { startsWith: 'decision.vote' } } })).toBe(2);
    await send(t.url, rosa!, 'direct', { ...vote, value: `${decision.id}:0` });
  });

  it('the chair closes the vote; the card shows the result, and the record is hers alone', async () => {
    await be(page, 'Margaret Okafor (chair)');
    await tab('channel');
    await card().getByRole('button', { name: 'Close (chair)' }).click();
    await message(channelLog(page), 'Close Decision 1').getByRole('button', { name: 'Yes, close it now' }).click();
    await message(channelLog(page), 'Decision 1 is closed.').waitFor();
    await card()
      .getByText(/Most votes: For \(1\)/)
      .waitFor();
    expect(await card().getByRole('button', { name: 'Vote', exact: true }).count()).toBe(0);
    await card().scrollIntoViewIfNeeded();
    await shot(page, '27-closed-card');

    await say(page, '/partnership decision 1');
    const record = message(channelLog(page), 'Declarations of interest');
    await record.getByText('Only you can see this', { exact: true }).waitFor();
    const text = await record.innerText();
    expect(text).toContain('Rosa Novak: no interest');
    expect(text).toMatch(/Sarah Whitfield: .*direct financial/);
    expect(text).toMatch(/Tom Whitfield: .*indirect financial/);
    await record.getByRole('link', { name: 'Download decision-1.md' }).waitFor();
    await record.scrollIntoViewIfNeeded();
    await shot(page, '28-record');
    expect(errors).toEqual([]);
  });

  it('the channel never showed who was recused or why', async () => {
    await be(page, 'Jo Brooks (paid worker)');
    await tab('channel');
    await card().waitFor();
    const seen = await channelText();
    expect(seen).toContain('2 members recused');
    for (const secret of ['Sarah', 'Whitfield', 'financial', 'spouse', 'manager', 'Rosa'])
      expect(seen).not.toContain(secret);
  });

  async function expectFact(label: string, value: string): Promise<void> {
    await fact(label)
      .filter({ hasText: new RegExp(`^${value.replace(/[()]/g, '\\$&')}$`) })
      .waitFor();
  }
});
