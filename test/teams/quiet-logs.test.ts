// Issue 20, quiet and honest logs: a server with no Teams setting says in one info line that Teams
// is not configured; one with some Teams settings but no app id warns, naming them; the
// playground's 2-second inbox poll is logged at debug, not info. The real server, its JSON log read.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type Level } from '../../adapters/log.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

interface Line {
  level: string;
  message: string;
  path?: string;
}

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(env: Record<string, string>, level: Level = 'info'): Promise<Line[]> {
  const lines: Line[] = [];
  app = await startTestApp(env, { logger: createLogger(level, (l) => void lines.push(JSON.parse(l) as Line)) });
  return lines;
}

const aboutTeams = (lines: Line[]) => lines.filter((l) => /teams|MICROSOFT_/i.test(l.message));

describe('Teams authentication in the start-up log', () => {
  it('not configured at all: one info line, no warning', async () => {
    const lines = await start({});
    expect(aboutTeams(lines).map((l) => [l.level, l.message.split(':')[0]])).toEqual([
      ['info', 'Teams is not configured (no MICROSOFT_APP_ID)'],
    ]);
  });

  it('half configured (a tenant and an app type, no app id): a warning naming what is set', async () => {
    const lines = await start({ MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 'a-tenant' });
    const warnings = aboutTeams(lines).filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain(
      'TEAMS AUTHENTICATION IS OFF: MICROSOFT_APP_TYPE, MICROSOFT_APP_TENANT_ID are set but MICROSOFT_APP_ID is not',
    );
    expect(aboutTeams(lines).filter((l) => l.message.startsWith('Teams is not configured'))).toEqual([]);
  });
});

describe('the playground poll in the request log', () => {
  const poll = async () => {
    const people = (await (await fetch(`${app!.url}/playground/api/people`)).json()) as any;
    const id = (people.people ?? people)[0].id as string;
    const res = await fetch(`${app!.url}/playground/api/inbox?person=${encodeURIComponent(id)}&since=0`);
    expect(res.status).toBe(200);
  };
  const requests = (lines: Line[], path: string) =>
    lines.filter((l) => l.message === 'request' && l.path === path).map((l) => l.level);

  it('is not logged at info; other requests are', async () => {
    const lines = await start({ SEED_DEMO: 'true', PLAYGROUND: 'true' });
    await poll();
    await poll();
    expect(requests(lines, '/playground/api/people')).toEqual(['info', 'info']);
    expect(requests(lines, '/playground/api/inbox')).toEqual([]);
  });

  it('is logged at debug when LOG_LEVEL is debug', async () => {
    const lines = await start({ SEED_DEMO: 'true', PLAYGROUND: 'true' }, 'debug');
    await poll();
    expect(requests(lines, '/playground/api/inbox')).toEqual(['debug']);
  });
});
