// The playground's own controls: "pretend it is <date>" and "run scheduled jobs now", for trying
// review-season messages and other scheduled work without waiting for the calendar.
import { call } from './api.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const LONG = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** Shows the app's time in the banner; loudly when it is pretended. */
export function showClock(clock) {
  if (!clock) return;
  const when = LONG.format(new Date(clock.now));
  const banner = $('clock-banner');
  banner.textContent = clock.pretending ? `Pretending it is ${when}.` : `It is ${when} (the real date).`;
  banner.classList.toggle('pretending', clock.pretending);
  $('clock-reset').hidden = !clock.pretending;
}

export function initControls({ refresh }) {
  const dateInput = /** @type {HTMLInputElement} */ ($('clock-date'));
  const timeInput = /** @type {HTMLInputElement} */ ($('clock-time'));
  const status = $('clock-status');

  $('clock-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!dateInput.value) {
      status.textContent = 'Choose a date first.';
      dateInput.focus();
      return;
    }
    const at = `${dateInput.value}T${timeInput.value || '09:00'}`;
    const result = await call('POST', '/clock', { at });
    if (!result.ok) {
      status.textContent = result.message;
      return;
    }
    showClock(result.data);
    status.textContent = `Now pretending it is ${LONG.format(new Date(result.data.now))}, for the demo partnership only. Its scheduled jobs see this date too.`;
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
    const { jobs, notRun = [] } = result.data;
    const ran = jobs.filter((j) => j.ran).map((j) => j.name);
    const skipped = jobs.filter((j) => !j.ran).map((j) => j.name);
    jobsStatus.textContent =
      jobs.length === 0
        ? 'No scheduled jobs are registered on this server yet.'
        : `Ran ${ran.length} of ${jobs.length} scheduled jobs${ran.length ? `: ${ran.join(', ')}` : ''}.` +
          (skipped.length ? ` Not run (another server process holds the scheduler): ${skipped.join(', ')}.` : '') +
          ' Anything they sent appears in the channel or your direct messages.' +
          (notRun.length
            ? ` Housekeeping (${notRun.map((j) => j.name).join(', ')}) is not run from here: it keeps the real date.`
            : '');
    await refresh();
  });
}
