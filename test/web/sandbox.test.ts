// The playground's pretend clock and "run scheduled jobs now" are a sandbox: they reach the demo
// partnership the server seeded for it, and never a partnership people use through Slack or Teams,
// the de-duplication of deliveries, or retention. Driven over HTTP on the real server (Slack signed
// requests, the playground's API) with the Slack Web API faked on loopback.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../adapters/server/app.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeUser } from '../fakes/slack-api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import { ROSTER_USERS, modalValues } from '../slack/decision-support.ts';
import { command, send, settle, slackEnv, submitView, TEAM, USERS, type SlackTest } from '../slack/support.ts';
import { call, named, people, send as sendWeb } from './client.ts';
import {
  openDecisionIn,
  PRETEND,
  RIVER_CHAIR,
  RIVER_CHANNEL,
  slackPartnership,
  startWithSlack,
  statusOf,
  teamsPartnership,
  writesToSlack,
} from './sandbox-world.ts';

let fake: FakeSlackApi;
let running: TestApp | null = null;
let database: { url: string; remove(): void } | null = null;
const clock = new TestClock(new Date(TUESDAY));

beforeEach(async () => {
  clock.set(TUESDAY);
  fake = await startFakeSlackApi([...Object.values(USERS), ...Object.values(ROSTER_USERS), RIVER_CHAIR]);
  database = newDatabaseUrl();
});
afterEach(async () => {
  await running?.close();
  running = null;
  await fake.close();
  database?.remove();
});

/** Slack configured and the playground switched on explicitly, on a database that outlives a restart. */
async function start(): Promise<{ t: SlackTest; app: App }> {
  const started = await startWithSlack(fake, database!.url, clock);
  running = started.running;
  return started;
}

const FORM = 'application/x-www-form-urlencoded';

/** A signed `/partnership <text>` whose body the test keeps, to replay it exactly as Slack would. */
function commandBody(text: string, user: FakeUser, channel: string) {
  const id = randomUUID();
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'riverside',
    channel_id: channel,
    channel_name: 'partnership',
    user_id: user.id,
    user_name: user.name ?? user.id,
    command: '/partnership',
    text,
    api_app_id: 'A1',
    response_url: fake.responseUrl(id),
    trigger_id: `trigger-${id}`,
  }).toString();
  return { body, responsePath: `/response/${id}`, timestamp: Math.floor(clock.now().getTime() / 1000) };
}

const answersTo = (path: string) => fake.calls.filter((c) => c.method === 'response_url' && c.target === path).length;
const chatWrites = () => writesToSlack(fake);

describe('the playground sandbox, with Slack configured and PLAYGROUND=true', () => {
  it('the pretend clock and job runs close the demo partnership’s decision and touch nothing real', async () => {
    const { t, app } = await start();
    const { riverside, decision: river } = await slackPartnership(t, app);
    const { decision: lake } = await teamsPartnership(app);

    // The demo partnership (the playground's own) opens a decision through the page.
    const chair = named(await people(running!.url), 'Margaret Okafor');
    const demo = (await app.stores.rosters.findPartnership('northfield'))!;
    const opened = await sendWeb(running!.url, chair, 'channel', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Demo fun day', closes: 'in 3 days' },
    });
    expect(opened.status).toBe(200);
    const sandboxed = await openDecisionIn(app, demo);

    // A signed Slack command, answered once, and old delivery keys.
    const replay = commandBody('help', RIVER_CHAIR, RIVER_CHANNEL);
    expect((await send(t, replay.body, FORM, { timestamp: replay.timestamp })).status).toBe(200);
    await settle(app);
    expect(answersTo(replay.responsePath)).toBe(1);
    const db = app.database.db;
    await db.inboxItem.createMany({
      data: [
        { key: 'slack:two-days-old', platform: 'slack', status: 'done', createdAt: new Date('2026-10-18T09:00:00Z') },
        { key: 'teams:a-week-old', platform: 'teams', status: 'done', createdAt: new Date('2026-10-13T09:00:00Z') },
      ],
    });
    const keysBefore = (await db.inboxItem.findMany({ orderBy: { key: 'asc' } })).map((d) => d.key);
    fake.clear();

    const pretend = await call(running!.url, 'POST', '/playground/api/clock', { at: PRETEND });
    expect(pretend.body).toMatchObject({ now: '2026-10-31T09:00:00.000Z', pretending: true });
    const ran = await call<{ jobs: { name: string; ran: boolean }[]; notRun: { name: string; reason: string }[] }>(
      running!.url,
      'POST',
      '/playground/api/jobs/run',
      {},
    );
    expect(ran.status).toBe(200);
    expect(ran.body.jobs).toEqual(
      expect.arrayContaining([
        { name: 'decisions', ran: true },
        { name: 'review-season', ran: true },
      ]),
    );
    expect(ran.body.jobs.map((j) => j.name)).not.toEqual(expect.arrayContaining(['retention']));
    expect(ran.body.notRun.map((j) => j.name).sort()).toEqual(['prune-deliveries', 'retention']);
    await app.background.settled();

    // The demo's decision closed at its closing time; the page shows the result.
    expect((await app.stores.decisions.find({ id: sandboxed.id }))!.decision).toMatchObject({
      status: 'closed',
      closeReason: 'time',
    });
    // Riverside (Slack) and Lakeside (Teams) keep the real date: still open, nothing sent to Slack.
    expect(await statusOf(app, river.id)).toBe('open');
    expect(await statusOf(app, lake.id)).toBe('open');
    expect(chatWrites()).toEqual([]);
    // No housekeeping ran: the delivery keys are all there, the long-gone member is not erased.
    expect((await db.inboxItem.findMany({ orderBy: { key: 'asc' } })).map((d) => d.key)).toEqual(keysBefore);
    expect(
      await db.person.findFirst({
        where: { partnershipId: riverside.id, name: 'Rita Leaver' },
        select: { erasedAt: true },
      }),
    ).toEqual({ erasedAt: null });
    // The replayed Slack command is still recognised as one already answered: not answered again.
    expect((await send(t, replay.body, FORM, { timestamp: replay.timestamp })).status).toBe(200);
    await settle(app);
    expect(answersTo(replay.responsePath)).toBe(0); // calls were cleared after its first answer

    // Cron meanwhile (a tick of the decisions job, as node-cron makes it) uses the real date for
    // the real partnerships: still not due, so still open.
    const job = app.scheduler.jobs.find((j) => j.name === 'decisions')!;
    expect(await app.scheduler.tick(job)).toBe(true);
    expect(await statusOf(app, river.id)).toBe('open');
    expect(await statusOf(app, lake.id)).toBe('open');
    expect(chatWrites()).toEqual([]);
    // Once the real date passes their closing time, the real clock closes them, as always.
    clock.set('2026-10-24T09:00:00Z');
    expect(await app.scheduler.tick(job)).toBe(true);
    await app.background.settled();
    expect(await statusOf(app, river.id)).toBe('closed');
    expect(await statusOf(app, lake.id)).toBe('closed');
    expect(chatWrites().some((c) => c.method === 'chat.update' && c.args.channel === RIVER_CHANNEL)).toBe(true);
  });

  it('a demo partnership bound to a Slack channel (setup) is no longer the playground’s, across restarts', async () => {
    let { t, app } = await start();
    const demo = (await app.stores.rosters.findPartnership('northfield'))!;
    expect((await app.stores.rosters.listPartnerships('sandbox')).map((p) => p.slug)).toEqual(['northfield']);
    await command(t, 'setup northfield', { user: ROSTER_USERS.margaret });
    await settle(app);
    expect(await app.stores.rosters.listPartnerships('sandbox')).toEqual([]);
    expect((await app.stores.rosters.listPartnerships('live')).map((p) => p.slug)).toEqual(['northfield']);

    // People now use it in Slack: a decision there, with its card in the channel.
    const metadata = JSON.stringify({ c: 'C0PARTNERS', ch: 'C0PARTNERS', k: 'channel' });
    await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Northfield summer fair',
        kind: 'general',
        closes: 'in 3 days',
        ballot: 'open',
        visibility: 'live',
      }),
      metadata,
      { user: ROSTER_USERS.margaret },
    );
    await settle(app);
    const decision = await openDecisionIn(app, demo);

    // Restarted, the mark stays off: the playground refuses to act as its people, and its clock and jobs do not reach it.
    await running!.close();
    running = null;
    ({ t, app } = await start());
    const refused = await call<{ error: string }>(running!.url, 'GET', '/playground/api/people');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('no_demo_partnership');
    fake.clear();
    await call(running!.url, 'POST', '/playground/api/clock', { at: PRETEND });
    const ran = await call<{ jobs: { name: string; ran: boolean }[] }>(
      running!.url,
      'POST',
      '/playground/api/jobs/run',
      {},
    );
    expect(ran.body.jobs).toContainEqual({ name: 'decisions', ran: true });
    await app.background.settled();
    expect(await statusOf(app, decision.id)).toBe('open');
    expect(chatWrites()).toEqual([]);
  });

  it('the demo partnership seeded at first start stays the playground’s across a restart', async () => {
    let { app } = await start();
    expect((await app.stores.rosters.listPartnerships('sandbox')).map((p) => p.slug)).toEqual(['northfield']);
    await running!.close();
    running = null;
    ({ app } = await start());
    expect((await app.stores.rosters.listPartnerships('sandbox')).map((p) => p.slug)).toEqual(['northfield']);
    expect((await call(running!.url, 'GET', '/playground/api/people')).status).toBe(200);
  });
});

describe('the start-up log line', () => {
  function recordingLogger() {
    const lines: { level: string; message: string }[] = [];
    const add = (level: string) => (message: string) => void lines.push({ level, message });
    return { lines, info: add('info'), warn: add('warn'), error: add('error') };
  }

  it('Slack credentials and PLAYGROUND unset: off, says why, and nothing is served', async () => {
    const logger = recordingLogger();
    // An empty value is "unset" (startTestApp would otherwise switch the playground off).
    running = await startTestApp({ ...slackEnv(fake), DATABASE_URL: database!.url, PLAYGROUND: '' }, { logger, clock });
    const playground = logger.lines.filter((l) => /^playground /.test(l.message));
    expect(playground).toEqual([
      {
        level: 'info',
        message:
          'playground off: Slack or Teams credentials are set (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) and PLAYGROUND is not. ' +
          'Set PLAYGROUND=true to run it alongside them (its pretend date and job runs reach only the demo partnership).',
      },
    ]);
    expect((await fetch(`${running.url}/`)).status).toBe(404);
    expect((await fetch(`${running.url}/playground/api/clock`)).status).toBe(404);
  });

  it('Slack credentials and PLAYGROUND=true: on, and says so', async () => {
    const logger = recordingLogger();
    running = await startTestApp(
      { ...slackEnv(fake), DATABASE_URL: database!.url, PLAYGROUND: 'true' },
      { logger, clock },
    );
    expect(logger.lines.filter((l) => /^playground /.test(l.message))).toEqual([
      { level: 'info', message: 'playground on: PLAYGROUND=true, on this machine only.' },
    ]);
    expect((await fetch(`${running.url}/`)).status).toBe(200);
  });
});

describe('the start-up log line, without Slack', () => {
  const lines: { level: string; message: string }[] = [];
  const logger = {
    info: (message: string) => void lines.push({ level: 'info', message }),
    warn: (message: string) => void lines.push({ level: 'warn', message }),
    error: () => undefined,
  };
  beforeEach(() => void lines.splice(0));

  it.each([
    [
      {},
      'playground on: no Slack or Teams credential is set (PLAYGROUND=false switches it off), on this machine only.',
      200,
    ],
    [{ PLAYGROUND: 'false' }, 'playground off: PLAYGROUND=false.', 404],
  ])('%j: says so in one line, and serves the page or not', async (env, line, status) => {
    running = await startTestApp({ DATABASE_URL: database!.url, PLAYGROUND: '', ...env }, { logger, clock });
    expect(lines.filter((l) => /^playground /.test(l.message))).toEqual([{ level: 'info', message: line }]);
    expect((await fetch(`${running.url}/`)).status).toBe(status);
  });
});
