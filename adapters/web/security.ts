// Whoever opens the playground can act as any demo person, so it stays on this machine: it runs
// only when the server listens on loopback (unless PLAYGROUND_ALLOW_REMOTE says otherwise), and
// refuses requests that name another host (DNS rebinding) or come from another site's page.
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.ts';
import { HttpError } from '../server/http.ts';

export type PlaygroundDecision =
  | { run: true; remote: boolean }
  | { run: false; reason: 'switched-off' | 'not-loopback' };

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Whether the playground runs with this configuration, and if not, why. */
export function playgroundDecision(config: Pick<Config, 'PLAYGROUND' | 'HOST' | 'PLAYGROUND_ALLOW_REMOTE'>): PlaygroundDecision {
  if (!config.PLAYGROUND) return { run: false, reason: 'switched-off' };
  if (isLoopbackHost(config.HOST)) return { run: true, remote: false };
  return config.PLAYGROUND_ALLOW_REMOTE ? { run: true, remote: true } : { run: false, reason: 'not-loopback' };
}

/** The host name in a Host or Origin header value ("localhost:3000", "[::1]:3000", "http://x:1"). */
export function hostnameOf(value: string): string {
  const withoutScheme = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const m = /^(\[[^\]]*\]|[^:/]*)/.exec(withoutScheme);
  return (m?.[1] ?? '').toLowerCase();
}

/** Throws 403 for a request the playground must not serve. */
export function guard(req: IncomingMessage, remote: boolean): void {
  const host = req.headers.host ?? '';
  if (!remote && !isLoopbackHost(hostnameOf(host))) {
    throw new HttpError(403, 'The playground only answers on this machine: open it as http://localhost (or set PLAYGROUND_ALLOW_REMOTE=true).', 'forbidden_host');
  }
  const origin = req.headers.origin;
  // Another site's page (or a sandboxed frame, Origin "null") must not act as a demo person.
  if (req.method !== 'GET' && origin !== undefined && origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').toLowerCase() !== host.toLowerCase()) {
    throw new HttpError(403, 'The playground does not accept requests from other web sites.', 'forbidden_origin');
  }
}

/** JSON bodies only: a form post from another site cannot be one without asking first (CORS). */
export function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'Send the request as JSON, with the header Content-Type: application/json.', 'unsupported_media_type');
  }
}
