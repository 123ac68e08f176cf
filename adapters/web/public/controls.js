// The playground's own controls: "pretend it is <date>" and "run scheduled jobs now", for trying
// review-season messages and other scheduled work without waiting for the calendar.
import { call } from './api.js';
import { whenWords } from './when.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** What the date and time fields hold: 01/10/2026 and 09:00, as people in England write them. */
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** Shows the app's time in the banner; loudly when it is pretended. */
export function showClock(clock) {
  if (!clock) return;
  const when = whenWords(new Date(clock.now), { year: true });
  const banner = $('clock-banner');
  banner.textContent = clock.pretending ? `Pretending it is ${when}.` : `It is ${when} (the real date).`;
  banner.classList.toggle('pretending', clock.pretending);
  $('clock-reset').hidden = !clock.pretending;
}

/** `clock`: the playground's clock when the page loads; a pretence set earlier is shown in the fields too. */
export function initControls({ refresh, clock }) {
  const dateInput = /** @type {HTMLInputElement} */ ($('clock-date'));
  const timeInput = /** @type {HTMLInputElement} */ ($('clock-time'));
  const status = $('clock-status');
  if (clock?.pretending) {
    const now = new Date(clock.now);
    dateInput.value = DAY.format(now);
    timeInput.value = TIME.format(now);
    status.textContent = `Pretending it is ${whenWords(now, { year: true })} (set earlier), for the demo partnership only. Back to the real date ends it.`;
  }

  $('clock-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!dateInput.value.trim()) {
      status.textContent = 'Type a date first, day/month/year: 01/10/2026.';
      dateInput.focus();
      return;
    }
    // The server reads day/month/year and says what is wrong with anything else.
    const at = `${dateInput.value.trim()} ${timeInput.value.trim() || '09:00'}`;
    const result = await call('POST', '/clock', { at });
    if (!result.ok) {
      status.textContent = result.message;
      return;
    }
    showClock(result.data);
    status.textContent = `Now pretending it is ${whenWords(new Date(result.data.now), { year: true })}, for the demo partnership only. Its scheduled jobs see this date too.`;
    await refresh();
  });

  $('clock-reset').addEventListener('click', async () => {
    const result = await call('POST', '/clock', { reset: true });
    if (!result.ok) {
      status.textContent = result.message;
      return;
    }
    showClock(result.data);
    status.textContent = 'Back to the real date.';
    dateInput.focus();
  });

  const run = /** @type {HTMLButtonElement} */ ($('run-jobs'));
  run.addEventListener('click', async () => {
    const jobsStatus = $('jobs-status');
    run.disabled = true;
    jobsStatus.textContent = 'Running scheduled jobs…';
    const result = await call('POST', '/jobs/run', {});
    run.disabled = false;
    if (!result.ok) {
      jobsStatus.textContent = result.message;
      return;
    }
    const { report = [], notRun = [] } = result.data;
    const lines = [...report];
    if (notRun.length)
      lines.push(
        `Housekeeping (${notRun.map((j) => j.name).join(', ')}) is not run from here: it keeps the real date.`,
      );
    jobsStatus.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
    await refresh();
  });
}
