// Configuration: read once from the environment, validated with zod. A missing or malformed
// variable stops start-up with one message naming the variable and how to fix it.
// `loadConfig(env)` takes the environment as an argument so tests pass their own.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseKey } from './slack/token-cipher.ts';
import { oneOf as quotedChoices } from '../src/domain/choices.ts';

const bool = <F extends boolean | undefined>(fallback: F) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
      return z.NEVER;
    });

/** An empty value (`PORT=` in .env) means "not set", as for every other variable. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v.trim());
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .optional()
    .transform((v, ctx): T[number] => {
      if (v === undefined || v.trim() === '') return fallback;
      const found = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
      if (found !== undefined) return found;
      ctx.addIssue({ code: 'custom', message: `must be one of ${quotedChoices(values)}` });
      return z.NEVER;
    });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const textOr = (fallback: string) => optionalText.transform((v) => v ?? fallback);

/** Never echo a password: `postgresql://user:secret@host` becomes `postgresql://user:***@host`. */
const redact = (value: string): string => value.replace(/(\/\/[^/@:]*:)[^@]*@/, '$1***@');

const schema = z
  .object({
    PORT: wholeNumber(0, 65535, 3000),
    HOST: textOr('127.0.0.1'),
    DATA_DIR: textOr('./data'),
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^(file:|postgres(ql)?:\/\/)/i.test(v), {
      message:
        'must start with file: (SQLite, for example file:./data/partnership-bot.db) or postgresql:// (PostgreSQL)',
    }),
    DATABASE_POOL_SIZE: wholeNumber(1, 200, 10),
    LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error'], 'info'),
    SEED_DEMO: bool(true),
    /** undefined when unset: the playground then runs only without Slack or Teams credentials (playgroundDecision) */
    PLAYGROUND: bool(undefined),
    /** serve the playground even when HOST is not loopback (anyone who reaches it can act as any demo person) */
    PLAYGROUND_ALLOW_REMOTE: bool(false),
    SCHEDULER: bool(true),
    /** pause between two review-season messages, so chat platforms' rate limits are respected */
    REVIEW_SEND_INTERVAL_MS: z.coerce
      .number({ error: 'must be a whole number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(0)
      .max(60_000, 'must be at most 60000 (one minute)')
      .default(250),
    /** least time between two refreshes of one decision's card (chat.update is rate-limited); the last refresh always shows the newest counts */
    CARD_REFRESH_INTERVAL_MS: z.coerce
      .number({ error: 'must be a whole number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(0)
      .max(60_000, 'must be at most 60000 (one minute)')
      .default(1000),
    /** seconds an interaction being processed stays claimed by its process: after a crash, another takes it over then (docs/inbox.md) */
    INBOX_CLAIM_SECONDS: wholeNumber(1, 3600, 30),
    /** seconds a stopping server waits for work in flight (a hung chat call) before it exits anyway: nothing acknowledged is lost (docs/inbox.md) */
    SHUTDOWN_GRACE_SECONDS: wholeNumber(1, 600, 5),
    PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be a URL starting with https://',
    }),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'must be a bot token starting with xoxb-',
    }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'must be an app-level token starting with xapp-',
    }),
    SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be a URL such as https://slack.com/api/',
    }),
    SLACK_BOT_USER_ID: optionalText,
    SLACK_BOT_ID: optionalText,
    /** many workspaces ("Add to Slack", docs/slack.md): all three together switch it on */
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    /** 32 random bytes in base64 (`openssl rand -base64 32`): installations' tokens are encrypted with it */
    SLACK_TOKEN_ENCRYPTION_KEY: optionalText.refine((v) => v === undefined || parseKey(v) !== null, {
      message: 'must be 32 random bytes in base64 (make one with: openssl rand -base64 32)',
    }),
    /** earlier keys, comma-separated, still read while installations are re-encrypted under the new one */
    SLACK_TOKEN_ENCRYPTION_OLD_KEYS: optionalText.refine(
      (v) => v === undefined || v.split(',').every((k) => parseKey(k) !== null),
      { message: 'must be a comma-separated list of keys, each 32 bytes in base64' },
    ),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TYPE: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant'),
    MICROSOFT_APP_TENANT_ID: optionalText,
    /** where Bot Framework token signing keys are looked up; Microsoft's by default (tests point it at a loopback fake) */
    MICROSOFT_OPENID_METADATA_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be a URL such as https://login.botframework.com/v1/.well-known/openidconfiguration',
    }),
  })
  .superRefine((env, ctx) => {
    const need = (when: boolean, key: string, message: string) => {
      if (when) ctx.addIssue({ code: 'custom', path: [key], message });
    };
    need(
      !!env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN,
      'SLACK_SIGNING_SECRET',
      'is required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (Slack app > Basic Information > Signing Secret)',
    );
    const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
    const oauthSet = oauth.filter((k) => !!env[k]);
    if (oauthSet.length > 0 && oauthSet.length < oauth.length) {
      const missing = oauth.filter((k) => !env[k]);
      for (const key of missing)
        need(
          true,
          key,
          `is required for many workspaces ("Add to Slack"), because ${oauthSet.join(' and ')} ${oauthSet.length > 1 ? 'are' : 'is'} set: set all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, or none (Slack app > Basic Information > App Credentials; the state secret is any long random text)`,
        );
    }
    const manyWorkspaces = oauthSet.length === oauth.length;
    need(
      manyWorkspaces && !env.SLACK_TOKEN_ENCRYPTION_KEY,
      'SLACK_TOKEN_ENCRYPTION_KEY',
      'is required for many workspaces: installations’ tokens are encrypted with it (make one with: openssl rand -base64 32)',
    );
    need(
      manyWorkspaces && !env.SLACK_SIGNING_SECRET,
      'SLACK_SIGNING_SECRET',
      'is required for many workspaces (Slack app > Basic Information > Signing Secret)',
    );
    need(
      manyWorkspaces && !!env.SLACK_BOT_TOKEN,
      'SLACK_BOT_TOKEN',
      'must not be set for many workspaces: each workspace’s token comes from its installation (remove it, or remove SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for one workspace)',
    );
    need(
      manyWorkspaces && !!env.SLACK_APP_TOKEN,
      'SLACK_APP_TOKEN',
      'must not be set for many workspaces: Socket Mode serves one workspace only; many workspaces need the HTTP endpoints (docs/slack.md)',
    );
    need(
      !!env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !manyWorkspaces,
      'SLACK_BOT_TOKEN',
      'is required when SLACK_SIGNING_SECRET is set (Slack app > OAuth & Permissions > Bot User OAuth Token)',
    );
    need(!!env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN', 'is required for Socket Mode too');
    need(
      !!env.MICROSOFT_APP_PASSWORD && !env.MICROSOFT_APP_ID,
      'MICROSOFT_APP_ID',
      'is required when MICROSOFT_APP_PASSWORD is set (the Microsoft App ID of the Azure Bot registration)',
    );
    need(
      !!env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI',
      'MICROSOFT_APP_PASSWORD',
      'is required when MICROSOFT_APP_ID is set (the client secret of the Azure Bot registration)',
    );
    need(
      env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID,
      'MICROSOFT_APP_TENANT_ID',
      'is required when MICROSOFT_APP_TYPE is SingleTenant',
    );
    need(
      env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && !!env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID,
      'MICROSOFT_APP_TENANT_ID',
      'is required when MICROSOFT_APP_TYPE is UserAssignedMSI',
    );
    need(
      env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && !!env.MICROSOFT_APP_PASSWORD,
      'MICROSOFT_APP_PASSWORD',
      'must not be set when MICROSOFT_APP_TYPE is UserAssignedMSI (the managed identity has no password)',
    );
  });

export type RawConfig = z.infer<typeof schema>;

export interface Config extends Omit<RawConfig, 'DATABASE_URL'> {
  /** always set: defaults to the SQLite file in DATA_DIR; relative file: paths made absolute */
  DATABASE_URL: string;
  /** `manyWorkspaces`: "Add to Slack" installs, each workspace served with its own token */
  slack: { enabled: boolean; manyWorkspaces: boolean };
  teams: { enabled: boolean };
}

export class ConfigError extends Error {
  readonly code = 'E_CONFIG';
}

/** The SQLite file used when DATABASE_URL is not set. */
const defaultDatabaseUrl = (dataDir: string): string => `file:${resolve(dataDir, 'partnership-bot.db')}`;

/** The variable that chose the database, to name when it cannot be used. */
export const databaseSetting = (config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): 'DATA_DIR' | 'DATABASE_URL' =>
  config.DATABASE_URL === defaultDatabaseUrl(config.DATA_DIR) ? 'DATA_DIR' : 'DATABASE_URL';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? 'environment');
      const value = env[key];
      const got = typeof value === 'string' && !/TOKEN|SECRET|PASSWORD/.test(key) ? ` (got "${redact(value)}")` : '';
      return `  ${key} ${i.message}${i.message.includes('(got') ? '' : got}`;
    });
    throw new ConfigError(
      `Configuration problem:\n${lines.join('\n')}\nSet it in .env or the environment; .env.example describes every variable.`,
    );
  }
  const c = parsed.data;
  const manyWorkspaces = !!(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET);
  const dataDir = isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(cwd, c.DATA_DIR);
  let url = c.DATABASE_URL ?? defaultDatabaseUrl(dataDir);
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    url = `file:${isAbsolute(path) ? path : resolve(cwd, path)}`;
  }
  return {
    ...c,
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    slack: { enabled: !!c.SLACK_BOT_TOKEN || manyWorkspaces, manyWorkspaces },
    teams: { enabled: true },
  };
}
