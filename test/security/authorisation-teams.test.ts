// The authorisation matrix through Teams: activities posted to the real server (botbuilder's
// CloudAdapter), answers read from the fake Bot Connector.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeams, TENANT, type TeamsTest } from '../teams/support.ts';
import { ACTOR_KINDS, runMatrix } from './matrix.ts';
import { registerTeamsUsers, sendTeams, TEAMS_CHANNEL, teamsFresh, teamsUsers } from './surfaces.ts';

let t: TeamsTest;
beforeAll(async () => {
  t = await startTeams();
  registerTeamsUsers(t.fake);
  // Everyone has a personal chat with the bot (as after installing it), so private answers to a
  // channel request reach them there.
  for (const actor of ACTOR_KINDS) await sendTeams(t, actor, 'direct', { type: 'command', text: 'help' });
  await sendTeams(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, TEAMS_CHANNEL);
  expect(await t.app.stores.directory.findBinding('teams', TENANT, TEAMS_CHANNEL)).not.toBeNull();
  await t.app.bot.handle({
    conversation: { platform: 'teams', workspaceId: TENANT, channelId: TEAMS_CHANNEL, kind: 'channel' },
    speaker: { userId: teamsUsers.chair.aadObjectId, workspaceId: TENANT },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Summer fun day budget', closes: 'in 3 days' },
    },
  });
});
afterAll(() => t.close());

it('every permission × every actor, through Teams activities, answers as the table says', async () => {
  const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
  const people = (await t.app.stores.rosters.loadRoster(partnership.id)).people;
  const [decision] = await t.app.stores.decisions.list(partnership.id);
  let account = 0;
  const statuses = new Set<number>();
  const wrong = await runMatrix({
    people,
    setting: () => ({
      decisionId: decision!.id,
      decisionNumber: decision!.number,
      newAccount: `8d5c2a10-0000-4000-8000-${String(++account).padStart(12, '0')}`,
      year: new Date().getUTCFullYear(),
    }),
    send: async (actor, where, inbound, fresh) => {
      const { status, shown } = await sendTeams(t, actor, where, inbound, teamsFresh(fresh));
      statuses.add(status);
      return shown;
    },
  });
  expect(wrong).toEqual([]);
  expect([...statuses]).toEqual([200]);
});
