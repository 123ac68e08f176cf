// POST /api/messages on the project's node:http server. The checks, in order, each before anything
// further is read or done: a browser's cross-site request (403) and a body that is not JSON (415)
// with authentication off; then the body's size, JSON and shape (400); then the token (401, or
// 503 when Microsoft's signing keys cannot be fetched); only then the turn, through CloudAdapter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { HttpError, readBody, sendJson } from '../server/http.ts';
import { parseJson } from '../server/json.ts';
import { authenticate, classify, type AuthDeps } from './auth.ts';
import type { TeamsAdapter } from './adapter.ts';
import { activityProblem } from './validate.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Without authentication anyone could post an activity naming any user and any serviceUrl, and
 * the bot would send that user's answers there. So with authentication off, only a Bot Framework
 * Emulator on this machine (a loopback serviceUrl) is served.
 */
function servesUnauthenticated(body: unknown): boolean {
  const serviceUrl = (body as { serviceUrl?: unknown } | null)?.serviceUrl;
  if (typeof serviceUrl !== 'string') return false;
  try {
    return LOOPBACK.has(new URL(serviceUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * With authentication off, a web page in the person's browser could still reach a bot on their
 * machine: a `text/plain` POST needs no CORS preflight. Browsers name the page's origin on every
 * cross-site POST, and the Emulator (not a browser) sends none; nor does it send anything but JSON.
 */
function refuseBrowsers(req: IncomingMessage): void {
  const origin = req.headers.origin;
  // Only this server's own pages share its origin; a sandboxed frame says "null".
  if (
    origin !== undefined &&
    origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').toLowerCase() !== (req.headers.host ?? '').toLowerCase()
  ) {
    throw new HttpError(
      403,
      'Teams authentication is off, and /api/messages does not accept requests from web pages of other sites.',
      'forbidden_origin',
    );
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'Send the activity as JSON, with the header Content-Type: application/json (as Teams and the Bot Framework Emulator do).',
      'unsupported_media_type',
    );
  }
}

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|endpoints_resolution_error|network_error|fetch failed/i;

/** A failure to reach another service (botbuilder and MSAL wrap the network error in their own). */
function isOutage(error: unknown): boolean {
  if (classify(error) === 'outage') return true;
  const e = error as { message?: unknown; errorCode?: unknown; cause?: unknown } | null;
  const text = [e?.message, e?.errorCode, (e?.cause as { code?: unknown } | undefined)?.code]
    .filter((x) => typeof x === 'string')
    .join(' ');
  return NETWORK.test(text);
}

export interface ReceiveDeps extends Omit<AuthDeps, 'onRefused'> {
  adapter: TeamsAdapter;
  logger: { warn(message: string, fields?: Record<string, unknown>): void };
  requestId: string;
}

export async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ReceiveDeps,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const authenticated = deps.appId !== '';
  if (!authenticated) refuseBrowsers(req);
  const raw = await readBody(req);
  const body = parseJson(raw.toString('utf8'), 'The body (/api/messages takes Bot Framework activities, as JSON)');
  if (!authenticated && !servesUnauthenticated(body)) {
    throw new HttpError(
      403,
      'Teams authentication is off (MICROSOFT_APP_ID is not set), so only the Bot Framework Emulator on this machine may use /api/messages. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams (docs/teams.md).',
      'E_TEAMS_AUTH_OFF',
    );
  }
  // Checked before botbuilder reads it (with authentication on, before the token too: a body that
  // is not an activity is refused the same way whoever sent it).
  const problem = activityProblem(body);
  if (problem) throw new HttpError(400, problem, 'E_BAD_ACTIVITY');
  const activity = body as Activity;
  // as CloudAdapter.process does (validateAndFixActivity): times as Dates, the text kept beside
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[key] as unknown;
    if (typeof value === 'string')
      Object.assign(activity, { [`raw${key[0]!.toUpperCase()}${key.slice(1)}`]: value, [key]: new Date(value) });
  }
  const header = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
  const onRefused = (code: string) =>
    deps.logger.warn('teams request refused', { requestId: deps.requestId, platform: 'teams', code });
  const identity = await authenticate(activity, header, { ...deps, onRefused });
  let invokeResponse;
  try {
    invokeResponse = await deps.adapter.run(identity, activity, logic);
  } catch (error) {
    // Replies need Microsoft's login service (the bot's own token) and the Bot Connector: when
    // those cannot be reached, that is an outage, and Teams sends the activity again.
    if (!isOutage(error)) throw error;
    onRefused('microsoft_unreachable');
    throw new HttpError(
      503,
      'The bot cannot reach Microsoft’s services right now, so it could not answer. Teams will try again.',
      'unavailable',
    );
  }
  if (invokeResponse?.body !== undefined) return sendJson(res, invokeResponse.status, invokeResponse.body);
  res.writeHead(invokeResponse?.status ?? 200).end();
}
