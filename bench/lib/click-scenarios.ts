// The scenarios of the durable-floor section (bench/sections/durable-floors.ts): the bare and
// durable floors, and the full server (bin/server.mjs on a fresh SQLite file) answering votes and
// "No interest" declarations, on Slack and on Teams. Each click is a distinct member's new vote or
// change (votes) or a first declaration on one of several open decisions (declarations), so no
// click is a no-op; after the load runs, a burst of 120 declarations on one decision of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployMigrations } from '../../adapters/persistence/index.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { PACED_MAX, PACED_WARMUP, type Scenario } from '../sections/chat-floors.ts';
import { sendBurst, type BurstResult } from './burst.ts';
import { ROOT, startChild } from './child.ts';
import { createDecisionWorld, type DecisionWorld } from './decision-world.ts';
import type { LoadRequest } from './load.ts';
import { BENCH_SIGNING_SECRET, signedBlockAction } from './slack-request.ts';
import { adaptiveCardInvoke, personalChatId } from './teams-request.ts';

export type Platform = 'slack' | 'teams';
export type ClickKind = 'vote' | 'declare';

/** Members who click (member 0, the chair, never does, so no decision closes early). */
export const CLICKERS = 500;
export const BURST = 120;
/** Load runs of declarations are bounded so every click is a first declaration: 2 x (200 + 2,000), and the paced run's */
const DECLARE_WARMUP = 200;
const DECLARE_MAX = 2_000;
export const DECLARE_DECISIONS = Math.ceil((2 * (DECLARE_WARMUP + DECLARE_MAX) + PACED_WARMUP + PACED_MAX) / CLICKERS);

const TEAM = 'T0BENCH';
const CHANNEL = 'C0BENCH';
const TENANT = 'bench-tenant';
const CONVERSATION = '19:bench@thread.tacv2';

/** A click scenario and what it measured besides the load runs. */
export interface ClickScenario {
  scenario: Scenario;
  burst(): BurstResult | null;
  /** clicks sent (warm-ups and burst included) and the votes, changes or declarations stored */
  stored(): { clicks: number; stored: number } | null;
  /** removes its database (after the measurement) */
  remove(): void;
}

interface Click {
  userId: string;
  /** decision.vote (option 0), decision.vote~2 (option 1), decision.declare.none */
  actionId: string;
  value: string;
}

function slackRequest(c: Click, responseUrl: string): LoadRequest {
  const declare = c.actionId === 'decision.declare.none';
  return signedBlockAction({
    actionId: c.actionId,
    value: c.value,
    userId: c.userId,
    teamId: TEAM,
    // the ballot is an ephemeral message in the channel; the declaration prompt is in the DM
    channelId: declare ? `D${c.userId}` : CHANNEL,
    messageTs: declare ? '1700000002.000300' : '1700000001.000200',
    ephemeral: !declare,
    responseUrl,
  });
}

// Teams: the declaration prompt and the ballot are in the member's personal chat with the bot (a
// private reply to a click in a channel goes there; the channel card's Vote button only opens the ballot)
function teamsRequest(c: Click, serviceUrl: string): LoadRequest {
  const actionId = c.actionId.replace(/~\d+$/, '');
  return adaptiveCardInvoke({
    verb: actionId,
    data: { pb: { kind: 'action', actionId, value: c.value } },
    userId: c.userId,
    serviceUrl,
    personal: true,
  });
}

export function floorScenario(platform: Platform, durable: boolean): ClickScenario {
  const dir = durable ? mkdtempSync(join(tmpdir(), 'bench-floor-')) : '';
  let burst: BurstResult | null = null;
  const click = (i: number, decision = 'd1'): Click =>
    i % 2 === 0
      ? { userId: `U${i}`, actionId: 'decision.vote', value: `${decision}:0` }
      : { userId: `U${i}`, actionId: 'decision.declare.none', value: decision };
  let responseUrl = '';
  const request = (c: Click) =>
    platform === 'slack' ? slackRequest(c, responseUrl) : teamsRequest(c, 'http://127.0.0.1:9/');
  const script = `${durable ? 'durable' : 'bare'}-${platform === 'slack' ? 'bolt' : 'teams'}.ts`;
  const scenario: Scenario = {
    label:
      platform === 'slack'
        ? durable
          ? 'durable Bolt floor (upsert + ack + response_url)'
          : 'bare Bolt floor (ack + chat.update)'
        : durable
          ? 'durable CloudAdapter floor (upsert + answer)'
          : 'bare CloudAdapter floor (invoke echo)',
    start: (_ctx, api) => {
      responseUrl = `${api.url}response_url`;
      return startChild(join(ROOT, 'bench', 'floors', script), {
        SLACK_API_URL: api.url,
        ...(durable ? { FLOOR_DATABASE: join(dir, 'floor.db') } : {}),
      });
    },
    // the bare Bolt floor answers action id "vote" only
    request: (i) =>
      !durable && platform === 'slack'
        ? signedBlockAction({ actionId: 'vote', value: 'for', userId: `U${i}` })
        : request(click(i)),
    ...(platform === 'slack' ? { expectCalls: durable ? 'response_url' : 'chat.update' } : {}),
    paced: durable,
    ...(durable
      ? {
          async after(server) {
            burst = await sendBurst(
              server.url,
              Array.from({ length: BURST }, (_, i) => request(click(2 * i + 1, 'burst'))),
            );
          },
        }
      : {}),
  };
  return {
    scenario,
    burst: () => burst,
    stored: () => null,
    remove: () => dir && rmSync(dir, { recursive: true, force: true }),
  };
}

/** The full server for votes or declarations on `platform`. */
export function fullServerScenario(platform: Platform, kind: ClickKind): ClickScenario {
  const dir = mkdtempSync(join(tmpdir(), 'bench-clicks-'));
  const databaseUrl = `file:${join(dir, 'clicks.db')}`;
  let world: DecisionWorld | null = null;
  let target = ''; // response_url (Slack) or serviceUrl (Teams)
  let clicks = 0;
  let burst: BurstResult | null = null;
  let stored: { clicks: number; stored: number } | null = null;
  const request = (c: Click) => (platform === 'slack' ? slackRequest(c, target) : teamsRequest(c, target));
  const userId = (i: number) => (platform === 'slack' ? `U0VOTER${i}` : `aad-voter-${i}`);
  // Votes: member 1 + n % CLICKERS, alternating For and Against, each a new vote or a change.
  const voteClick = (n: number): Click => {
    const option = Math.floor(n / CLICKERS) % 2;
    return {
      userId: userId(1 + (n % CLICKERS)),
      actionId: option === 0 ? 'decision.vote' : 'decision.vote~2',
      value: `${world!.decisionIds[0]}:${option}`,
    };
  };
  // Declarations: member 1 + n % CLICKERS on decision n / CLICKERS, each a first declaration.
  const declareClick = (n: number, decision = Math.floor(n / CLICKERS) % DECLARE_DECISIONS): Click => ({
    userId: userId(1 + (n % CLICKERS)),
    actionId: 'decision.declare.none',
    value: world!.decisionIds[decision]!,
  });
  const scenario: Scenario = {
    label: `full server: ${kind === 'vote' ? 'vote' : '"No interest" declaration'}`,
    async start(_ctx, api) {
      await deployMigrations(databaseUrl, 'sqlite');
      const serviceUrl = api.url.replace(/api\/$/, '');
      target = platform === 'slack' ? `${api.url}response_url` : serviceUrl;
      const conversation =
        platform === 'slack'
          ? { platform, workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' as const }
          : { platform, workspaceId: TENANT, channelId: CONVERSATION, kind: 'channel' as const };
      world = await createDecisionWorld({
        databaseUrl,
        conversation,
        members: CLICKERS + 1,
        // declarations: the last decision is the burst's
        decisions: kind === 'vote' ? 1 : DECLARE_DECISIONS + 1,
        userId,
        declared: () => kind === 'vote',
        ...(platform === 'teams'
          ? {
              teamsReference: {
                serviceUrl,
                channelId: 'msteams',
                bot: { id: '28:bench-bot', name: 'partnership-bot' },
                conversation: { id: CONVERSATION, conversationType: 'channel', tenantId: TENANT, isGroup: true },
              },
              // Every member was sent the declaration prompt in their personal chat (and, once declared,
              // their ballot there), so the bot has that chat.
              teamsPersonalReference: (i: number) => ({
                serviceUrl,
                channelId: 'msteams',
                bot: { id: '28:bench-bot', name: 'partnership-bot' },
                conversation: { id: personalChatId(userId(i)), conversationType: 'personal', tenantId: TENANT },
                user: { id: `29:${userId(i)}`, aadObjectId: userId(i), name: userId(i) },
              }),
            }
          : {}),
      });
      const common = {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        SEED_DEMO: 'false',
        SCHEDULER: 'false',
        PLAYGROUND: 'false',
        LOG_LEVEL: 'error',
      };
      const slack = {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: api.url,
        SLACK_BOT_USER_ID: 'U0BOT',
        SLACK_BOT_ID: 'B0BOT',
      };
      return startChild(join(ROOT, 'bin', 'server.mjs'), platform === 'slack' ? { ...common, ...slack } : common, {
        ready: /running at (\S+)/,
      });
    },
    request: () => request(kind === 'vote' ? voteClick(clicks++) : declareClick(clicks++)),
    ...(platform === 'slack' ? { expectCalls: 'response_url' } : {}),
    ...(kind === 'declare' ? { warmup: DECLARE_WARMUP, maxRequests: DECLARE_MAX } : {}),
    paced: true,
    async after(server) {
      if (kind === 'declare')
        burst = await sendBurst(
          server.url,
          Array.from({ length: BURST }, (_, i) => request(declareClick(i, DECLARE_DECISIONS))),
        );
      stored = { clicks: clicks + (burst?.sent ?? 0), stored: await countStored(databaseUrl, kind) };
    },
  };
  return {
    scenario,
    burst: () => burst,
    stored: () => stored,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Votes plus vote changes, or declarations, in the database. */
async function countStored(databaseUrl: string, kind: ClickKind): Promise<number> {
  const database = await openDatabase(databaseUrl, { poolSize: 1 });
  try {
    if (kind === 'declare') return await database.db.declaration.count({ where: { outcome: 'none' } });
    const votes = await database.db.vote.aggregate({ _count: { _all: true }, _sum: { changes: true } });
    return votes._count._all + (votes._sum.changes ?? 0);
  } finally {
    await database.close();
  }
}
