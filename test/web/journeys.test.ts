// The playground's main journeys in real headless Chromium, against the real server and core:
// be the chair, ask about the criteria, use the commands and buttons, be refused as a paid
// worker, work with the keyboard only, on a phone, and see what the core pushes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textReply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  be,
  channelLog,
  docShot,
  composer,
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
  screenshotClock,
  type Browser,
} from './browser.ts';
import { named, people, type Person } from './client.ts';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const COI = '/partnership coi Northfield Community Café Ltd';

describe.skipIf(!HAS_CHROMIUM)('the playground in headless Chromium: journeys', () => {
  let t: TestApp;
  let browser: Browser;
  let everyone: Person[];

  beforeAll(async () => {
    t = await startTestApp({ PLAYGROUND: 'true' }, { clock: screenshotClock() });
    everyone = await people(t.url);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the chair asks "are we in criteria?" in the channel, then the details privately', async () => {
    const { page, errors } = await open(browser, `${t.url}/`);
    await page.getByText('LOCAL PLAYGROUND').waitFor();
    await be(page, 'Margaret Okafor (chair)');
    await say(page, 'are we in criteria?');
    const answer = message(channelLog(page), 'In criteria: 11 members');
    await answer.getByText('In criteria: 11 members, 8 residents; 1 thing to watch.').waitFor();
    expect(await answer.getByText('Only you can see this', { exact: true }).count()).toBe(0);

    await answer.getByRole('button', { name: 'Show details' }).click();
    const details = message(channelLog(page), 'Only you can see this');
    await details.getByRole('heading', { name: 'Whom I counted' }).waitFor();
    // After a click, focus moves to the answer (the clicked message may have changed).
    expect((await focused(page)).tag).toBe('article');
    expect((await focused(page)).text).toContain('Only you can see this');
    await docShot(page, 'criteria');
    expect(errors).toEqual([]);
  });

  it('runs /partnership roster and /partnership help, and the help buttons work', async () => {
    const { page, errors } = await open(browser, `${t.url}/`);
    await be(page, 'Margaret Okafor (chair)');
    await say(page, '/partnership roster');
    await message(channelLog(page), 'Who is on Northfield Big Local')
      .getByRole('heading', { name: 'Who is on Northfield Big Local' })
      .waitFor();
    await say(page, '/partnership help');
    const help = message(channelLog(page), 'governance help for your Big Local partnership');
    await help.getByText('Only you can see this', { exact: true }).waitFor();
    await help.getByRole('button', { name: 'Who is on the partnership?' }).click();
    await focusOnMessage(page, 'Who is on Northfield Big Local');
    await shot(page, '02-help-buttons');
    expect(errors).toEqual([]);
  });

  it('a paid worker sees the channel but not others’ private replies, and is refused the conflict check; the chair is not', async () => {
    const { page, errors } = await open(browser, `${t.url}/`);
    await be(page, 'Jo Brooks (paid worker)');
    await message(channelLog(page), 'are we in criteria?').waitFor(); // Margaret's words are in the channel
    expect(await channelLog(page).getByText('Only you can see this', { exact: true }).count()).toBe(0);
    await say(page, COI);
    await message(channelLog(page), 'Only the chair, the vice-chair, the secretary or the rep can do that.').waitFor();
    await shot(page, '03-paid-worker-refused');

    await be(page, 'Margaret Okafor (chair)');
    await say(page, COI);
    const check = message(channelLog(page), 'should not take part in the decision');
    await check.getByRole('heading', { name: 'Conflicts of interest: Northfield Community Café Ltd' }).waitFor();
    await check.getByText('Only you can see this', { exact: true }).waitFor();
    await check.getByRole('term').filter({ hasText: 'Can take part and vote' }).waitFor();
    await check.scrollIntoViewIfNeeded();
    await shot(page, '04-chair-coi');
    expect(errors).toEqual([]);
  });

  it('works with the keyboard only: skip link, Enter to send, tabs with arrow keys, buttons, focus on answers', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${named(everyone, 'Priya Patel').id}`);
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focused(page)).text).toBe('Skip to the message box');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('composer-input');
    await page.keyboard.type('who is on the partnership?');
    await page.keyboard.press('Enter');
    await message(channelLog(page), 'Who is on Northfield Big Local').waitFor();
    expect((await focused(page)).id).toBe('composer-input'); // ready for the next message

    // From the top of the page, Tab reaches the conversation tabs; arrows switch between them.
    await page.locator('body').focus();
    for (let i = 0; i < 25 && (await focused(page)).role !== 'tab'; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'tab', text: '#partnership-channel' });
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toContain('Direct messages');
    await page.getByRole('tab', { name: /Direct messages/, selected: true }).waitFor();
    for (let i = 0; i < 10 && (await focused(page)).id !== 'composer-input'; i += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('composer-input');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await message(directLog(page), 'governance help').getByRole('button', { name: 'Are we in criteria?' }).waitFor();
    // Shift+Tab from the message box goes back into the newest answer's buttons.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(async () => (await focused(page)).text).toBe('Who is on the partnership?');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(async () => (await focused(page)).text).toBe('Are we in criteria?');
    await page.keyboard.press('Enter');
    await focusOnMessage(page, /In criteria/);
    await shot(page, '05-keyboard-direct');
    expect(errors).toEqual([]);
  });

  it('fits a 360 px phone: no sideways scrolling, the message box in reach', async () => {
    const { page, errors } = await open(browser, `${t.url}/?as=${named(everyone, 'Aisha Rahman').id}`, {
      width: 360,
      height: 740,
    });
    await shot(page, '06-phone-top');
    await say(page, 'are we in criteria?');
    await message(channelLog(page), 'In criteria: 11 members').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    const box = await composer(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(box!.width).toBeGreaterThan(200);
    await shot(page, '07-phone-chat');
    expect(errors).toEqual([]);
  });

  it('shows what the core pushes: a DM with an unread count, a channel card that updates in place', async () => {
    const rosa = named(everyone, 'Rosa Novak');
    const { page, errors } = await open(browser, `${t.url}/?as=${rosa.id}`);
    const channel = {
      platform: 'web' as const,
      workspaceId: 'local',
      channelId: 'partnership-channel',
      kind: 'channel' as const,
    };
    const ref = await t.app.notifier.sendToConversation(channel, textReply('Decision card: 0 votes so far', 'channel'));
    await t.app.notifier.sendToPerson(rosa.id, textReply('Please vote on the café contract.'));
    await message(channelLog(page), 'Decision card: 0 votes so far').waitFor();
    await page.getByRole('tab', { name: 'Direct messages 1 new' }).waitFor();
    await page
      .getByText('Direct message from partnership-bot: Please vote on the café contract.')
      .waitFor({ state: 'attached' });

    await t.app.notifier.updateMessage(ref!, textReply('Decision card: 1 vote so far', 'channel'));
    await message(channelLog(page), 'Decision card: 1 vote so far').getByText('(updated)').waitFor();
    expect(
      await channelLog(page)
        .getByText(/Decision card: \d votes? so far/)
        .count(),
    ).toBe(1);
    await shot(page, '08-pushed-card');

    await page.getByRole('tab', { name: /Direct messages/ }).click();
    await message(directLog(page), 'Please vote on the café contract.').waitFor();
    expect(await page.getByRole('tab', { name: 'Direct messages' }).count()).toBe(1); // unread count gone
    expect(errors).toEqual([]);
  });

  it('"pretend it is 1 October" and "run scheduled jobs now" bring the nudges of that date', async () => {
    const chair = named(everyone, 'Margaret Okafor');
    const app = t.app;
    const nudged = new Set<string>(); // repeat-safe, like the real jobs: once a day
    app.scheduler.add({
      name: 'review-nudge-for-test',
      schedule: '0 9 * * *',
      kind: 'partnerships',
      run: async (now) => {
        const day = now.toISOString().slice(0, 10);
        if (nudged.has(day)) return;
        nudged.add(day);
        await app.notifier.sendToPerson(chair.id, textReply(`Review season: please confirm your membership (${day}).`));
      },
    });
    const { page, errors } = await open(browser, `${t.url}/?as=${chair.id}`);
    // Dates as people in England write them: day/month/year, a 24-hour time.
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    const date = page.getByLabel('Pretend date');
    const time = page.getByLabel('at (time, 24-hour)');
    expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.getByText('Day/month/year and a 24-hour time').waitFor();
    await date.fill('31/02/2026');
    await page.getByRole('button', { name: 'Set date' }).click();
    await page.getByText('“31/02/2026 09:00” is not a date on the calendar: dates are day/month/year.').waitFor();
    await date.fill('01/10/2026');
    await time.fill('14:30');
    await page.getByRole('button', { name: 'Set date' }).click();
    await page
      .getByText(/Pretending it is Thu 1 Oct 2026, 2:3\dpm/)
      .first()
      .waitFor();
    await time.fill('09:00');
    await page.getByRole('button', { name: 'Set date' }).click();
    await page
      .getByText(/Pretending it is Thu 1 Oct 2026, 9(:0\d)?am/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Run scheduled jobs now' }).click();
    // What was sent, by whom it was received; the test job's message among them.
    await page
      .locator('#jobs-status')
      .getByText(/^Sent \d+ direct messages \(to .*Margaret Okafor ×\d/)
      .waitFor();
    await page.getByText('Choose a person under “You are” to read their direct messages.').waitFor();
    // Housekeeping is named as not run, keeping the real date.
    await page
      .locator('#jobs-status')
      .getByText(/^Housekeeping \(.*retention.*\) is not run from here: it keeps the real date\.$/)
      .waitFor();
    await page.getByRole('tab', { name: /Direct messages/ }).click();
    await message(directLog(page), 'please confirm your membership (2026-10-01)').waitFor();
    await docShot(page, 'pretend-date');
    // A second run at the same moment has nothing new to send, and says why.
    await page.getByRole('button', { name: 'Run scheduled jobs now' }).click();
    await page.getByText(/^Review season: nothing new was due: .* The next nudge is on Mon 5 Oct, 10am\.$/).waitFor();
    await page.getByText('Nothing was sent.').waitFor();
    await page.setViewportSize({ width: 1280, height: 1200 }); // the whole report in view, for the docs
    await docShot(page, 'jobs-nothing-sent', page.locator('aside.controls'));
    await page.setViewportSize({ width: 1280, height: 860 });
    // After a reload the pretence is still shown: in the banner and in the fields.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page
      .getByText(/Pretending it is Thu 1 Oct 2026, 9(:0\d)?am/)
      .first()
      .waitFor();
    expect(await date.inputValue()).toBe('01/10/2026');
    expect(await time.inputValue()).toMatch(/^09:0\d$/);
    await page.getByText(/\(set earlier\), for the demo partnership only/).waitFor();
    await page.getByRole('button', { name: 'Back to the real date' }).click();
    await page.getByText('(the real date)').waitFor();
    // Chromium logs the one refused date (a 400) as a failed resource; nothing else went wrong.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('on a database without the demo partnership the page says why and how to fix it', async () => {
    const empty = await startTestApp({ PLAYGROUND: 'true', SEED_DEMO: 'false' });
    try {
      const { page } = await open(browser, `${empty.url}/`);
      await page.getByRole('alert').filter({ hasText: 'only uses the demo partnership' }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'start with an empty DATA_DIR' }).count()).toBe(1);
      expect(await composer(page).isDisabled()).toBe(true);
      await shot(page, '12-no-demo');
    } finally {
      await empty.close();
    }
  });
});
