// Section 2: the Teams path for a vote (an adaptiveCard/action invoke), answered in the HTTP
// response. The bare CloudAdapter echo floor against the full server (bin/server.mjs, Teams
// authentication off, the Bot Connector a local fake): the vote is written in one transaction
// before the invoke response is sent, then the channel's decision card is updated.
import { join } from 'node:path';
import { ROOT, startChild } from '../lib/child.ts';
import { adaptiveCardInvoke } from '../lib/teams-request.ts';
import { clickOf, createVoteWorld, type VoteWorld } from '../lib/vote-world.ts';
import type { Section } from '../report.ts';
import { FLOOR_COLUMNS, floorErrors, floorRows, measure, ratioTargets, type Scenario } from './chat-floors.ts';
import { checkVotes, voteNotes } from './slack-vote.ts';

export const bareCloudAdapter: Scenario = {
  label: 'bare CloudAdapter floor (invoke echo)',
  start: () => startChild(join(ROOT, 'bench', 'floors', 'bare-teams.ts'), {}),
  // The discard port: the echo is answered in the HTTP response and must not call the connector.
  request: (i) =>
    adaptiveCardInvoke({
      verb: 'vote',
      data: { option: 'For' },
      userId: `user-${i}`,
      serviceUrl: 'http://127.0.0.1:9/',
    }),
};

const TENANT = 'bench-tenant';
const CONVERSATION = '19:bench@thread.tacv2';

export function fullTeamsServer() {
  let world: VoteWorld | null = null;
  let serviceUrl = '';
  let clicks = 0;
  const scenario: Scenario = {
    label: 'full server: adaptiveCard/action vote',
    async start(_ctx, api) {
      serviceUrl = api.url.replace(/api\/$/, '');
      const reference = {
        serviceUrl,
        channelId: 'msteams',
        bot: { id: '28:bench-bot', name: 'partnership-bot' },
        conversation: { id: CONVERSATION, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      };
      world = await createVoteWorld(
        { platform: 'teams', workspaceId: TENANT, channelId: CONVERSATION, kind: 'channel' },
        '1700000000001',
        (i) => `aad-voter-${i}`,
        reference,
      );
      return startChild(
        join(ROOT, 'bin', 'server.mjs'),
        {
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: world.databaseUrl,
          SEED_DEMO: 'false',
          SCHEDULER: 'false',
          PLAYGROUND: 'false',
          LOG_LEVEL: 'error',
        },
        { ready: /running at (\S+)/ },
      );
    },
    // Action.Execute as the Teams renderer makes it for the ballot's buttons: verb = action id,
    // data.pb = { kind: 'action', actionId, value } (adapters/teams/cards/submit.ts); clicked in the
    // member's personal chat, where Teams delivers the ballot.
    request() {
      const { voter, option } = clickOf(clicks++);
      const value = `${world!.decisionId}:${option}`;
      return adaptiveCardInvoke({
        verb: 'decision.vote',
        data: { pb: { kind: 'action', actionId: 'decision.vote', value } },
        userId: world!.userId(voter),
        serviceUrl,
        personal: true,
      });
    },
  };
  return { scenario, world: () => world, clicks: () => clicks };
}

export const teamsInvoke: Section = {
  id: '2',
  title: 'Teams: an adaptiveCard/action vote, full server against a bare CloudAdapter',
  async run(ctx) {
    const floor = await measure(ctx, bareCloudAdapter);
    const full = fullTeamsServer();
    const measured = await measure(ctx, full.scenario);
    const check = await checkVotes(
      measured,
      full.world(),
      full.clicks(),
      (k) => k.includes('/activities/'),
      () => false,
    );
    full.world()?.remove();
    const recordedAll = !!check && check.votes + check.changes === check.answered;
    return {
      id: this.id,
      title: this.title,
      about:
        '`invoke` activities named `adaptiveCard/action` (Action.Execute) posted to `/api/messages` over keep-alive HTTP, answered in ' +
        'the HTTP response; the server runs in its own process, the load generator in the benchmark process. Full server: the real app ' +
        '(bin/server.mjs, SQLite file, Teams authentication off) with 500 members who declared no interest in an open decision; each ' +
        'invoke is a distinct member voting or changing their vote (verb `decision.vote`). The answer is the HTTP response, so the vote ' +
        'is committed before Teams hears anything; the channel card is then updated through a local fake Bot Connector.',
      tables: [{ columns: FLOOR_COLUMNS, rows: [...floorRows(floor, ''), ...floorRows(measured, '')] }],
      targets: [
        ...ratioTargets(floor, measured, ''),
        {
          text: 'a vote is durably recorded before it is acknowledged',
          met: recordedAll,
          note: "the invoke is answered in the HTTP response, after the core's transaction; every answered invoke found in the database",
        },
      ],
      notes: [...floorErrors(floor), ...floorErrors(measured), ...voteNotes(check, 'updateActivity on the connector')],
      data: { floor, fullServer: measured, check },
    };
  },
};
