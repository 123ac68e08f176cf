// What the sandbox tests share: the server with Slack configured and the playground switched on,
// and the real partnerships beside the demo one (Riverside on Slack, Lakeside on Teams), each with
// an open decision, set up through the same requests people make.
import { expect } from 'vitest';
import type { App } from '../../adapters/server/app.ts';
import type { Clock, PartnershipRef } from '../../src/services/ports/index.ts';
import type { FakeSlackApi, FakeUser } from '../fakes/slack-api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { resident, rosterOf } from '../support/rosters.ts';
import { modalValues } from '../slack/decision-support.ts';
import { command, settle, slackEnv, submitView, TEAM, type SlackTest } from '../slack/support.ts';

export const RIVER_CHANNEL = 'C0RIVER';
export const RIVER_CHAIR: FakeUser = {
  id: 'URHEA',
  teamId: TEAM,
  email: 'rhea.chair@riverside.example.org',
  name: 'Rhea',
};
export const TEAMS = { tenant: 'tenant-lakeside', channel: '19:lakeside@thread.tacv2', chair: 'teams-lena' };
/** a week and a half on: every decision opened on TUESDAY "in 3 days" is overdue by then */
export const PRETEND = '2026-10-31';

/** Slack configured and the playground switched on explicitly, on a database that outlives a restart. */
export async function startWithSlack(
  fake: FakeSlackApi,
  databaseUrl: string,
  clock: Clock,
): Promise<{ running: TestApp; t: SlackTest; app: App }> {
  const running = await startTestApp(
    {
      ...slackEnv(fake),
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'true',
      PLAYGROUND: 'true',
      REVIEW_SEND_INTERVAL_MS: '0',
    },
    { clock },
  );
  const t: SlackTest = { fake, server: running, app: running.app, close: async () => undefined };
  return { running, t, app: running.app };
}

/** What the server wrote to Slack channels (new messages and updates). */
export const writesToSlack = (fake: FakeSlackApi) =>
  fake.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
export const statusOf = async (app: App, id: string) => (await app.stores.decisions.find({ id }))!.decision.status;

export async function openDecisionIn(app: App, partnership: PartnershipRef) {
  const [decision] = await app.stores.decisions.list(partnership.id, 'open');
  expect(decision).toBeDefined();
  return decision!;
}

/** Riverside: real people on Slack, with an open decision, a member who left long ago, and a card in its channel. */
export async function slackPartnership(t: SlackTest, app: App) {
  const roster = rosterOf([
    resident('Rhea Chair', { roles: ['chair'], email: RIVER_CHAIR.email! }),
    resident('Ravi Member'),
    resident('Ruth Member'),
    resident('Ron Member'),
    resident('Rita Leaver'),
  ]);
  await app.stores.rosters.importRoster('riverside', roster);
  await app.stores.rosters.importRoster('riverside', {
    ...roster,
    people: roster.people.filter((p) => p.name !== 'Rita Leaver'),
  });
  const riverside = (await app.stores.rosters.findPartnership('riverside'))!;
  // Left long before any retention period: only retention, run at any date, would erase her.
  await app.database.db.person.updateMany({
    where: { partnershipId: riverside.id, name: 'Rita Leaver' },
    data: { endedAt: new Date('2010-01-01T00:00:00Z') },
  });
  await command(t, 'setup riverside', { user: RIVER_CHAIR, channel: RIVER_CHANNEL });
  await settle(app);
  const metadata = JSON.stringify({ c: RIVER_CHANNEL, ch: RIVER_CHANNEL, k: 'channel' });
  const created = await submitView(
    t,
    'decision.create',
    modalValues({ title: 'Riverside bench', kind: 'general', closes: 'in 3 days', ballot: 'open', visibility: 'live' }),
    metadata,
    { user: RIVER_CHAIR },
  );
  expect(created.status).toBe(200);
  await settle(app);
  const decision = await openDecisionIn(app, riverside);
  expect(decision.card?.message?.platform).toBe('slack'); // its card is in the Slack channel
  return { riverside, decision };
}

/** Lakeside: a partnership whose channel is in Teams, with an open decision (created through the core as the Teams adapter does). */
export async function teamsPartnership(app: App, slug = 'lakeside') {
  const summary = await app.stores.rosters.importRoster(
    slug,
    rosterOf([
      resident('Lena Chair', { roles: ['chair'] }),
      resident('Leo Member'),
      resident('Lou Member'),
      resident('Lyn Member'),
    ]),
  );
  const lakeside = summary.partnership;
  const chair = (await app.stores.rosters.loadRoster(lakeside.id)).people.find((p) => p.name === 'Lena Chair')!;
  await app.stores.directory.bindChannel(
    { partnershipId: lakeside.id, platform: 'teams', workspaceId: TEAMS.tenant, channelId: TEAMS.channel },
    chair.id,
  );
  await app.stores.directory.linkIdentity(chair.id, 'teams', TEAMS.tenant, TEAMS.chair);
  await app.bot.handle({
    conversation: { platform: 'teams', workspaceId: TEAMS.tenant, channelId: TEAMS.channel, kind: 'channel' },
    speaker: { userId: TEAMS.chair, workspaceId: TEAMS.tenant },
    inbound: { type: 'form', formId: 'decision.create', values: { title: 'Lakeside path', closes: 'in 3 days' } },
  });
  await app.background.settled();
  return { lakeside, decision: await openDecisionIn(app, lakeside) };
}
