// The Slack Web API client the adapter uses (Bolt's own @slack/web-api), pointed at SLACK_API_URL,
// and a bridge from the Slack libraries' logger to ours that never passes payloads through.
import { LogLevel, webApi, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../src/services/ports/index.ts';

export type SlackApi = InstanceType<typeof webApi.WebClient>;

export const DEFAULT_API_URL = 'https://slack.com/api/';

/** The Web API base URL with the trailing slash the client expects. */
export const apiBaseUrl = (url: string | undefined): string => {
  const base = url ?? DEFAULT_API_URL;
  return base.endsWith('/') ? base : `${base}/`;
};

/**
 * Slack's libraries log free text, sometimes with request bodies at debug level. We keep only the
 * first line of info/warn/error messages (library status such as "rate limited, retrying"),
 * shortened, and drop debug entirely.
 */
export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const line = (args: unknown[]): string => {
    const first = args[0];
    const text =
      first instanceof Error ? first.message : typeof first === 'string' ? first : 'message from the Slack library';
    return `slack: ${text.split('\n')[0]!.slice(0, 200)}`;
  };
  return {
    debug() {},
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    error: (...args: unknown[]) => logger.error(line(args)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName() {},
  };
}

/** Client options shared by our client and Bolt's: a few quick retries, Retry-After honoured on 429. */
export function clientOptions(apiUrl: string | undefined, logger: Logger) {
  return {
    slackApiUrl: apiBaseUrl(apiUrl),
    logger: slackLogger(logger),
    timeout: 10_000,
    // Rate limits (429) are retried after Retry-After by the client; other failures a few times.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
  };
}

/**
 * The Web API client that reaches a workspace: one client in single-workspace mode, the
 * workspace's own installation's token when many workspaces install the app (clients.ts).
 */
export type ApiFor = (workspaceId: string) => Promise<SlackApi>;

/** One client for every workspace, or already a lookup. */
export const apiSource = (api: SlackApi | ApiFor): ApiFor =>
  typeof api === 'function' ? api : () => Promise.resolve(api);

export function createSlackApi(token: string, apiUrl: string | undefined, logger: Logger): SlackApi {
  const client = new webApi.WebClient(token, clientOptions(apiUrl, logger));
  client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number) => {
    logger.warn('slack rate limited, retrying', {
      platform: 'slack',
      code: 'rate_limited',
      ms: retryAfterSeconds * 1000,
    });
  });
  return client;
}

/** Slack's error code (`channel_not_found`, `ratelimited`, ...) or the client's, for logs. */
/**
 * A failure that says nothing about the request itself: Slack rate-limited it, could not be
 * reached, or answered with a server error. Trying again later is likely to work.
 */
export function isTransientSlackError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    code === 'slack_webapi_rate_limited_error' ||
    code === 'slack_webapi_request_error' ||
    code === 'slack_webapi_http_error'
  );
}

export function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: string }; code?: string };
  return e.data?.error ?? e.code ?? 'unknown';
}
