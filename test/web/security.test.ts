// The playground lets whoever opens it act as any demo person: it must stay on this machine
// unless the deployer says otherwise, refuse other sites and other host names, switch off with a
// setting, and never use a real partnership.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../adapters/config.ts';
import { OffsetClock } from '../../adapters/web/clock.ts';
import {
  describePlayground,
  isLoopbackHost,
  playgroundBanner,
  playgroundDecision,
} from '../../adapters/web/security.ts';
import { textReply } from '../../src/domain/chat/reply.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { call, people, rawRequest } from './client.ts';

let running: TestApp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (message) => void warnings.push(message) };
}

describe('when the playground runs', () => {
  it.each(['127.0.0.1', '127.9.9.9', 'localhost', 'LOCALHOST', '::1', '[::1]', 'app.localhost'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.20', 'bot.example.org', '127.0.0.1.evil.example', 'localhost.evil.example'])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('runs on loopback; not elsewhere unless PLAYGROUND_ALLOW_REMOTE; never when PLAYGROUND=false', () => {
    const decide = (env: Record<string, string>) => playgroundDecision(loadConfig(env));
    expect(decide({})).toEqual({ run: true, remote: false, explicit: false });
    expect(decide({ HOST: '0.0.0.0' })).toEqual({ run: false, reason: 'not-loopback' });
    expect(decide({ HOST: '0.0.0.0', PLAYGROUND_ALLOW_REMOTE: 'true' })).toEqual({
      run: true,
      remote: true,
      explicit: false,
    });
    expect(decide({ PLAYGROUND: 'false' })).toEqual({ run: false, reason: 'switched-off' });
  });

  const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
  const SOCKET_MODE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
  const TEAMS = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'app-password' };

  it.each([
    ['Slack', SLACK],
    ['Slack in Socket Mode', SOCKET_MODE],
    ['Teams', TEAMS],
  ])('with %s credentials and PLAYGROUND unset it is off, and says which credentials', (_name, env) => {
    const decision = playgroundDecision(loadConfig(env));
    expect(decision).toEqual({ run: false, reason: 'chat-configured', credentials: Object.keys(env) });
    expect(describePlayground(decision, loadConfig(env))).toBe(
      `playground off: Slack or Teams credentials are set (${Object.keys(env).join(', ')}) and PLAYGROUND is not. ` +
        'Set PLAYGROUND=true to run it alongside them (its pretend date and job runs reach only the demo partnership).',
    );
    // An empty value is "not set", as for every other variable.
    expect(playgroundDecision(loadConfig({ ...env, PLAYGROUND: '' })).run).toBe(false);
  });

  it('with credentials and PLAYGROUND=true it runs; PLAYGROUND=false is off whatever else is set', () => {
    const on = playgroundDecision(loadConfig({ ...SLACK, ...TEAMS, PLAYGROUND: 'true' }));
    expect(on).toEqual({ run: true, remote: false, explicit: true });
    expect(describePlayground(on, loadConfig({ ...SLACK, PLAYGROUND: 'true' }))).toBe(
      'playground on: PLAYGROUND=true, on this machine only.',
    );
    expect(describePlayground(playgroundDecision(loadConfig({})), loadConfig({}))).toBe(
      'playground on: no Slack or Teams credential is set (PLAYGROUND=false switches it off), on this machine only.',
    );
    expect(playgroundDecision(loadConfig({ ...SLACK, PLAYGROUND: 'false' }))).toEqual({
      run: false,
      reason: 'switched-off',
    });
    expect(describePlayground(playgroundDecision(loadConfig({ PLAYGROUND: 'false' })), loadConfig({}))).toBe(
      'playground off: PLAYGROUND=false.',
    );
  });

  it('npm start prints the decision under its address', () => {
    expect(playgroundBanner(loadConfig({}), 'http://localhost:3000')).toBe(
      'Playground on: no Slack or Teams credential is set (PLAYGROUND=false switches it off), on this machine only. Open http://localhost:3000/ to try the bot with the demo partnership.',
    );
    expect(playgroundBanner(loadConfig(SOCKET_MODE), 'http://localhost:3000')).toMatch(
      /^Playground off: Slack or Teams credentials are set \(SLACK_BOT_TOKEN, SLACK_APP_TOKEN\) and PLAYGROUND is not\. Set PLAYGROUND=true/,
    );
  });

  it('a malformed PLAYGROUND_ALLOW_REMOTE stops start-up with a message naming it', () => {
    expect(() => loadConfig({ PLAYGROUND_ALLOW_REMOTE: 'perhaps' })).toThrow(ConfigError);
    expect(() => loadConfig({ PLAYGROUND_ALLOW_REMOTE: 'perhaps' })).toThrow(
      /PLAYGROUND_ALLOW_REMOTE must be true or false/,
    );
  });
});

describe('the running server', () => {
  it('with HOST not loopback the playground refuses to start, says why, and the rest of the server runs', async () => {
    const logger = recordingLogger();
    running = await startTestApp({ PLAYGROUND: 'true', HOST: '0.0.0.0' }, { logger });
    expect((await fetch(`${running.url}/`)).status).toBe(404);
    expect((await fetch(`${running.url}/playground/api/people`)).status).toBe(404);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(running.app.clock).not.toBeInstanceOf(OffsetClock);
    expect(logger.warnings.join('\n')).toMatch(
      /playground off: HOST 0\.0\.0\.0 is not loopback.*PLAYGROUND_ALLOW_REMOTE=true/,
    );
  });

  it('with PLAYGROUND_ALLOW_REMOTE it runs, warns, answers any host name, and still refuses other sites', async () => {
    const logger = recordingLogger();
    running = await startTestApp({ PLAYGROUND: 'true', HOST: '0.0.0.0', PLAYGROUND_ALLOW_REMOTE: 'true' }, { logger });
    expect(logger.warnings.join('\n')).toMatch(
      /playground on: PLAYGROUND=true, reachable from other machines \(HOST 0\.0\.0\.0, PLAYGROUND_ALLOW_REMOTE=true\)/,
    );
    const page = await rawRequest(running.url, {
      method: 'GET',
      path: '/',
      headers: { host: 'demo.example.org:3000' },
    });
    expect(page.status).toBe(200);
    // Still no post from another site's page.
    const post = await rawRequest(running.url, {
      method: 'POST',
      path: '/playground/api/clock',
      headers: {
        host: 'demo.example.org:3000',
        origin: 'https://attacker.example',
        'content-type': 'application/json',
      },
      body: '{"reset": true}',
    });
    expect(post.status).toBe(403);
  });

  it('PLAYGROUND=false: no page, no API, no web notifier, no channel bound', async () => {
    running = await startTestApp({ PLAYGROUND: 'false' });
    expect((await fetch(`${running.url}/`)).status).toBe(404);
    expect((await fetch(`${running.url}/playground/api/people`)).status).toBe(404);
    expect(await running.app.stores.directory.findBinding('web', 'local', 'partnership-channel')).toBeNull();
    const chair = (await running.app.stores.directory.findByEmail('margaret.okafor@example.org'))[0]!;
    expect(await running.app.notifier.sendToPerson(chair.personId, textReply('hello'))).toBe(false);
  });

  it('refuses requests naming another host (DNS rebinding) and posts from other sites', async () => {
    running = await startTestApp({ PLAYGROUND: 'true' });
    const host = new URL(running.url).host;
    for (const path of ['/', '/playground/api/people', '/playground/static/app.js']) {
      const res = await rawRequest(running.url, { method: 'GET', path, headers: { host: 'attacker.example:80' } });
      expect(res.status).toBe(403);
      expect(res.body).toContain('only answers on this machine');
    }
    const [person] = await people(running.url);
    const body = JSON.stringify({
      person: person!.id,
      conversation: 'direct',
      inbound: { type: 'text', text: 'help' },
    });
    const post = (origin: string) =>
      rawRequest(running!.url, {
        method: 'POST',
        path: '/playground/api/send',
        headers: { host, origin, 'content-type': 'application/json' },
        body,
      });
    expect((await post('https://attacker.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect((await post(`http://${host}`)).status).toBe(200);
  });

  it('a database without the demo partnership: the page explains, the API refuses, no real partnership is touched', async () => {
    const logger = recordingLogger();
    running = await startTestApp({ PLAYGROUND: 'true', SEED_DEMO: 'false' }, { logger });
    expect((await fetch(`${running.url}/`)).status).toBe(200);
    const answer = await call<{ error: string; message: string }>(running.url, 'GET', '/playground/api/people');
    expect(answer.status).toBe(503);
    expect(answer.body.error).toBe('no_demo_partnership');
    expect(answer.body.message).toContain('start with an empty DATA_DIR (or another DATABASE_URL)');
    const send = await call(running.url, 'POST', '/playground/api/send', {
      person: 'x',
      conversation: 'channel',
      inbound: { type: 'text', text: 'hi' },
    });
    expect(send.status).toBe(503);
    expect(logger.warnings.join('\n')).toContain('only uses the demo partnership it seeded itself');
  });
});
