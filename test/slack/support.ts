// Drives the real server's Slack endpoint the way Slack does: requests signed with the signing
// secret (v0 HMAC-SHA256 of "v0:<timestamp>:<body>"), form-encoded slash commands, JSON events,
// `payload=` form-encoded interactivity. The Web API is a FakeSlackApi on loopback.
import { createHmac, randomUUID } from 'node:crypto';
import { slackOf } from '../../adapters/slack/index.ts';
import type { App } from '../../adapters/server/app.ts';
import type { Clock, Logger } from '../../src/services/ports/index.ts';
import { startFakeSlackApi, type Call, type FakeSlackApi, type FakeUser } from '../fakes/slack-api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T1';
export const CHANNEL = 'C0PARTNERS';

/** Slack accounts of the demo roster (prisma/seed/demo-partnership.json), plus strangers. */
export const USERS = {
  chair: { id: 'UCHAIR', teamId: TEAM, email: 'margaret.okafor@example.org', name: 'Margaret' },
  secretary: { id: 'USEC', teamId: TEAM, email: 'priya.patel@example.org', name: 'Priya' },
  treasurer: { id: 'UTREAS', teamId: TEAM, email: 'tom.whitfield@example.org', name: 'Tom' },
  rep: { id: 'UREP', teamId: TEAM, email: 'sam.taylor@example.org', name: 'Sam' },
  member: { id: 'UROSA', teamId: TEAM, email: 'rosa.novak@example.org', name: 'Rosa' },
  worker: { id: 'UJO', teamId: TEAM, email: 'jo.brooks@example.org', name: 'Jo' },
  stranger: { id: 'USTRANGE', teamId: TEAM, email: 'someone.else@example.com', name: 'Stranger' },
  /** a Slack Connect guest from another workspace; Slack does not share their email */
  guest: { id: 'UGUEST', teamId: 'T2OTHER', name: 'Guest' },
} satisfies Record<string, FakeUser>;

export interface SlackTest {
  fake: FakeSlackApi;
  server: TestApp;
  app: App;
  close(): Promise<void>;
}

export const slackEnv = (fake: FakeSlackApi): Record<string, string> => ({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.url,
  SLACK_BOT_USER_ID: 'UBOT',
  SLACK_BOT_ID: 'BBOT',
  SEED_DEMO: 'true',
});

export async function startSlack(
  env: Record<string, string> = {},
  fake?: FakeSlackApi,
  logger?: Logger,
  clock?: Clock,
): Promise<SlackTest> {
  const api = fake ?? (await startFakeSlackApi(Object.values(USERS)));
  const server = await startTestApp(
    { ...slackEnv(api), ...env },
    { ...(logger ? { logger } : {}), ...(clock ? { clock } : {}) },
  );
  return {
    fake: api,
    server,
    app: server.app,
    async close() {
      await server.close();
      if (!fake) await api.close();
    },
  };
}

/** Wait for the work Slack's acknowledgement left running. */
/** Slack's work after the ack, and the follow-up work it started (card refreshes), all done. */
export async function settle(app: App): Promise<void> {
  const slack = slackOf(app)!;
  await slack.inFlight.settled();
  await app.background.settled();
  await slack.inFlight.settled();
}

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  signature?: string;
  retryNum?: number;
}

export async function send(t: SlackTest, body: string, contentType: string, o: SendOptions = {}): Promise<Response> {
  // Slack signs with the time it sends; the server checks it against its own clock (a test's fake one)
  const timestamp = o.timestamp ?? Math.floor(t.app.clock.now().getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': o.signature ?? signature(body, timestamp, o.secret),
  };
  if (o.retryNum !== undefined)
    Object.assign(headers, { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' });
  return fetch(`${t.server.url}/slack/events`, { method: 'POST', headers, body });
}

const FORM = 'application/x-www-form-urlencoded';

export interface CommandOptions extends SendOptions {
  user?: FakeUser;
  channel?: string;
  channelName?: string;
  team?: string;
}

/** `/partnership <text>` as Slack posts it; returns the response and the response_url used. */
export async function command(t: SlackTest, text: string, o: CommandOptions = {}) {
  const id = randomUUID();
  const user = o.user ?? USERS.chair;
  const channel = o.channel ?? CHANNEL;
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: o.team ?? TEAM,
    team_domain: 'northfield',
    channel_id: channel,
    channel_name: o.channelName ?? (channel.startsWith('D') ? 'directmessage' : 'partnership'),
    user_id: user.id,
    user_name: user.name ?? user.id,
    command: '/partnership',
    text,
    api_app_id: 'A1',
    response_url: t.fake.responseUrl(id),
    trigger_id: `trigger-${id}`,
  }).toString();
  const res = await send(t, body, FORM, o);
  return { res, responsePath: `/response/${id}`, triggerId: `trigger-${id}` };
}

export function eventBody(event: Record<string, unknown>, o: { team?: string; eventId?: string } = {}): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: o.team ?? TEAM,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: o.team ?? TEAM, user_id: 'UBOT', is_bot: true }],
    event,
  });
}

export const sendEvent = (
  t: SlackTest,
  event: Record<string, unknown>,
  o: SendOptions & { team?: string; eventId?: string } = {},
) => send(t, eventBody(event, o), 'application/json', o);

let tsCounter = 1_700_000_000;
export const nextTs = (): string => `${(tsCounter += 1)}.000200`;

export function mention(user: FakeUser, text: string, channel = CHANNEL, extra: Record<string, unknown> = {}) {
  return {
    type: 'app_mention',
    user: user.id,
    text: `<@UBOT> ${text}`,
    ts: nextTs(),
    channel,
    event_ts: nextTs(),
    ...extra,
  };
}

export function directMessage(user: FakeUser, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel_type: 'im',
    channel: `D${user.id}`,
    user: user.id,
    text,
    ts: nextTs(),
    event_ts: nextTs(),
    ...extra,
  };
}

export interface ActionOptions extends SendOptions {
  user?: FakeUser;
  channel?: string;
  ephemeral?: boolean;
  home?: boolean;
  messageTs?: string;
}

/** A button click as Slack posts it (payload= form field), not yet sent. */
export function clickBody(t: SlackTest, actionId: string, value: string, o: ActionOptions = {}) {
  const id = randomUUID();
  const user = o.user ?? USERS.chair;
  const channel = o.channel ?? CHANNEL;
  const ts = o.messageTs ?? nextTs();
  const base = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'northfield' },
    user: { id: user.id, username: user.name, team_id: user.teamId },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${id}`,
  };
  const payload = o.home
    ? { ...base, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } }
    : {
        ...base,
        container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: !!o.ephemeral },
        channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'partnership' },
        message: { type: 'message', ts, text: '' },
        response_url: t.fake.responseUrl(id, { channel, ts, ephemeral: !!o.ephemeral }),
      };
  const action = { type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: `${Date.now() / 1000}` };
  const body = new URLSearchParams({ payload: JSON.stringify({ ...payload, actions: [action] }) }).toString();
  return { body, responsePath: `/response/${id}`, ts, triggerId: `trigger-${id}` };
}

export const sendForm = (t: SlackTest, body: string, o: SendOptions = {}) => send(t, body, FORM, o);

/** A button click as Slack posts it. */
export async function click(t: SlackTest, actionId: string, value: string, o: ActionOptions = {}) {
  const c = clickBody(t, actionId, value, o);
  return { ...c, res: await send(t, c.body, FORM, o) };
}

export async function submitView(
  t: SlackTest,
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata: string,
  o: ActionOptions & { /** the modal's blocks, as Slack sends them with the submission */ blocks?: unknown[] } = {},
) {
  const user = o.user ?? USERS.chair;
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'northfield' },
    user: { id: user.id, name: user.name, team_id: user.teamId },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${randomUUID()}`,
    view: {
      id: `V${randomUUID().slice(0, 8)}`,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      ...(o.blocks ? { blocks: o.blocks } : {}),
      hash: 'h',
    },
  };
  return send(t, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, o);
}

/** Bind CHANNEL (or `channel`) to the demo partnership as the chair. */
export async function bind(t: SlackTest, channel = CHANNEL): Promise<void> {
  await command(t, 'setup northfield', { channel });
  await settle(t.app);
}

/** Everything the Web API was asked to show to a whole conversation (not ephemeral, not a DM). */
export function channelVisible(calls: Call[]): string[] {
  const shown: string[] = [];
  for (const c of calls) {
    const channel = String(c.args.channel ?? c.args.channel_id ?? '');
    if (
      (c.method === 'chat.postMessage' || c.method === 'chat.update' || c.method === 'files.completeUploadExternal') &&
      !channel.startsWith('D')
    )
      shown.push(JSON.stringify(c.args));
    if (c.method === 'response_url' && c.args.response_type === 'in_channel') shown.push(JSON.stringify(c.args));
  }
  return shown;
}

/** The text a reply made visible: the fallback text plus every block, as one string. */
export const shown = (c: Call | undefined): string =>
  c ? JSON.stringify({ text: c.args.text, blocks: c.args.blocks }) : '';

export const lastResponse = (t: SlackTest, path: string): Call | undefined =>
  t.fake.calls.filter((c) => c.method === 'response_url' && c.target === path).at(-1);
