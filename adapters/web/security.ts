// Whoever opens the playground can act as any demo person, so it stays on this machine: it runs
// only when the server listens on loopback (unless PLAYGROUND_ALLOW_REMOTE says otherwise), and
// refuses requests that name another host (DNS rebinding) or come from another site's page.
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.ts';
import { HttpError } from '../server/http.ts';

export type PlaygroundDecision =
  | { run: true; remote: boolean; explicit: boolean }
  | { run: false; reason: 'switched-off' | 'not-loopback' }
  /** a Slack or Teams credential is set and PLAYGROUND is not: the names of those set */
  | { run: false; reason: 'chat-configured'; credentials: string[] };

type PlaygroundConfig = Pick<
  Config,
  'PLAYGROUND' | 'HOST' | 'PLAYGROUND_ALLOW_REMOTE' | (typeof CHAT_CREDENTIALS)[number]
>;

/** Any of these set means a real Slack or Teams workspace may be served by this process. */
export const CHAT_CREDENTIALS = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
] as const;

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Whether the playground runs with this configuration, and if not, why. PLAYGROUND unset means
 * "on for a try-out": off as soon as a Slack or Teams credential is set, unless PLAYGROUND=true.
 */
export function playgroundDecision(config: PlaygroundConfig): PlaygroundDecision {
  if (config.PLAYGROUND === false) return { run: false, reason: 'switched-off' };
  const credentials = CHAT_CREDENTIALS.filter((key) => !!config[key]);
  if (config.PLAYGROUND === undefined && credentials.length)
    return { run: false, reason: 'chat-configured', credentials };
  const explicit = config.PLAYGROUND === true;
  if (isLoopbackHost(config.HOST)) return { run: true, remote: false, explicit };
  return config.PLAYGROUND_ALLOW_REMOTE
    ? { run: true, remote: true, explicit }
    : { run: false, reason: 'not-loopback' };
}

/** The one start-up line that says whether the playground runs, and why. */
export function describePlayground(decision: PlaygroundDecision, config: PlaygroundConfig): string {
  if (!decision.run) {
    switch (decision.reason) {
      case 'switched-off':
        return 'playground off: PLAYGROUND=false.';
      case 'chat-configured':
        return (
          `playground off: Slack or Teams credentials are set (${decision.credentials.join(', ')}) and PLAYGROUND is not. ` +
          'Set PLAYGROUND=true to run it alongside them (its pretend date and job runs reach only the demo partnership).'
        );
      case 'not-loopback':
        return (
          `playground off: HOST ${config.HOST} is not loopback, and the playground lets anyone who opens it act as any demo person. ` +
          'Set PLAYGROUND_ALLOW_REMOTE=true to serve it anyway, or PLAYGROUND=false to silence this.'
        );
    }
  }
  const why = decision.explicit
    ? 'PLAYGROUND=true'
    : 'no Slack or Teams credential is set (PLAYGROUND=false switches it off)';
  const where = decision.remote
    ? `, reachable from other machines (HOST ${config.HOST}, PLAYGROUND_ALLOW_REMOTE=true): anyone who can open it can act as any demo person`
    : ', on this machine only';
  return `playground on: ${why}${where}.`;
}

/** What `npm start` prints under its address: where to open the playground, or why it is off. */
export function playgroundBanner(config: PlaygroundConfig, url: string): string {
  const decision = playgroundDecision(config);
  const line = describePlayground(decision, config);
  const sentence = `P${line.slice(1)}`;
  return decision.run ? `${sentence} Open ${url}/ to try the bot with the demo partnership.` : sentence;
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
    throw new HttpError(
      403,
      'The playground only answers on this machine: open it as http://localhost (or set PLAYGROUND_ALLOW_REMOTE=true).',
      'forbidden_host',
    );
  }
  const origin = req.headers.origin;
  // Another site's page (or a sandboxed frame, Origin "null") must not act as a demo person.
  if (
    req.method !== 'GET' &&
    origin !== undefined &&
    origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').toLowerCase() !== host.toLowerCase()
  ) {
    throw new HttpError(403, 'The playground does not accept requests from other web sites.', 'forbidden_origin');
  }
}

/** JSON bodies only: a form post from another site cannot be one without asking first (CORS). */
export function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'Send the request as JSON, with the header Content-Type: application/json.',
      'unsupported_media_type',
    );
  }
}
