// The local web playground: a real chat page on the same server and core as Slack and Teams, for
// trying the bot with the demo partnership before creating any Slack or Teams app.
// `registerPlayground(app)` adds the page, its JSON API and the 'web' notifier.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../server/app.ts';
import type { Route } from '../server/http.ts';
import { apiRoutes } from './api.ts';
import { findDemoPerson, NO_DEMO_MESSAGE, wireDemo } from './demo.ts';
import { WebNotifier } from './notifier.ts';
import { guard, playgroundDecision } from './security.ts';
import { Timeline } from './timeline.ts';

export { OffsetClock } from './clock.ts';
export { playgroundDecision } from './security.ts';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC: Record<string, string> = {
  'style.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'form.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'messages.js': 'text/javascript; charset=utf-8',
  'controls.js': 'text/javascript; charset=utf-8',
};

/** The page may load only its own files and talk only to this server. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export async function registerPlayground(app: App): Promise<boolean> {
  const decision = playgroundDecision(app.config);
  if (!decision.run) {
    if (decision.reason === 'not-loopback') {
      app.logger.warn(
        `playground not started: HOST ${app.config.HOST} is not loopback, and the playground lets anyone who opens it act as any demo person. ` +
        'Set PLAYGROUND_ALLOW_REMOTE=true to serve it anyway, or PLAYGROUND=false to silence this.',
        { code: 'E_PLAYGROUND_REMOTE' },
      );
    }
    return false;
  }
  if (decision.remote) {
    app.logger.warn(`playground reachable from other machines (HOST ${app.config.HOST}, PLAYGROUND_ALLOW_REMOTE=true): anyone who can open it can act as any demo person`, { code: 'W_PLAYGROUND_REMOTE' });
  }
  if (!(await wireDemo(app))) app.logger.warn(NO_DEMO_MESSAGE, { code: 'E_NO_DEMO' });

  const timeline = new Timeline(() => app.clock.now());
  app.notifier.register('web', new WebNotifier(timeline, async (personId) => (await findDemoPerson(app, personId)) !== null));
  for (const route of [...apiRoutes({ app, timeline, remote: decision.remote }), ...staticRoutes(decision.remote)]) app.http.add(route);
  return true;
}

function staticRoutes(remote: boolean): Route[] {
  const file = (path: string, name: string, type: string): Route => {
    const content = readFileSync(join(PUBLIC, name));
    return {
      method: 'GET', path,
      handler(req, res) {
        guard(req, remote);
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': content.length });
        res.end(content);
      },
    };
  };
  return [
    file('/', 'index.html', 'text/html; charset=utf-8'),
    ...Object.entries(STATIC).map(([name, type]) => file(`/playground/static/${name}`, name, type)),
  ];
}
