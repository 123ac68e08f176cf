// POST /api/messages on the project's node:http server. CloudAdapter.process expects an
// Express-like request (a parsed `body`) and response (status/header/send/end): this file is
// that shim and nothing more. Authentication is CloudAdapter's: a missing or invalid Bot
// Framework token gets 401 when an app id is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { HttpError, readBody } from '../server/http.ts';
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

export async function receive(req: IncomingMessage, res: ServerResponse, adapter: CloudAdapter, authenticated: boolean, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const raw = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON. /api/messages takes Bot Framework activities from Teams or the Bot Framework Emulator.', 'E_BAD_JSON');
  }
  if (!authenticated && !servesUnauthenticated(body)) {
    throw new HttpError(403, 'Teams authentication is off (MICROSOFT_APP_ID is not set), so only the Bot Framework Emulator on this machine may use /api/messages. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams (docs/teams.md).', 'E_TEAMS_AUTH_OFF');
  }
  // Checked before botbuilder reads it (with authentication on, before the token too: a body that
  // is not an activity is refused the same way whoever sent it).
  const problem = activityProblem(body);
  if (problem) throw new HttpError(400, problem, 'E_BAD_ACTIVITY');
  const response = {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return response;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return response;
    },
    send(payload: unknown) {
      if (payload === undefined || payload === null) return response;
      const json = typeof payload !== 'string';
      if (!res.hasHeader('content-type')) res.setHeader('content-type', json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
      res.write(json ? JSON.stringify(payload) : payload);
      return response;
    },
    end() {
      res.end();
      return response;
    },
  };
  await adapter.process({ method: req.method, headers: req.headers, body: body as Record<string, unknown> }, response, logic);
}
