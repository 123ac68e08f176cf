// Configuration is read once from the environment: defaults that work on a fresh checkout, and
// one clear message naming the variable (never echoing a secret) when something is wrong.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../adapters/config.ts';

const CWD = '/srv/partnership-bot';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected a configuration problem for ${Object.keys(env).join(', ')}`);
}

describe('loadConfig defaults', () => {
  it('needs nothing: SQLite under ./data as an absolute path, port 3000 on loopback, no chat platform', () => {
    const c = loadConfig({}, CWD);
    expect(c.DATA_DIR).toBe('/srv/partnership-bot/data');
    expect(c.DATABASE_URL).toBe('file:/srv/partnership-bot/data/partnership-bot.db');
    expect([c.PORT, c.HOST, c.LOG_LEVEL, c.DATABASE_POOL_SIZE]).toEqual([3000, '127.0.0.1', 'info', 10]);
    // PLAYGROUND unset is not "true": the playground then runs only without Slack or Teams credentials.
    expect([c.SEED_DEMO, c.PLAYGROUND, c.SCHEDULER]).toEqual([true, undefined, true]);
    expect(c.slack.enabled).toBe(false);
    expect(c.MICROSOFT_APP_TYPE).toBe('MultiTenant');
    expect(c.CARD_REFRESH_INTERVAL_MS).toBe(1000);
  });

  it('takes a card refresh interval in milliseconds, and says what is wrong with a bad one', () => {
    expect(loadConfig({ CARD_REFRESH_INTERVAL_MS: '0' }, CWD).CARD_REFRESH_INTERVAL_MS).toBe(0);
    expect(problem({ CARD_REFRESH_INTERVAL_MS: 'soon' })).toContain(
      '\n  CARD_REFRESH_INTERVAL_MS must be a whole number of milliseconds (got "soon")',
    );
    expect(problem({ CARD_REFRESH_INTERVAL_MS: '120000' })).toContain(
      '\n  CARD_REFRESH_INTERVAL_MS must be at most 60000 (one minute) (got "120000")',
    );
  });

  it('puts the database in DATA_DIR, and makes a relative file: URL absolute', () => {
    expect(loadConfig({ DATA_DIR: 'state' }, CWD).DATABASE_URL).toBe(
      'file:/srv/partnership-bot/state/partnership-bot.db',
    );
    expect(loadConfig({ DATA_DIR: '/var/lib/pb' }, CWD).DATABASE_URL).toBe('file:/var/lib/pb/partnership-bot.db');
    expect(loadConfig({ DATABASE_URL: 'file:./other.db' }, CWD).DATABASE_URL).toBe(
      'file:/srv/partnership-bot/other.db',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://bot:pw@localhost:5432/bot' }, CWD).DATABASE_URL).toBe(
      'postgresql://bot:pw@localhost:5432/bot',
    );
  });

  it('treats an empty value (a blank line in .env) as not set', () => {
    const c = loadConfig(
      { PORT: '', HOST: ' ', DATA_DIR: '', LOG_LEVEL: '', SEED_DEMO: '', DATABASE_URL: '', SLACK_BOT_TOKEN: '' },
      CWD,
    );
    expect([c.PORT, c.HOST, c.DATA_DIR, c.LOG_LEVEL, c.SEED_DEMO, c.slack.enabled]).toEqual([
      3000,
      '127.0.0.1',
      '/srv/partnership-bot/data',
      'info',
      true,
      false,
    ]);
    expect(c.DATABASE_URL).toBe('file:/srv/partnership-bot/data/partnership-bot.db');
  });

  it('reads true/false in common spellings, and numbers', () => {
    const c = loadConfig(
      { SEED_DEMO: 'no', PLAYGROUND: 'OFF', SCHEDULER: '1', PORT: '0', DATABASE_POOL_SIZE: '25', LOG_LEVEL: 'DEBUG' },
      CWD,
    );
    expect([c.SEED_DEMO, c.PLAYGROUND, c.SCHEDULER, c.PORT, c.DATABASE_POOL_SIZE, c.LOG_LEVEL]).toEqual([
      false,
      false,
      true,
      0,
      25,
      'debug',
    ]);
  });

  it('accepts a complete Slack and Teams configuration', () => {
    const c = loadConfig(
      {
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_APP_TOKEN: 'xapp-1',
        MICROSOFT_APP_ID: 'id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: 'tenant',
      },
      CWD,
    );
    expect(c.slack.enabled).toBe(true);
    expect(c.MICROSOFT_APP_TENANT_ID).toBe('tenant');
  });
});

describe('a malformed variable stops start-up with one message naming it and how to fix it', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000")'],
    [{ PORT: '30.5' }, 'PORT must be a whole number from 0 to 65535 (got "30.5")'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got "0")'],
    [
      { DATABASE_URL: 'sqlite:data.db' },
      'DATABASE_URL must start with file: (SQLite, for example file:./data/partnership-bot.db) or postgresql:// (PostgreSQL) (got "sqlite:data.db")',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of "debug", "info", "warn" or "error" (got "verbose")'],
    [{ SCHEDULER: 'sometimes' }, 'SCHEDULER must be true or false (got "sometimes")'],
    [{ PUBLIC_URL: 'bot.example.org' }, 'PUBLIC_URL must be a URL starting with https:// (got "bot.example.org")'],
    [
      { SLACK_API_URL: 'slack.com/api' },
      'SLACK_API_URL must be a URL such as https://slack.com/api/ (got "slack.com/api")',
    ],
    [
      { MICROSOFT_APP_TYPE: 'Single', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b' },
      'MICROSOFT_APP_TYPE must be one of "MultiTenant", "SingleTenant" or "UserAssignedMSI" (got "Single")',
    ],
  ])('%o', (env, line) => {
    const message = problem(env);
    expect(message).toBe(
      `Configuration problem:\n  ${line}\nSet it in .env or the environment; .env.example describes every variable.`,
    );
  });

  it('reports every malformed variable in the one message', () => {
    expect(
      problem({ PORT: 'x', LOG_LEVEL: 'loud' })
        .split('\n')
        .filter((l) => l.startsWith('  ')),
    ).toEqual([
      '  PORT must be a whole number from 0 to 65535 (got "x")',
      '  LOG_LEVEL must be one of "debug", "info", "warn" or "error" (got "loud")',
    ]);
  });
});

describe('Slack and Teams settings come in pairs', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set'],
    [{ SLACK_SIGNING_SECRET: 'abc' }, 'SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN is required for Socket Mode too'],
    [{ MICROSOFT_APP_ID: 'id' }, 'MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set'],
    [{ MICROSOFT_APP_PASSWORD: 'pw' }, 'MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD is set'],
    [
      { MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'SingleTenant' },
      'MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is SingleTenant',
    ],
  ])('%o', (env, line) => {
    expect(problem(env)).toContain(`\n  ${line}`);
  });

  it('a managed identity needs no password, but its tenant', () => {
    expect(
      loadConfig(
        { MICROSOFT_APP_ID: 'id', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 'tenant' },
        CWD,
      ).MICROSOFT_APP_ID,
    ).toBe('id');
    expect(problem({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toContain(
      'MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is UserAssignedMSI',
    );
  });
});

describe('secrets are never echoed', () => {
  it.each([
    [
      { SLACK_BOT_TOKEN: 'xoxp-SECRET-user-token', SLACK_SIGNING_SECRET: 's3' },
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'SECRET', SLACK_APP_TOKEN: 'SECRET-app' },
      'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
    ],
    [{ DATABASE_URL: 'mysql://admin:SECRET@db.example.org/bot' }, 'DATABASE_URL must start with file:'],
  ])('%o', (env, line) => {
    const message = problem(env);
    expect(message).toContain(line);
    expect(message).not.toContain('SECRET');
  });

  it('shows the rest of a database URL, with its password masked', () => {
    expect(problem({ DATABASE_URL: 'mysql://admin:SECRET@db.example.org/bot' })).toContain(
      '(got "mysql://admin:***@db.example.org/bot")',
    );
  });
});
