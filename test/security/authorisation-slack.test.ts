// The authorisation matrix through Slack: signed slash commands and clicks to the real server
// (Bolt's pipeline), answers read from the fake Slack Web API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { CHANNEL, TEAM, startSlack, type SlackTest } from '../slack/support.ts';
import { ACTOR_KINDS, runMatrix } from './matrix.ts';
import { sendSlack, slackUsers } from './surfaces.ts';

let t: SlackTest;
beforeAll(async () => {
  // the chair's account first: Slack's email lookup finds the chair, not the look-alike elsewhere
  t = await startSlack({}, await startFakeSlackApi(ACTOR_KINDS.map((a) => slackUsers[a])));
  await sendSlack(t, 'chair', 'fresh', { type: 'command', text: 'setup northfield' }, CHANNEL);
  const chair = (await t.app.stores.directory.findIdentity('slack', TEAM, slackUsers.chair.id))!;
  expect(chair).not.toBeNull();
  await t.app.bot.handle({
    conversation: { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
    speaker: { userId: slackUsers.chair.id, workspaceId: TEAM },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Summer fun day budget', closes: 'in 3 days' },
    },
  });
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

it('every permission × every actor, through signed Slack requests, answers as the table says', async () => {
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
      newAccount: `UNEW${++account}`,
      year: new Date().getUTCFullYear(),
    }),
    send: async (actor, where, inbound, fresh) => {
      const { status, shown } = await sendSlack(t, actor, where, inbound, fresh);
      statuses.add(status);
      return shown;
    },
  });
  expect(wrong).toEqual([]);
  expect([...statuses]).toEqual([200]);
});
