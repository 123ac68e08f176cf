// The bare-Bolt floor: a Bolt app that does nothing but ack a signed block_actions click and
// call chat.update on the (fake, local) Slack Web API. Its latency and throughput are the floor
// the full server's vote click is compared with. Run in its own process by bench/sections.
import type { AddressInfo } from 'node:net';
import bolt from '@slack/bolt';
import { BENCH_SIGNING_SECRET } from '../lib/slack-request.ts';

const { App, LogLevel } = bolt;
const app = new App({
  token: 'xoxb-bench',
  botId: 'B0BENCH',
  botUserId: 'U0BOT',
  signingSecret: BENCH_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
});

app.action('vote', async ({ ack, body, client }) => {
  await ack();
  if (body.type !== 'block_actions' || !body.channel || !body.message) return;
  await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: 'Votes so far: 1' });
});

const server = await app.start({ port: 0, host: '127.0.0.1' });
server.keepAliveTimeout = 65_000;
process.stdout.write(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
