// Posting to a click's or command's response_url. Bolt's own `respond` does the same through the
// global fetch, whose per-request machinery (web streams, a Request and a Response object, header
// guards) cost a vote about a tenth of its CPU (docs/benchmarks.md, "The vote path"); this is one
// plain HTTP request on a kept-alive connection, with Bolt's error for a refused answer, so a
// failure reads and is handled exactly as before (adapters/slack/listeners/context.ts).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { RespondError, type RespondArguments } from '@slack/bolt';

/** Answers through a response_url: resolves once Slack took the answer. */
export type Respond = (message: string | RespondArguments) => Promise<void>;

/** Slack answers a response_url at once; a request still open after this is given up on. */
export const RESPOND_TIMEOUT_MS = 10_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
} as const;

/** The failure when the answer could not be sent at all (no answer from Slack in time). */
export class RespondTimeout extends Error {
  readonly code = 'ETIMEDOUT';
  constructor() {
    super(`Slack did not answer the response_url within ${RESPOND_TIMEOUT_MS / 1000} s`);
  }
}

function post(url: URL, body: string): Promise<IncomingMessage> {
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: RESPOND_TIMEOUT_MS,
      },
      resolve,
    );
    req.once('timeout', () => req.destroy(new RespondTimeout()));
    req.once('error', reject);
    req.end(body);
  });
}

/** A `respond` for `responseUrl`, as Bolt's: it resolves once Slack took the answer, and rejects with Bolt's RespondError when Slack refused it. */
export function respondTo(responseUrl: string): Respond {
  return async (message: string | RespondArguments) => {
    const url = new URL(responseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error('A response_url is an http(s) address; this one is not.');
    const args = typeof message === 'string' ? { text: message } : message;
    const res = await post(url, JSON.stringify(args));
    // read to the end, so the connection is free for the next answer
    res.resume();
    await new Promise<void>((resolve, reject) => res.once('end', resolve).once('error', reject));
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 299)
      throw new RespondError(`Failed to respond to the response_url: ${status} ${res.statusMessage ?? ''}`, status);
  };
}
