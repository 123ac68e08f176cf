// Section 1: the Slack path for a vote click. The bare-Bolt floor (ack + chat.update on a local
// fake Slack API) is measured; the full-server click (Bolt receiver, core, database write,
// chat.update) is added here as a second Scenario once the Slack adapter and votes exist.
import { join } from 'node:path';
import { ROOT, startChild } from '../lib/child.ts';
import { features } from '../lib/features.ts';
import { pendingReason, slackVoteNeeds } from '../lib/pending.ts';
import { signedBlockAction } from '../lib/slack-request.ts';
import { notMeasured, type Section } from '../report.ts';
import { FLOOR_COLUMNS, floorErrors, floorRows, measure, ratioTargets, type Scenario } from './chat-floors.ts';

export const bareBolt: Scenario = {
  label: 'bare Bolt floor (ack + chat.update)',
  start: (_ctx, api) => startChild(join(ROOT, 'bench', 'floors', 'bare-bolt.ts'), { SLACK_API_URL: api.url }),
  request: (i) => signedBlockAction({ actionId: 'vote', value: 'for', userId: `U${i}` }),
  expectCalls: 'chat.update',
};

export const slackVote: Section = {
  id: '1',
  title: 'Slack: a vote click, full server against the bare-Bolt floor',
  async run(ctx) {
    const floor = await measure(ctx, bareBolt);
    const why = pendingReason(slackVoteNeeds(await features()), 'bench/sections/slack-vote.ts');
    const rows = [...floorRows(floor, 'chat.update'), notMeasured(why, FLOOR_COLUMNS.length, 'full server: signed block_actions vote')];
    return {
      id: this.id,
      title: this.title,
      about:
        'Signed `block_actions` requests over keep-alive HTTP from an in-process closed-loop load generator (concurrency 1 and 32, ' +
        'after a warm-up) to a server in its own process; every click is followed by `chat.update` on a local fake Slack Web API.',
      tables: [{ columns: FLOOR_COLUMNS, rows }],
      targets: [...ratioTargets(floor, null, why), { text: 'a vote is durably recorded before it is acknowledged', met: null, note: why }],
      notes: floorErrors(floor),
      data: { floor, fullServer: { measured: false, why } },
    };
  },
};
