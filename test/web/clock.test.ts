// "Pretend it is 1 October": the offset clock, its route, and running scheduled jobs at the
// pretended time from the page.
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLease } from '../../adapters/scheduler/index.ts';
import { OffsetClock, parsePretendTime } from '../../adapters/web/clock.ts';
import { textReply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { call, inbox, named, people, send } from './client.ts';

let running: TestApp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('parsePretendTime', () => {
  it.each([
    ['2026-10-01', '2026-10-01T08:00:00.000Z'], // 09:00 British Summer Time
    ['2026-12-01', '2026-12-01T09:00:00.000Z'], // 09:00 Greenwich Mean Time
    ['2026-10-01T14:30', '2026-10-01T13:30:00.000Z'],
    ['2026-10-01T14:30:00Z', '2026-10-01T14:30:00.000Z'],
    [' 2027-03-31T09:15:00+01:00 ', '2027-03-31T08:15:00.000Z'],
    ['01/10/2026', '2026-10-01T08:00:00.000Z'], // day/month/year, as the page's fields send it
    ['1/12/2026 14:30', '2026-12-01T14:30:00.000Z'],
    ['01/10/2026 00:05', '2026-09-30T23:05:00.000Z'],
  ])('%s is %s', (text, iso) => {
    const parsed = parsePretendTime(text);
    expect(parsed.ok && parsed.value.toISOString()).toBe(iso);
  });

  it.each([
    ['', 'The date is empty'],
    ['next tuesday', '“next tuesday” is not a date I can read'],
    ['2026-02-30', 'is not a date I can read'],
    ['1999-10-01', 'between the years 2000 and 2100'],
    ['31/02/2026', '“31/02/2026” is not a date on the calendar: dates are day/month/year'],
    ['13/13/2026', 'is not a date on the calendar'],
    ['01/10/2026 25:00', '“25:00” is not a time: times are 24-hour, from 00:00 to 23:59'],
    ['10/01/2026 9am', 'is not a date I can read. Give a date like 01/10/2026 (day/month/year)'],
  ])('%j is refused: %s', (text, message) => {
    const parsed = parsePretendTime(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('OffsetClock', () => {
  it('starts at the pretended moment and moves with the clock it wraps; reset goes back', () => {
    let real = Date.parse('2026-11-22T12:00:00Z');
    const clock = new OffsetClock({ now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-11-22T12:00:00.000Z');
    clock.pretend(new Date('2026-10-01T08:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-10-01T08:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-10-01T08:01:30.000Z');
    clock.reset();
    expect(clock.now().toISOString()).toBe('2026-11-22T12:01:30.000Z');
  });
});

describe('the clock and jobs routes', () => {
  const fixed = { now: () => new Date('2026-11-22T12:00:00Z') };

  it('the playground’s clock is its own, wrapping the one given; the app’s clock (Slack, Teams, cron) is not it', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: fixed });
    expect(running.app.clock).toBe(fixed);
    expect((await call(running.url, 'GET', '/playground/api/clock')).body).toMatchObject({
      now: '2026-11-22T12:00:00.000Z',
      pretending: false,
      zone: 'Europe/London',
    });
  });

  it('POST /clock pretends a date; messages are dated then; reset returns to the real date', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: fixed });
    const set = await call(running.url, 'POST', '/playground/api/clock', { at: '2026-10-01' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ now: '2026-10-01T08:00:00.000Z', pretending: true });
    expect((await call(running.url, 'GET', '/playground/api/clock')).body).toMatchObject({
      now: '2026-10-01T08:00:00.000Z',
      pretending: true,
    });
    expect(running.app.clock.now().toISOString()).toBe('2026-11-22T12:00:00.000Z'); // the rest of the app keeps the real date
    const chair = named(await people(running.url), 'Margaret Okafor');
    const { body } = await send(running.url, chair, 'direct', { type: 'text', text: 'help' });
    expect(body.messages[0]!.at).toBe('2026-10-01T08:00:00.000Z');
    expect((await inbox(running.url, chair)).clock).toMatchObject({ pretending: true });
    const reset = await call(running.url, 'POST', '/playground/api/clock', { reset: true });
    expect(reset.body).toMatchObject({ now: '2026-11-22T12:00:00.000Z', pretending: false });
  });

  it('a bad date or body is 400 with how to write it', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' });
    const bad = await call<{ message: string }>(running.url, 'POST', '/playground/api/clock', { at: '1 Octobre' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Give a date like 01/10/2026 (day/month/year)');
    const empty = await call<{ message: string }>(running.url, 'POST', '/playground/api/clock', { when: 'soon' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('{"reset": true}');
    expect((await call(running.url, 'POST', '/playground/api/clock', '{oops')).status).toBe(400);
  });

  it('POST /jobs/run runs every partnership job now, for the demo partnership at the pretended time; what they send reaches the page', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: fixed });
    const app = running.app;
    const before = (await call(running.url, 'POST', '/playground/api/jobs/run', {})).body as {
      jobs: { name: string }[];
    };
    expect(before.jobs.map((j) => j.name)).not.toContain('test-nudge'); // only the features' own jobs so far
    const chair = named(await people(running.url), 'Margaret Okafor');
    const seen: string[] = [];
    // A job as review season (issue 7) will add one: a repeat-safe function of `now` that nudges people.
    app.scheduler.add({
      name: 'test-nudge',
      schedule: '0 9 * * *',
      kind: 'partnerships',
      async run(now, scope) {
        seen.push(`${scope} ${now.toISOString()}`);
        await app.notifier.sendToPerson(
          chair.id,
          textReply(`Review season nudge for ${now.toISOString().slice(0, 10)}`),
        );
      },
    });
    await call(running.url, 'POST', '/playground/api/clock', { at: '2026-10-01' });
    const ran = await call(running.url, 'POST', '/playground/api/jobs/run', {});
    expect(ran.body).toMatchObject({
      jobs: expect.arrayContaining([{ name: 'test-nudge', ran: true }]),
      clock: { pretending: true },
    });
    expect(seen).toEqual(['sandbox 2026-10-01T08:00:00.000Z']);
    // Housekeeping of the whole database is listed as not run, never run at a pretended date.
    expect((ran.body as { jobs: { name: string }[] }).jobs.map((j) => j.name)).not.toContain('retention');
    expect((ran.body as { notRun: { name: string }[] }).notRun.map((j) => j.name).sort()).toEqual([
      'prune-deliveries',
      'retention',
    ]);
    const summaries = (await inbox(running.url, chair)).messages
      .filter((m) => m.kind === 'direct')
      .map((m) => m.reply?.summary);
    expect(summaries).toContain('Review season nudge for 2026-10-01');
    // The real review-season job ran at the pretended date too: the chair hears the review is open.
    expect(summaries).toContain(
      'The 2026 partnership review for Northfield Big Local is open: it is due by Thu 31 Dec 2026.',
    );
  });
});

describe('what "run scheduled jobs now" reports', () => {
  const sunday = { now: () => new Date('2026-11-22T12:00:00Z') };
  const run = async (at?: string) => {
    if (at) await call(running!.url, 'POST', '/playground/api/clock', { at });
    return (await call<{ report: string[] }>(running!.url, 'POST', '/playground/api/jobs/run', {})).body.report;
  };

  it('nothing sent: says why (a quiet day, not review season yet, quiet hours, already sent)', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: sunday });
    const noDecision = 'Decisions: nothing sent, because no decision is open.';
    expect(await run()).toEqual([
      'Nothing was sent.',
      'Review season: nothing sent, because Sunday is a quiet day (setting review.quietDays): no scheduled message goes out then. The next time one can is Mon 23 Nov, 8am.',
      noDecision,
    ]);
    expect(await run('01/06/2026 10:00')).toEqual([
      'Nothing was sent.',
      'Review season: nothing sent, because it is not review season yet: the 2026 review opens on Tue 1 Sep, 9am (setting review.opensOn).',
      noDecision,
    ]);
    expect(await run('01/10/2026 21:30')).toEqual([
      'Nothing was sent.',
      'Review season: nothing sent, because 9:30pm is in the quiet hours, 8pm to 8am (settings review.quietFrom and review.quietTo): no scheduled message goes out then. The next time one can is Fri 2 Oct, 8am.',
      noDecision,
    ]);
    const opening = await run('01/10/2026 09:00');
    expect(opening[0]).toMatch(
      /^Sent 14 direct messages \(to Margaret Okafor ×2, Sam Taylor ×2, .* and Rosa Novak\)\.$/,
    );
    expect(opening.slice(1)).toEqual(['Choose a person under “You are” to read their direct messages.']);
    expect(await run()).toEqual([
      'Nothing was sent.',
      "Review season: nothing new was due: the opening message and this week's nudge (if any) were already sent, and membership confirmations are not due again yet. The next nudge is on Mon 5 Oct, 10am.",
      noDecision,
    ]);
  });
});

describe('what "run scheduled jobs now" reports, continued', () => {
  const monday = { now: () => new Date('2026-10-05T11:00:00Z') }; // Mon 5 Oct 2026, noon in England: in season
  const run = async (at?: string) => {
    if (at) await call(running!.url, 'POST', '/playground/api/clock', { at });
    return (await call<{ report: string[] }>(running!.url, 'POST', '/playground/api/jobs/run', {})).body.report;
  };
  const as = async (name: string, inbound: Record<string, unknown>) => {
    const person = named(await people(running!.url), name);
    const answer = await send(running!.url, person, 'direct', inbound);
    expect(answer.status).toBe(200);
    return answer.body.replies.map((r) => r.summary);
  };
  const command = (text: string) => ({ type: 'command', text });

  it('nothing sent: the review paused, then submitted; the season over', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: monday });
    await run('01/10/2026 09:00'); // the opening messages, out of the way
    await as('Sam Taylor', command('review pause'));
    expect((await run()).slice(0, 2)).toEqual([
      'Nothing was sent.',
      'Review season: no nudge, because the review is paused until Thu 8 Oct, 9am (review resume ends the pause).',
    ]);
    await as('Sam Taylor', command('review resume'));
    const answers = {
      'reflects-community': 'yes',
      'followed-policies': 'yes',
      'ethos-values': 'yes',
      'coi-guidance': 'yes',
    };
    await as('Sam Taylor', { type: 'form', formId: 'review.answers', values: answers, context: '2026' });
    expect(await as('Sam Taylor', command('review submit confirm'))).toEqual([
      expect.stringContaining('was submitted'),
    ]);
    expect((await run()).slice(0, 2)).toEqual([
      'Nothing was sent.',
      'Review season: nothing sent, because the 2026 review has been submitted: no more review messages this year.',
    ]);
    expect(await as('Margaret Okafor', command('settings set review.deadline=11-30'))).toEqual([
      expect.stringContaining('Review deadline: 12-31 → 11-30'),
    ]);
    expect((await run('15/12/2026 10:00')).slice(0, 2)).toEqual([
      'Nothing was sent.',
      'Review season: nothing sent, because the 2026 review season is over (its deadline was Mon 30 Nov 2026); the 2027 review opens on Wed 1 Sep, 9am.',
    ]);
  });

  it('an open decision not yet due: says when it closes and when its reminder is due; once due, counts what closing it sent', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: monday });
    await run('01/10/2026 09:00');
    const chair = named(await people(running.url), 'Margaret Okafor');
    const opened = await send(running.url, chair, 'channel', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Bench by the pond', closes: '09/10/2026 17:00' },
    });
    expect(opened.status).toBe(200);
    expect((await run()).at(-1)).toBe(
      'Decisions: nothing sent, because the open decision has not reached its closing time yet (it closes on Fri 9 Oct, 5pm); the next reminder is due on Thu 8 Oct, 5pm.',
    );
    // Past its closing time: it closes, its card in the channel changes in place, and the answer counts it.
    await call(running.url, 'POST', '/playground/api/clock', { at: '09/10/2026 17:30' });
    const closed = await call(running.url, 'POST', '/playground/api/jobs/run', {});
    expect(closed.body).toMatchObject({
      jobs: expect.arrayContaining([{ name: 'decisions', ran: true }]),
      sent: {
        channel: 0,
        direct: [
          { name: 'Margaret Okafor', count: 1 },
          { name: 'Sam Taylor', count: 1 },
        ],
        updated: 11, // the card, and the prompts sent when it opened
      },
      report: [
        'Sent 2 direct messages (to Margaret Okafor and Sam Taylor). 11 earlier messages updated in place.',
        'Choose a person under “You are” to read their direct messages.',
      ],
      clock: { pretending: true },
      cursor: expect.any(Number),
    });
  });

  it('a job another server process is running is named, to try again in a minute', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' }, { clock: monday });
    const app = running.app;
    // Another process holds the scheduler's lease, taken at the real time.
    expect(await acquireLease(app.platform.leases, 'another-process', app.clock.now())).toBe(true);
    const answer = await call<{ jobs: { name: string; ran: boolean }[]; report: string[] }>(
      running.url,
      'POST',
      '/playground/api/jobs/run',
      {},
    );
    expect(answer.body.jobs.length).toBeGreaterThan(0);
    expect(answer.body.jobs.every((j) => !j.ran)).toBe(true);
    expect(answer.body.report[0]).toBe(
      `Not run: ${answer.body.jobs.map((j) => j.name).join(', ')}, because another server process holds the scheduler; try again in a minute.`,
    );
  });
});
