// Section 1: the Slack path for a vote click. The bare-Bolt floor (ack + chat.update on a local
// fake Slack API) against the full server (bin/server.mjs: Bolt receiver, core, the vote written
// in one transaction before the ack, then the private reply via response_url and the decision
// card refreshed with chat.update), both in their own process, measured in the same run.
import { join } from 'node:path';
import { ROOT, startChild } from '../lib/child.ts';
import { BURST, measureDeclarations, type DeclarationsMeasured } from '../lib/declare-bench.ts';
import { ms, perSecond } from '../lib/stats.ts';
import { BENCH_SIGNING_SECRET, signedBlockAction } from '../lib/slack-request.ts';
import { clickOf, createVoteWorld, type VoteWorld } from '../lib/vote-world.ts';
import type { Section, Table, Target } from '../report.ts';
import {
  FLOOR_COLUMNS,
  floorErrors,
  floorRows,
  measure,
  ratioTargets,
  type Measured,
  type Scenario,
} from './chat-floors.ts';

export const bareBolt: Scenario = {
  label: 'bare Bolt floor (ack + chat.update)',
  start: (_ctx, api) => startChild(join(ROOT, 'bench', 'floors', 'bare-bolt.ts'), { SLACK_API_URL: api.url }),
  request: (i) => signedBlockAction({ actionId: 'vote', value: 'for', userId: `U${i}` }),
  expectCalls: 'chat.update',
};

const TEAM = 'T0BENCH';
const CHANNEL = 'C0BENCH';
const CARD_TS = '1700000000.000100';
const BALLOT_TS = '1700000001.000200';

/** The full server, and what it must have recorded: one vote or change per click answered. */
export function fullSlackServer() {
  let world: VoteWorld | null = null;
  let responseUrl = '';
  let clicks = 0;
  const scenario: Scenario = {
    label: 'full server: signed block_actions vote',
    async start(_ctx, api) {
      world = await createVoteWorld(
        { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
        CARD_TS,
        (i) => `U0VOTER${i}`,
      );
      responseUrl = `${api.url}response_url`;
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
          SLACK_BOT_TOKEN: 'xoxb-bench',
          SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
          SLACK_API_URL: api.url,
          SLACK_BOT_USER_ID: 'U0BOT',
          SLACK_BOT_ID: 'B0BOT',
        },
        { ready: /running at (\S+)/ },
      );
    },
    // The button the Slack renderer makes for option k of the private ballot (an ephemeral
    // message): action id decision.vote, made unique as decision.vote~2 for the second button.
    request() {
      const { voter, option } = clickOf(clicks++);
      return signedBlockAction({
        actionId: option === 0 ? 'decision.vote' : `decision.vote~${option + 1}`,
        value: `${world!.decisionId}:${option}`,
        userId: world!.userId(voter),
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: BALLOT_TS,
        ephemeral: true,
        responseUrl,
      });
    },
    expectCalls: 'response_url',
  };
  return { scenario, world: () => world, clicks: () => clicks };
}

export interface VoteCheck {
  clicks: number;
  answered: number;
  votes: number;
  changes: number;
  cardUpdates: number;
  replies: number;
}

/** Clicks answered 200 (warm-ups included) against the votes and changes the database holds. */
export async function checkVotes(
  full: Measured,
  world: VoteWorld | null,
  clicks: number,
  card: (k: string) => boolean,
  reply: (k: string) => boolean,
): Promise<VoteCheck | null> {
  if (!world) return null;
  const { votes, changes } = await world.tally();
  const errors = full.runs.reduce((n, r) => n + r.errors, 0);
  const sum = (match: (k: string) => boolean) =>
    full.runs.reduce(
      (n, r) =>
        n +
        Object.entries(r.outbound)
          .filter(([k]) => match(k))
          .reduce((m, [, v]) => m + v, 0),
      0,
    );
  return { clicks, answered: clicks - errors, votes, changes, cardUpdates: sum(card), replies: sum(reply) };
}

export function voteNotes(check: VoteCheck | null, update: string): string[] {
  if (!check) return [];
  const recorded = check.votes + check.changes;
  return [
    `Every click counted: ${check.clicks.toLocaleString('en-GB')} clicks sent (warm-ups included), ${check.answered.toLocaleString('en-GB')} answered; ` +
      `the database holds ${check.votes} votes and ${check.changes.toLocaleString('en-GB')} changes = ${recorded.toLocaleString('en-GB')} ` +
      `(${recorded === check.answered ? 'equal: every answered click is a vote or a change' : recorded > check.answered ? 'more: clicks that timed out were recorded all the same' : '**fewer: answered clicks are missing**'}).`,
    `Private replies: ${check.replies.toLocaleString('en-GB')}. Card refreshes (${update}): ${check.cardUpdates.toLocaleString('en-GB')} ` +
      `(${(check.cardUpdates / Math.max(1, check.answered)).toFixed(2)} per click): by design the card is redrawn after the answer, at most once per ` +
      '`CARD_REFRESH_INTERVAL_MS` (default 1 s; message updates are rate-limited) during a burst, and its last redraw shows the newest counts ' +
      '(src/bot/notifications/decisions.ts refreshCard); the floor redraws on every click.',
  ];
}

const DATABASES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** Declarations on each database: concurrency 1 and 32, then a burst of 120 on one decision. */
function declarationTable(measured: DeclarationsMeasured[]): Table {
  return {
    caption: `Declarations ("No interest" clicks, each a member's first on the decision), full server; burst: ${BURST} at once on one decision`,
    columns: [
      'Database',
      'c1 p50',
      'c32 p50',
      'c32 p99',
      'c32 rate',
      `burst of ${BURST}: p50`,
      'p99',
      'max',
      'answered / stored',
    ],
    rows: measured.map((m) => {
      const [c1, c32] = m.runs;
      return [
        DATABASES[m.provider],
        ms(c1!.p50),
        ms(c32!.p50),
        ms(c32!.p99),
        perSecond(c32!.rps),
        ms(m.burst.p50),
        ms(m.burst.p99),
        ms(m.burst.max),
        `${m.answered} / ${m.stored}`,
      ];
    }),
  };
}

function declarationTargets(measured: DeclarationsMeasured[]): Target[] {
  return measured.flatMap((m) => {
    const db = DATABASES[m.provider];
    const c32 = m.runs[1]!;
    const errors = m.runs.reduce((n, r) => n + r.errors, m.burst.errors);
    return [
      {
        text: `${db}: a burst of ${BURST} concurrent declarations on one decision answered within 1 s each`,
        met: m.burst.errors === 0 && m.burst.max < 1_000,
        note: `slowest ${ms(m.burst.max)}, p99 ${ms(m.burst.p99)}${m.burst.errors ? `, ${m.burst.errors} errors` : ''}`,
      },
      {
        text: `${db}: declarations p99 at concurrency 32 under 500 ms`,
        met: c32.errors === 0 && c32.p99 < 500,
        note: ms(c32.p99),
      },
      {
        text: `${db}: every declaration acknowledged is stored`,
        met: errors === 0 && m.stored >= m.answered && m.repeats === 0,
        note: `${m.answered} answered, ${m.stored} stored${m.repeats ? `, ${m.repeats} clicks were repeats` : ''}`,
      },
    ];
  });
}

export const slackVote: Section = {
  id: '1',
  title: 'Slack: a vote click, full server against the bare-Bolt floor',
  async run(ctx) {
    const floor = await measure(ctx, bareBolt);
    const full = fullSlackServer();
    const measured = await measure(ctx, full.scenario);
    const check = await checkVotes(
      measured,
      full.world(),
      full.clicks(),
      (k) => k === 'chat.update',
      (k) => k === 'response_url',
    );
    full.world()?.remove();
    const declarations: DeclarationsMeasured[] = [];
    for (const provider of ['sqlite', 'postgres'] as const) {
      const m = await measureDeclarations(ctx, provider);
      if (m) declarations.push(m);
    }
    // Every click answered 200 must be in the database (clicks Bolt gave up on may be there too).
    const recordedAll = !!check && check.votes + check.changes >= check.answered;
    const errors = measured.runs.reduce((n, r) => n + r.errors, 0);
    const slowest = Math.max(...measured.runs.map((r) => r.max));
    return {
      id: this.id,
      title: this.title,
      about:
        'Signed `block_actions` requests over keep-alive HTTP from an in-process closed-loop load generator (concurrency 1 and 32, ' +
        'after a warm-up) to a server in its own process. Floor: ack, then `chat.update` on a local fake Slack Web API. Full server: ' +
        `the real app (bin/server.mjs, SQLite file) with ${500} members who declared no interest in an open decision; each click is a ` +
        'distinct member voting or changing their vote from the private ballot (`decision.vote` / `decision.vote~2`). The vote is ' +
        'written in one transaction before the ack; the reply (response_url) and the card refresh (`chat.update`) follow it. ' +
        "The full server's outbound column counts the response_url replies. Declarations: the same server on a SQLite file and on " +
        'PostgreSQL (the throwaway cluster), 21 open decisions nobody has declared on; each click is a member declaring "no interest" ' +
        '(`decision.declare.none`) for the first time, written (with any recusal, batched with the other clicks of the decision) before the ack.',
      tables: [
        { columns: FLOOR_COLUMNS, rows: [...floorRows(floor, 'chat.update'), ...floorRows(measured, 'response_url')] },
        declarationTable(declarations),
      ],
      targets: [
        ...ratioTargets(floor, measured, ''),
        ...declarationTargets(declarations),
        {
          text: 'a vote is durably recorded before it is acknowledged',
          met: recordedAll,
          note:
            'every click is written to the durable inbox before the ack (docs/inbox.md; test/slack/inbox.test.ts)' +
            (recordedAll
              ? '; every answered click found in the database'
              : '; some answered clicks are missing from the database'),
        },
        {
          text: "every click acknowledged within Slack's 3 s",
          met: errors === 0,
          note: errors ? `${errors} clicks answered by Bolt's 404 after 3 s` : `slowest ${Math.round(slowest)} ms`,
        },
      ],
      notes: [
        ...floorErrors(floor),
        ...floorErrors(measured),
        ...voteNotes(check, 'chat.update'),
        ...(declarations.some((m) => m.provider === 'postgres')
          ? []
          : ['Declarations on PostgreSQL not measured: the PostgreSQL server binaries are not installed.']),
      ],
      data: { floor, fullServer: measured, check, declarations },
    };
  },
};
