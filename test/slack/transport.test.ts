// Start-up never calls Slack, and Socket Mode (SLACK_APP_TOKEN) carries the same conversations
// over a WebSocket instead of POST /slack/events.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { FakeSlackSocket } from '../fakes/slack-socket.ts';
import { createLogger } from '../../adapters/log.ts';
import { eventually } from '../support/eventually.ts';
import { startTestApp } from '../support/app.ts';
import {
  CHANNEL,
  TEAM,
  USERS,
  directMessage,
  eventBody,
  lastResponse,
  send,
  settle,
  shown,
  slackEnv,
  startSlack,
  type SlackTest,
} from './support.ts';

describe('start-up', () => {
  it('boots without reaching Slack, even when the Web API is unreachable', async () => {
    const server = await startTestApp({
      ...slackEnv({ url: 'http://127.0.0.1:9/api/' } as FakeSlackApi),
      SLACK_BOT_USER_ID: '',
      SLACK_BOT_ID: '',
    });
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('without configured bot ids, asks auth.test once, on the first request, not at start-up', async () => {
    const fake = await startFakeSlackApi(Object.values(USERS));
    const t = await startSlack({ SLACK_BOT_USER_ID: '', SLACK_BOT_ID: '' }, fake);
    try {
      expect(fake.calls).toEqual([]);
      for (const text of ['help', 'roster'])
        await send(t, eventBody(directMessage(USERS.member, text)), 'application/json');
      await settle(t.app);
      expect(fake.callsTo('auth.test')).toHaveLength(1);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
      // the bot's own message is recognised with the ids auth.test gave
      fake.clear();
      await send(
        t,
        eventBody({ ...directMessage(USERS.member, 'help'), user: 'UBOT', bot_id: 'BBOT' }),
        'application/json',
      );
      await settle(t.app);
      expect(fake.callsTo('chat.postMessage')).toEqual([]);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});

describe('Socket Mode', () => {
  let fake: FakeSlackApi;
  let socket: FakeSlackSocket;
  let t: SlackTest;
  beforeAll(async () => {
    fake = await startFakeSlackApi(Object.values(USERS));
    socket = await new FakeSlackSocket().start();
    fake.socketUrl = socket.url;
    t = await startSlack({ SLACK_APP_TOKEN: 'xapp-1-test' }, fake);
    await socket.connected();
  });
  afterAll(async () => {
    await t.close();
    await socket.close();
    await fake.close();
  });

  it('connected with the app-level token through apps.connections.open', () => {
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('does not serve POST /slack/events', async () => {
    expect((await send(t, '{}', 'application/json')).status).toBe(404);
  });

  it('answers a slash command: ack over the socket, answer on the response_url', async () => {
    const id = randomUUID();
    socket.send({
      envelope_id: 'env-command-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: TEAM,
        channel_id: CHANNEL,
        channel_name: 'partnership',
        user_id: USERS.chair.id,
        user_name: 'm',
        command: '/partnership',
        text: 'help',
        api_app_id: 'A1',
        response_url: fake.responseUrl(id),
        trigger_id: `trigger-${id}`,
      },
    });
    await socket.acked('env-command-1');
    await settle(t.app);
    expect(shown(lastResponse(t, `/response/${id}`))).toContain('partnership-bot: governance help');
  });

  it('reconnects by itself when the connection drops, and answers on the new one', async () => {
    const before = socket.connections;
    socket.drop();
    await eventually(() => socket.connections > before, 'a new connection');
    await socket.connected();
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThan(1);
    const id = randomUUID();
    socket.send({
      envelope_id: 'env-after-drop',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: TEAM,
        channel_id: CHANNEL,
        channel_name: 'partnership',
        user_id: USERS.chair.id,
        user_name: 'm',
        command: '/partnership',
        text: 'help',
        api_app_id: 'A1',
        response_url: fake.responseUrl(id),
        trigger_id: `trigger-${id}`,
      },
    });
    await socket.acked('env-after-drop');
    await settle(t.app);
    expect(shown(lastResponse(t, `/response/${id}`))).toContain('partnership-bot: governance help');
  });

  it('answers a direct message once, even when Slack re-sends it', async () => {
    fake.clear();
    const payload = JSON.parse(
      eventBody(directMessage(USERS.member, 'who is on the partnership?'), { eventId: 'EvSOCKET01' }),
    ) as unknown;
    socket.send({ envelope_id: 'env-event-1', type: 'events_api', accepts_response_payload: false, payload });
    socket.send({
      envelope_id: 'env-event-2',
      type: 'events_api',
      accepts_response_payload: false,
      payload,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    await socket.acked('env-event-1');
    await socket.acked('env-event-2');
    await settle(t.app);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(shown(posts[0])).toContain('Who is on Northfield Big Local');
  });
});

describe('Socket Mode: start-up does not wait for the connection', () => {
  it('serves at once; the log says "slack socket mode connected" once Slack has said hello', async () => {
    const fake = await startFakeSlackApi(Object.values(USERS));
    const socket = await new FakeSlackSocket({ holdHello: true }).start();
    fake.socketUrl = socket.url;
    const lines: string[] = [];
    const t = await startSlack(
      { SLACK_APP_TOKEN: 'xapp-1-test' },
      fake,
      createLogger('info', (l) => lines.push(l)),
    );
    const connected = () => lines.some((l) => l.includes('"slack socket mode connected"'));
    try {
      expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
      await socket.connected(); // the WebSocket is open, but Slack has not said hello yet
      expect(connected()).toBe(false);
      socket.hello();
      await eventually(connected, 'the connected line in the log');
    } finally {
      await t.close();
      await socket.close();
      await fake.close();
    }
  });
});
