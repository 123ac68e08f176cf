// Section 2: the Teams path for a vote (an adaptiveCard/action invoke). The bare CloudAdapter echo
// floor is measured; the full-server invoke is added here once the Teams adapter and votes exist.
import { join } from 'node:path';
import { ROOT, startChild } from '../lib/child.ts';
import { features } from '../lib/features.ts';
import { pendingReason, teamsVoteNeeds } from '../lib/pending.ts';
import { adaptiveCardInvoke } from '../lib/teams-request.ts';
import { notMeasured, type Section } from '../report.ts';
import { FLOOR_COLUMNS, floorErrors, floorRows, measure, ratioTargets, type Scenario } from './chat-floors.ts';

export const bareCloudAdapter: Scenario = {
  label: 'bare CloudAdapter floor (invoke echo)',
  start: () => startChild(join(ROOT, 'bench', 'floors', 'bare-teams.ts'), {}),
  // The discard port: the echo is answered in the HTTP response and must not call the connector.
  request: (i) => adaptiveCardInvoke({ verb: 'vote', data: { option: 'For' }, userId: `user-${i}`, serviceUrl: 'http://127.0.0.1:9/' }),
};

export const teamsInvoke: Section = {
  id: '2',
  title: 'Teams: an adaptiveCard/action vote, full server against a bare CloudAdapter',
  async run(ctx) {
    const floor = await measure(ctx, bareCloudAdapter);
    const why = pendingReason(teamsVoteNeeds(await features()), 'bench/sections/teams-invoke.ts');
    const rows = [...floorRows(floor, ''), notMeasured(why, FLOOR_COLUMNS.length, 'full server: adaptiveCard/action vote')];
    return {
      id: this.id,
      title: this.title,
      about:
        '`invoke` activities named `adaptiveCard/action` (Action.Execute) posted to `/api/messages` over keep-alive HTTP, answered in ' +
        'the HTTP response; the server runs in its own process, the load generator in the benchmark process.',
      tables: [{ columns: FLOOR_COLUMNS, rows }],
      targets: ratioTargets(floor, null, why),
      notes: floorErrors(floor),
      data: { floor, fullServer: { measured: false, why } },
    };
  },
};
