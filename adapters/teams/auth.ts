// Who sent an activity: botbuilder's own token validation (ConfigurationBotFrameworkAuthentication,
// the same call CloudAdapter.process makes), with the two answers botbuilder does not give:
// a token that cannot be valid is refused (401) before any key is fetched, and when the signing
// keys cannot be fetched (Microsoft's OpenID metadata unreachable) the answer is a quick 503, not
// a 500 carrying botbuilder's internal error text.
import { CallerIdConstants, type Activity, type ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { Clock } from '../../src/services/ports/index.ts';
import { HttpError } from '../server/http.ts';

/** Longest wait for Microsoft's signing keys; Teams itself gives a bot 15 seconds to answer. */
export const KEY_FETCH_TIMEOUT_MS = 5_000;

const UNAUTHORIZED =
  'The request does not carry a valid Bot Framework token for this bot (MICROSOFT_APP_ID). Teams and the Azure Bot Service send one with every activity.';
const OUTAGE =
  'The bot cannot check the request’s token right now: Microsoft’s signing keys could not be fetched. Nothing was done; Teams will try again.';

/**
 * botbuilder's public-cloud settings, spelled out because naming any one of them (here the
 * OpenID metadata URL, which tests point at a loopback fake) makes botbuilder expect all of them.
 */
export function authSettings(metadataUrl: string | undefined): Record<string, unknown> {
  if (!metadataUrl) return {};
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  };
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Why the header cannot hold a valid token, without fetching any key: none, not a JWT, a channel
 * token for another bot, or expired (with the five minutes' leeway botbuilder allows). Null
 * when only the signature can tell.
 */
export function tokenProblem(header: string, appId: string, nowMs: number): string | null {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header);
  if (!m) return header ? 'not_a_jwt' : 'no_token';
  const head = decodePart(m[1]!);
  const claims = decodePart(m[2]!);
  if (!head || !claims || typeof head.alg !== 'string') return 'not_a_jwt';
  if (typeof claims.iss !== 'string') return 'no_issuer';
  // A Teams (channel) token names this bot as its audience; other issuers are botbuilder's to judge.
  if (claims.iss === AuthenticationConstants.ToBotFromChannelTokenIssuer && claims.aud !== appId)
    return 'wrong_audience';
  if (typeof claims.exp === 'number' && claims.exp * 1000 < nowMs - 5 * 60_000) return 'expired';
  return null;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** 'outage' when botbuilder could not fetch the keys, 'refused' when the token is not valid, null for anything else (a bug). */
export function classify(error: unknown): 'outage' | 'refused' | null {
  const e = error as { name?: unknown; code?: unknown; type?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  // node-fetch's FetchError (DNS, refused connection, reset) and botbuilder's "Failed to load openID config / Keys: <status>"
  if (e.name === 'FetchError' || e.type === 'system' || NETWORK_CODES.has(e.code as string)) return 'outage';
  if (e.statusCode === 500 && typeof e.message === 'string' && e.message.startsWith('Failed to load')) return 'outage';
  if (e.statusCode === 401 || TOKEN_ERRORS.has(e.name as string)) return 'refused';
  return null;
}

export interface AuthDeps {
  auth: ConfigurationBotFrameworkAuthentication;
  appId: string;
  clock: Clock;
  /** a code for the log: why a request was refused, never the token */
  onRefused(code: string): void;
  timeoutMs?: number;
}

/** Authenticates an activity or throws HttpError 401 (not a valid token) or 503 (keys unavailable). */
export async function authenticate(
  activity: Activity,
  header: string,
  deps: AuthDeps,
): Promise<AuthenticateRequestResult> {
  const refuse = (code: string): never => {
    deps.onRefused(code);
    throw new HttpError(401, UNAUTHORIZED, 'unauthorized');
  };
  if (deps.appId) {
    const problem = tokenProblem(header, deps.appId, deps.clock.now().getTime());
    if (problem) refuse(problem);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('key fetch timed out'), { code: 'ETIMEDOUT' })),
      deps.timeoutMs ?? KEY_FETCH_TIMEOUT_MS,
    );
  });
  try {
    // The losing promise keeps running; race has attached handlers to it, so its end is never unhandled.
    return await Promise.race([deps.auth.authenticateRequest(activity, header), timeout]);
  } catch (error) {
    const kind = classify(error);
    if (kind === 'outage') {
      deps.onRefused('keys_unavailable');
      throw new HttpError(503, OUTAGE, 'unavailable');
    }
    if (kind === 'refused') refuse('invalid_token');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
