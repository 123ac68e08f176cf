// Real headless Chromium (Debian's package) driven by playwright-core, for the playground's
// end-to-end tests. CI installs chromium (.ci/run); without it these tests are skipped, saying why.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { FakeClock } from '../support/fake-clock.ts';
import { ROOT } from '../support/paths.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `Skipping the playground's browser tests: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (.ci/run does).`;

/** Screenshots for people to look at (test-results/ is kept after the run, and ignored by git). */
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pb-chromium-'));
  mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(30_000); // a hang guard for each wait: a busy machine's Chromium is slow, never wrong
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface PageUnderTest {
  page: Page;
  /** uncaught errors and console errors of the page: a test ends by expecting none */
  errors: string[];
}

export async function open(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
): Promise<PageUnderTest> {
  for (const old of browser.context.pages()) await old.close(); // one page at a time, like a person
  const page = await browser.context.newPage();
  await page.bringToFront();
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  return { page, errors };
}

/** Choose who you are, as a person would: the "You are" list. */
export async function be(page: Page, option: string): Promise<void> {
  const select = page.getByLabel('You are');
  if ((await select.evaluate((s: { selectedOptions: { label: string }[] }) => s.selectedOptions[0]?.label)) === option)
    return;
  await select.selectOption({ label: option });
  await page.getByText(`You are now ${option.replace(/ \(.*\)$/, '')}`).waitFor({ state: 'attached' });
}

export const composer = (page: Page, where: 'channel' | 'direct' = 'channel'): Locator =>
  page.getByRole('textbox', {
    name: where === 'channel' ? 'Message #partnership-channel' : 'Message partnership-bot directly',
  });

/** Type into the message box and press Enter. */
export async function say(page: Page, text: string, where: 'channel' | 'direct' = 'channel'): Promise<void> {
  const box = composer(page, where);
  await box.fill(text);
  await box.press('Enter');
}

export const channelLog = (page: Page): Locator => page.getByRole('list', { name: 'Messages in #partnership-channel' });
export const directLog = (page: Page): Locator =>
  page.getByRole('list', { name: 'Direct messages with partnership-bot' });

/** The newest message in a log whose text matches. */
export const message = (log: Locator, text: string | RegExp): Locator =>
  log.getByRole('article').filter({ hasText: text }).last();

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** The screenshots docs/playground.md shows: rewritten by every run, so they cannot drift from the page. */
export const DOC_IMAGES = join(ROOT, 'docs', 'images');

/**
 * The moment the docs' screenshots show (Fri 4 Dec 2026, 10am in London): the tests that take them
 * run the app on a clock stopped there (`screenshotClock`), so the dates, times and closing times
 * on the pictures, and so their bytes, are the same on every run and `git status` stays clean.
 */
export const SCREENSHOT_TIME = '2026-12-04T10:00:00Z';
export const screenshotClock = (): FakeClock => new FakeClock(SCREENSHOT_TIME);

/** A screenshot for the docs (docs/images/playground-NAME.png; of `part` only, when given), and the whole page in test-results/ as usual. */
export async function docShot(page: Page, name: string, part?: Locator): Promise<void> {
  mkdirSync(DOC_IMAGES, { recursive: true });
  const path = join(DOC_IMAGES, `playground-${name}.png`);
  // no blinking caret or half-run transition in the picture
  const still = { animations: 'disabled', caret: 'hide' } as const;
  const taken = part ? await part.screenshot(still) : await page.screenshot({ fullPage: false, ...still });
  if (!existsSync(path) || !(await looksTheSame(page, readFileSync(path), taken))) writeFileSync(path, taken);
  await shot(page, name);
}

/**
 * The same picture to the eye: the same size, and no pixel off by more than a shade in any colour.
 * Chromium's anti-aliasing now and then differs by a shade between runs, which changed a PNG's
 * bytes (and `git status`) with nothing on the page changed; any real change (one letter) moves
 * pixels by far more. Compared by the browser itself, which decodes PNG without a dependency.
 */
async function looksTheSame(page: Page, before: Buffer, after: Buffer): Promise<boolean> {
  const script = `(async ([a, b]) => {
    const pixels = async (b64) => {
      const image = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
    };
    const [x, y] = [await pixels(a), await pixels(b)];
    if (x.width !== y.width || x.height !== y.height) return false;
    for (let i = 0; i < x.data.length; i++) if (Math.abs(x.data[i] - y.data[i]) > 8) return false;
    return true;
  })`;
  // on a blank page of its own: the playground's Content-Security-Policy would refuse the data: URLs
  const blank = await page.context().newPage();
  try {
    return (await blank.evaluate(
      `${script}(${JSON.stringify([before.toString('base64'), after.toString('base64')])})`,
    )) as boolean;
  } finally {
    await blank.close();
  }
}

/** What has focus, as tag, role, id and text (for keyboard journeys). The tests' TypeScript has no DOM types. */
export const focused = (page: Page): Promise<{ tag: string; role: string; text: string; id: string }> =>
  page.evaluate(`(() => {
  const el = document.activeElement;
  return { tag: el ? el.tagName.toLowerCase() : '', role: (el && el.getAttribute('role')) || '', text: ((el && el.textContent) || '').trim().slice(0, 400), id: (el && el.id) || '' };
})()`);

/**
 * Waits until focus is on a message (an <article>) containing `text`. A function, not a string:
 * the page's content security policy forbids evaluating strings, and the test respects it.
 */
export async function focusOnMessage(page: Page, text: string | RegExp): Promise<void> {
  const pattern = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  await page.waitForFunction((source) => {
    const el = (
      globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } }
    ).document.activeElement;
    return !!el && el.tagName === 'ARTICLE' && new RegExp(source).test(el.textContent ?? '');
  }, pattern);
}
