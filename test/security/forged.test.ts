// Forged payloads through the real pipelines: signed Slack clicks and modal submissions, Teams
// Action.Submit activities, the playground's API. Refused, audited, nothing written (forged.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { CHANNEL, TEAM, startSlack, type SlackTest } from '../slack/support.ts';
import { startTeams, TENANT, type TeamsTest } from '../teams/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { App } from '../../adapters/server/app.ts';
import type { Platform } from '../../src/domain/chat/inbound.ts';
import { ACTOR_KINDS, ACTORS } from './matrix.ts';
import { CASES, eastbrookDecision, expectForgeriesRefused, type World } from './forged.ts';
import {
  registerTeamsUsers,
  sendSlack,
  sendTeams,
  sendWeb,
  slackUsers,
  TEAMS_CHANNEL,
  teamsFresh,
  teamsUsers,
} from './surfaces.ts';

/** Northfield's decision (put by the chair in the bound channel) and Eastbrook's. */
async function world(
  app: App,
  conversation: { platform: Platform; workspaceId: string; channelId: string },
  chairUserId: string,
): Promise<World> {
  const northfield = (await app.stores.rosters.findPartnership('northfield'))!.id;
  await app.bot.handle({
    conversation: { ...conversation, kind: 'channel' },
    speaker: { userId: chairUserId, workspaceId: conversation.workspaceId },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Summer fun day budget', closes: 'in 3 days' },
    },
  });
  const decisionId = (await app.stores.decisions.list(northfield))[0]!.id;
  const people = (await app.stores.rosters.loadRoster(northfield)).people;
  return {
    app,
    northfield,
    decisionId,
    eastDecisionId: await eastbrookDecision(app),
    someoneElse: people.find((p) => p.name === 'Gareth Jones')!.id,
  };
}

describe('Slack: signed clicks and modal submissions', () => {
  let t: SlackTest;
  let w: World;
  beforeAll(async () => {
    t = await startSlack({}, await startFakeSlackApi(ACTOR_KINDS.map((a) => slackUsers[a])));
    await sendSlack(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, CHANNEL);
    w = await world(t.app, { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL }, slackUsers.chair.id);
  });
  afterAll(async () => {
    await t.close();
    await t.fake.close();
  });

  it('refuses and audits every forgery, and writes nothing', async () => {
    await expectForgeriesRefused(
      w,
      async (actor, where, inbound) => (await sendSlack(t, actor, where, inbound, 'C0UNBOUND')).shown,
    );
  });
});

describe('Teams: Action.Submit activities', () => {
  let t: TeamsTest;
  let w: World;
  beforeAll(async () => {
    t = await startTeams();
    registerTeamsUsers(t.fake);
    await sendTeams(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, TEAMS_CHANNEL);
    await sendTeams(t, 'voting-member', 'direct', { type: 'command', text: 'help' });
    w = await world(
      t.app,
      { platform: 'teams', workspaceId: TENANT, channelId: TEAMS_CHANNEL },
      teamsUsers.chair.aadObjectId,
    );
  });
  afterAll(() => t.close());

  it('refuses and audits every forgery, and writes nothing', async () => {
    await expectForgeriesRefused(
      w,
      async (actor, where, inbound) => (await sendTeams(t, actor, where, inbound, teamsFresh('C0UNBOUND'))).shown,
    );
  });
});

describe('the playground API', () => {
  let t: TestApp;
  let w: World;
  let ids: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true', PLAYGROUND: 'true' });
    const people = (await (await fetch(`${t.url}/playground/api/people`)).json()) as {
      people: { id: string; name: string }[];
    };
    ids = new Map(people.people.map((p) => [p.name, p.id]));
    w = await world(
      t.app,
      { platform: 'web', workspaceId: 'local', channelId: 'partnership-channel' },
      ids.get('Margaret Okafor')!,
    );
  });
  afterAll(() => t.close());

  // Its one channel is always bound, so a click "from an unbound channel" cannot be sent here.
  it('refuses and audits every forgery, and writes nothing', async () => {
    await expectForgeriesRefused(
      w,
      async (actor, where, inbound) => (await sendWeb(t.url, ids.get(ACTORS[actor].name!)!, where, inbound)).shown,
      CASES.filter((c) => c.where !== 'fresh'),
    );
  });
});
