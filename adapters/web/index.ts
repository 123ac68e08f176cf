// The local web playground: a real chat page on the same server and core as Slack and Teams, for
// trying the bot with the demo partnership before creating any Slack or Teams app.
// `registerPlayground(app)` adds the page, its JSON API and the 'web' notifier.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.ts';
import type { App } from '../server/app.ts';
import type { Route } from '../server/http.ts';
import { apiRoutes, type Sandbox } from './api.ts';
import { OffsetClock } from './clock.ts';
import { findDemoPerson, NO_DEMO_MESSAGE, wireDemo, type DemoContext } from './demo.ts';
import { WebNotifier } from './notifier.ts';
import { describePlayground, guard, playgroundDecision } from './security.ts';
import { Timeline } from './timeline.ts';
import { playgroundReplayer } from './inbox.ts';

export { OffsetClock } from './clock.ts';
export { describePlayground, playgroundDecision } from './security.ts';

const PUBLIC = join(projectRoot, 'adapters', 'web', 'public');
const STATIC: Record<string, string> = {
  'style.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'form.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'messages.js': 'text/javascript; charset=utf-8',
  'controls.js': 'text/javascript; charset=utf-8',
  'when.js': 'text/javascript; charset=utf-8',
};

/** The page may load only its own files and talk only to this server. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export async function registerPlayground(app: App): Promise<boolean> {
  const decision = playgroundDecision(app.config);
  // One line at start says whether it runs and why; a warning when that deserves attention.
  const line = describePlayground(decision, app.config);
  if (!decision.run && decision.reason === 'not-loopback') app.logger.warn(line, { code: 'E_PLAYGROUND_REMOTE' });
  else if (decision.run && decision.remote) app.logger.warn(line, { code: 'W_PLAYGROUND_REMOTE' });
  else app.logger.info(line, { code: decision.run ? 'PLAYGROUND_ON' : 'PLAYGROUND_OFF' });
  if (!decision.run) return false;
  const demo: DemoContext = { stores: app.stores, demoPeople: app.platform.demoPeople, logger: app.logger };
  if (!(await wireDemo(demo))) app.logger.warn(NO_DEMO_MESSAGE, { code: 'E_NO_DEMO' });

  // The playground's own pretend clock, for its bot and for the scheduled jobs' runs over its
  // sandbox partnerships; the app's clock stays real for Slack, Teams and every other partnership.
  const clock = new OffsetClock(app.clock);
  const sandbox: Sandbox = { clock, bot: app.botWith(clock) };
  app.scheduler.useSandboxClock(clock);
  const timeline = new Timeline(() => clock.now());
  const notifier = new WebNotifier(timeline, async (personId) => (await findDemoPerson(demo, personId)) !== null);
  app.notifier.register('web', notifier);
  app.inbox.register('web', playgroundReplayer({ demo, sandbox, timeline, notifier }));
  for (const route of [
    ...apiRoutes({
      demo,
      stores: app.stores,
      inbox: app.inbox,
      scheduler: app.scheduler,
      logger: app.logger,
      sandbox,
      timeline,
      remote: decision.remote,
    }),
    ...staticRoutes(decision.remote),
  ])
    app.http.add(route);
  return true;
}

function staticRoutes(remote: boolean): Route[] {
  const file = (path: string, name: string, type: string): Route => {
    const content = readFileSync(join(PUBLIC, name));
    return {
      method: 'GET',
      path,
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
