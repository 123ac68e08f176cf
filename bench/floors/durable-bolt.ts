// The durable Bolt floor: per signed click, one upsert in one transaction on SQLite (WAL,
// synchronous = FULL), then the ack, then the private reply POSTed to the click's response_url.
// The least a durable vote or declaration can cost through Bolt; the full server is compared
// with it in the same run (bench/sections/durable-floors.ts). Run in its own process.
import type { AddressInfo } from 'node:net';
import bolt from '@slack/bolt';
import { BENCH_SIGNING_SECRET } from '../lib/slack-request.ts';
import { clickOf, clickTableFromEnv } from './click-table.ts';

const { App, LogLevel } = bolt;
const table = clickTableFromEnv();
const app = new App({
  token: 'xoxb-bench',
  botId: 'B0BENCH',
  botUserId: 'U0BOT',
  signingSecret: BENCH_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
});

app.action(/.*/, async ({ ack, body, action, respond }) => {
  if (body.type !== 'block_actions' || !('action_id' in action)) return ack();
  const { action_id: actionId, value } = action as { action_id: string; value?: string };
  table.record(clickOf(actionId, value ?? '', body.user.id)); // on disk before the ack
  await ack();
  await respond({ text: 'Recorded.', response_type: 'ephemeral', replace_original: false });
});

const server = await app.start({ port: 0, host: '127.0.0.1' });
server.keepAliveTimeout = 65_000;
process.stdout.write(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
