// A signed Slack interactivity request (a button click: block_actions), exactly as Slack sends
// it: form-encoded `payload=<json>`, X-Slack-Signature = v0 HMAC-SHA256 of "v0:<ts>:<body>".
import { createHmac } from 'node:crypto';
import type { LoadRequest } from './load.ts';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret';

export interface ClickOptions {
  actionId: string;
  value: string;
  /** who clicks: a distinct user per request keeps every click a new vote */
  userId: string;
  teamId?: string;
  channelId?: string;
  messageTs?: string;
  path?: string;
  secret?: string;
  /** a click on an ephemeral message (the private ballot is one) */
  ephemeral?: boolean;
  /** where Slack would take the reply; defaults to the discard port */
  responseUrl?: string;
}

export function signedBlockAction(o: ClickOptions): LoadRequest {
  const team = o.teamId ?? 'T0BENCH';
  const channel = o.channelId ?? 'C0BENCH';
  const ts = o.messageTs ?? '1700000000.000100';
  const payload = {
    type: 'block_actions',
    api_app_id: 'A0BENCH',
    token: 'unused-verification-token',
    trigger_id: `${Date.now()}.1.bench`,
    team: { id: team, domain: 'bench' },
    user: { id: o.userId, username: o.userId, name: o.userId, team_id: team },
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: !!o.ephemeral },
    channel: { id: channel, name: 'partnership' },
    message: { type: 'message', ts, text: 'A vote', user: 'U0BOT' },
    response_url: o.responseUrl ?? 'http://127.0.0.1:9/unused-response-url',
    actions: [
      { type: 'button', action_id: o.actionId, block_id: 'vote', value: o.value, action_ts: `${Date.now() / 1000}` },
    ],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac('sha256', o.secret ?? BENCH_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return {
    path: o.path ?? '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
    body,
  };
}
