// What the playground reaches, and what it never does (docs/playground.md): it acts only as the
// people of the demo partnership it seeded, never as a real partnership's, even one called
// "northfield", nor as the demo's once it is set up in Teams; Slack and Teams keep the real date
// while it pretends; cron runs the demo partnership at the pretend date and the rest at the real
// one; the scheduler's lease is taken at the real time; the pretence and the conversations end
// with the server. The real server, a real database, Slack's Web API and Teams' Bot Connector
// faked on loopback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, LEASE_MS } from '../../adapters/scheduler/index.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { cliTestTimeout, runCli } from '../support/cli.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import { resident, rosterOf } from '../support/rosters.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import { ROSTER_USERS } from '../slack/decision-support.ts';
import { USERS } from '../slack/support.ts';
import {
  CHANNEL_ID as TEAMS_CHANNEL,
  installEvent,
  invoke,
  MARGARET,
  message as teamsMessage,
  post,
  startTeams,
} from '../teams/support.ts';
import { call, inbox, named, people, send as sendWeb } from './client.ts';
import {
  openDecisionIn,
  PRETEND,
  RIVER_CHAIR,
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

async function start() {
  const started = await startWithSlack(fake, database!.url, clock);
  running = started.running;
  return started;
}

const DAY = 24 * 3600 * 1000;

describe('the playground acts only as the demo partnership’s people', () => {
  it('a person of a real partnership on the same database is no one it can be: 404, and nothing is done', async () => {
    const { app } = await start();
    await app.stores.rosters.importRoster(
      'riverside',
      rosterOf([resident('Rhea Chair', { roles: ['chair'] }), resident('Ravi Member'), resident('Ruth Member')]),
    );
    const riverside = (await app.stores.rosters.findPartnership('riverside'))!;
    const rhea = (await app.stores.rosters.loadRoster(riverside.id)).people.find((p) => p.name === 'Rhea Chair')!;
    const everyone = await people(running!.url);
    expect(everyone.map((p) => p.name)).not.toContain('Rhea Chair');
    const audited = await app.database.db.auditEvent.count();

    const as = { id: rhea.id, name: rhea.name, role: 'chair', group: 'officers' };
    for (const inbound of [
      { type: 'text', text: 'are we in criteria?' },
      { type: 'form', formId: 'decision.create', values: { title: 'Riverside bench', closes: 'in 3 days' } },
    ]) {
      const refused = await sendWeb(running!.url, as, 'channel', inbound);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: 'unknown_person' });
    }
    const inbox = await call(running!.url, 'GET', `/playground/api/inbox?person=${rhea.id}&since=0`);
    expect(inbox.status).toBe(404);
    expect(await app.stores.decisions.list(riverside.id)).toEqual([]);
    expect(await app.database.db.auditEvent.count()).toBe(audited);
    expect(await app.stores.directory.findIdentity('web', 'local', rhea.id)).toBeNull();
  });

  it('a real partnership called "northfield", not seeded for the playground: refused, and its clock and jobs never reach it', async () => {
    running = await startTestApp(
      { DATABASE_URL: database!.url, SEED_DEMO: 'false', PLAYGROUND: 'true', REVIEW_SEND_INTERVAL_MS: '0' },
      { clock },
    );
    const app = running.app;
    // Set up by its people (in Teams), with a decision open; then its channel went away.
    const { lakeside: northfield, decision } = await teamsPartnership(app, 'northfield');
    await app.database.db.channelBinding.deleteMany({ where: { partnershipId: northfield.id } });

    const refused = await call<{ error: string }>(running.url, 'GET', '/playground/api/people');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('no_demo_partnership');
    expect(await app.stores.directory.findBinding('web', 'local', 'partnership-channel')).toBeNull();

    await call(running.url, 'POST', '/playground/api/clock', { at: PRETEND });
    const ran = await call<{ jobs: { name: string; ran: boolean }[] }>(
      running.url,
      'POST',
      '/playground/api/jobs/run',
      {},
    );
    expect(ran.body.jobs).toContainEqual({ name: 'decisions', ran: true });
    await app.background.settled();
    expect(await statusOf(app, decision.id)).toBe('open');
    // Cron at the real date, which has not reached its closing time: still open.
    expect(await app.scheduler.tick(app.scheduler.jobs.find((j) => j.name === 'decisions')!)).toBe(true);
    expect(await statusOf(app, decision.id)).toBe('open');
  });
  it('the demo partnership set up in a Teams channel is no longer the playground’s; Teams keeps the real date', async () => {
    const teams = await startTeams({ PLAYGROUND: 'true' }, { clock });
    try {
      expect((await call(teams.url, 'GET', '/playground/api/people')).status).toBe(200);
      await post(teams, installEvent(teams.fake, 'installationUpdate', 'personal', { from: MARGARET }));
      await post(teams, installEvent(teams.fake, 'conversationUpdate', 'channel'));
      const setup = await post(teams, teamsMessage(teams.fake, { scope: 'channel', text: 'setup northfield' }));
      expect(setup.status).toBe(200);
      expect(await teams.app.stores.rosters.listPartnerships('sandbox')).toEqual([]);
      const refused = await call<{ error: string }>(teams.url, 'GET', '/playground/api/people');
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('no_demo_partnership');

      // While the playground pretends, a vote opened in Teams "in 3 days" closes three days after the real date.
      await call(teams.url, 'POST', '/playground/api/clock', { at: PRETEND });
      const form = { pb: { kind: 'form', formId: 'decision.create', context: TEAMS_CHANNEL } };
      const values = { 'field.title': 'Northfield path', 'field.closes': 'in 3 days' };
      const created = await post(
        teams,
        invoke(teams.fake, 'decision.create', { ...form, ...values }, { from: MARGARET }),
      );
      expect(created.status).toBe(200);
      await teams.app.background.settled();
      const northfield = (await teams.app.stores.rosters.findPartnership('northfield'))!;
      const { closesAt } = await openDecisionIn(teams.app, northfield);
      expect(closesAt.getTime() - new Date(TUESDAY).getTime()).toBeGreaterThan(2 * DAY);
      expect(closesAt.getTime() - new Date(TUESDAY).getTime()).toBeLessThan(4 * DAY);
    } finally {
      await teams.close();
    }
  });
  it(
    'the demo partnership with a roster imported into it from the command line is no longer the playground’s',
    async () => {
      const { app } = await start();
      expect((await call(running!.url, 'GET', '/playground/api/people')).status).toBe(200);
      // README's example, run on the database the playground seeded: the roster is now someone's own.
      const run = await runCli(['roster', 'import', DEMO_ROSTER, '--partnership', 'northfield'], {
        DATABASE_URL: database!.url,
      });
      expect(run.code).toBe(0);
      expect(await app.stores.rosters.listPartnerships('sandbox')).toEqual([]);
      const refused = await call<{ error: string; message: string }>(running!.url, 'GET', '/playground/api/people');
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('no_demo_partnership');
      expect(refused.body.message).toContain('or a roster imported into it, which makes it real');
    },
    cliTestTimeout(1),
  );
});

describe('the pretend date is the playground’s alone', () => {
  it('while it pretends, Slack is answered on the real date, the page on the pretend one', async () => {
    const { t, app } = await start();
    await call(running!.url, 'POST', '/playground/api/clock', { at: PRETEND });

    // Opened in Slack "in 3 days": three days after the real date.
    const { decision: river } = await slackPartnership(t, app);
    const real = new Date(TUESDAY).getTime();
    expect(river.closesAt.getTime() - real).toBeGreaterThan(2 * DAY);
    expect(river.closesAt.getTime() - real).toBeLessThan(4 * DAY);

    // Opened on the page "in 3 days": three days after the pretend date.
    const chair = named(await people(running!.url), 'Margaret Okafor');
    const demo = (await app.stores.rosters.findPartnership('northfield'))!;
    const opened = await sendWeb(running!.url, chair, 'channel', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Demo fun day', closes: 'in 3 days' },
    });
    expect(opened.status).toBe(200);
    const pretended = new Date(`${PRETEND}T09:00:00Z`).getTime();
    const sandboxed = await openDecisionIn(app, demo);
    expect(sandboxed.closesAt.getTime() - pretended).toBeGreaterThan(2 * DAY);
    expect(sandboxed.closesAt.getTime() - pretended).toBeLessThan(4 * DAY);
  });

  it('cron runs the demo partnership’s jobs at the pretend date, the real partnerships’ at the real date', async () => {
    const { t, app } = await start();
    const { decision: river } = await slackPartnership(t, app);
    const chair = named(await people(running!.url), 'Margaret Okafor');
    await sendWeb(running!.url, chair, 'channel', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Demo fun day', closes: 'in 3 days' },
    });
    const sandboxed = await openDecisionIn(app, (await app.stores.rosters.findPartnership('northfield'))!);
    await call(running!.url, 'POST', '/playground/api/clock', { at: PRETEND });
    fake.clear();

    // A tick as node-cron makes it: no "Run scheduled jobs now".
    expect(await app.scheduler.tick(app.scheduler.jobs.find((j) => j.name === 'decisions')!)).toBe(true);
    await app.background.settled();
    expect(await statusOf(app, sandboxed.id)).toBe('closed');
    expect(await statusOf(app, river.id)).toBe('open');
    expect(writesToSlack(fake)).toEqual([]);
  });

  it('"Run scheduled jobs now" at a date years ahead takes the scheduler’s lease at the real time', async () => {
    const { app } = await start();
    await call(running!.url, 'POST', '/playground/api/clock', { at: '01/10/2099' });
    const ran = await call<{ jobs: { name: string; ran: boolean }[] }>(
      running!.url,
      'POST',
      '/playground/api/jobs/run',
      {},
    );
    expect(ran.body.jobs.every((j) => j.ran)).toBe(true);
    // This process holds the lease now, and until a minute after the real time, not after 2099.
    const real = clock.now().getTime();
    expect(await acquireLease(app.platform.leases, 'another-process', new Date(real + 1000))).toBe(false);
    expect(await acquireLease(app.platform.leases, 'another-process', new Date(real + LEASE_MS + 1000))).toBe(true);
  });

  it('the pretence and the conversations last until the server restarts', async () => {
    await start();
    await call(running!.url, 'POST', '/playground/api/clock', { at: PRETEND });
    expect((await call(running!.url, 'GET', '/playground/api/clock')).body).toMatchObject({ pretending: true });
    const chair = named(await people(running!.url), 'Margaret Okafor');
    expect((await sendWeb(running!.url, chair, 'channel', { type: 'text', text: 'are we in criteria?' })).status).toBe(
      200,
    );
    expect((await inbox(running!.url, chair)).messages.length).toBeGreaterThan(0);
    await running!.close();
    running = null;
    await start();
    expect((await call(running!.url, 'GET', '/playground/api/clock')).body).toMatchObject({
      pretending: false,
      now: clock.now().toISOString(),
    });
    expect(await inbox(running!.url, chair)).toMatchObject({ messages: [], cursor: 0 });
  });
});
