// A fake Slack Web API on 127.0.0.1 for tests: answers the methods the adapter calls the way Slack
// does, and records every call (Web API methods, response_url POSTs, file uploads) for assertions.
// It can be told to fail a method once (a 429 with Retry-After, or a Slack error code).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: string;
  teamId: string;
  email?: string;
  name?: string;
}

export interface Call {
  /** a Web API method (`chat.postMessage`), `response_url`, or `upload` (file bytes) */
  method: string;
  args: Record<string, unknown>;
  /** for response_url: the path it was sent to; for upload: the file id */
  target?: string;
  /** for a response_url POST with replace_original: the message it edited in place */
  edits?: { channel: string; ts: string };
}

/** The message an interaction came from (its response_url may replace it, as Slack's does). */
export interface MessageSource {
  channel: string;
  ts: string;
  ephemeral: boolean;
}

type Fault = { status: 429; retryAfter: number } | { error: string };

const read = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** Form fields as Slack's client sends them: objects (blocks, view) are JSON strings. */
function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v)
      ? (() => {
          try {
            return JSON.parse(v);
          } catch {
            return v;
          }
        })()
      : v;
  }
  return out;
}

export class FakeSlackApi {
  readonly calls: Call[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly sources = new Map<string, MessageSource>();
  private server: Server | null = null;
  private ts = 1_700_000_000;
  base = '';
  /** the ws:// URL that apps.connections.open hands out (Socket Mode tests) */
  socketUrl = '';

  constructor(readonly users: FakeUser[] = []) {}

  /** The Web API base URL (SLACK_API_URL). */
  get url(): string {
    return `${this.base}/api/`;
  }

  /** A response_url for one interaction; from a message, it may replace that message. */
  responseUrl(id: string, source?: MessageSource): string {
    if (source) this.sources.set(id, source);
    return `${this.base}/response/${id}`;
  }

  /**
   * Every in-place edit of a non-ephemeral message, by chat.update or by a response_url with
   * replace_original (Slack edits the message the click came from): args carry channel and ts.
   */
  messageEdits(): Call[] {
    return this.calls.flatMap((c) => {
      if (c.method === 'chat.update') return [c];
      if (c.method === 'response_url' && c.edits) return [{ ...c, args: { ...c.args, ...c.edits } }];
      return [];
    });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server)
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  }

  /** Make the next call of `method` fail once. */
  failNext(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  callsTo(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  private user(id: string): FakeUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  private slackUser(u: FakeUser) {
    return {
      id: u.id,
      team_id: u.teamId,
      real_name: u.name ?? u.id,
      profile: { email: u.email, display_name: u.name ?? '' },
    };
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await read(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const contentType = req.headers['content-type'] ?? '';
    if (path.startsWith('/response/')) {
      const args = decode(raw.toString('utf8'), 'application/json');
      const source = this.sources.get(path.slice('/response/'.length));
      const call: Call = { method: 'response_url', target: path, args };
      this.calls.push(call);
      // a response_url used up (five answers) or expired (30 minutes): Slack answers 404, edits nothing
      const fault = this.faults.get('response_url')?.shift();
      if (fault && 'error' in fault) return { status: 404, body: { ok: false, error: fault.error } };
      if (source && !source.ephemeral && args.replace_original === true)
        call.edits = { channel: source.channel, ts: source.ts };
      return { status: 200, body: { ok: true } };
    }
    if (path.startsWith('/upload/')) {
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: raw,
      }).formData();
      const file = form.get('body') ?? form.get('file');
      const content = file instanceof Blob ? await file.text() : String(file ?? raw.toString('utf8'));
      this.calls.push({ method: 'upload', target: path.slice('/upload/'.length), args: { content } });
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const args = decode(raw.toString('utf8'), contentType);
    this.calls.push({ method, args });
    const fault = this.faults.get(method)?.shift();
    if (fault && 'status' in fault)
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(fault.retryAfter) },
      };
    if (fault) return { status: 200, body: { ok: false, error: fault.error } };
    return { status: 200, body: this.answer(method, args) };
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    const next = () => `${(this.ts += 1)}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'users.info': {
        const u = this.user(String(args.user));
        return u ? { ok: true, user: this.slackUser(u) } : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const u = this.users.find((x) => x.email && x.email === String(args.email).toLowerCase());
        return u ? { ok: true, user: this.slackUser(u) } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: next(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: next() };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${next()}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${this.calls.length}`;
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'file' }] };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

export async function startFakeSlackApi(users: FakeUser[] = []): Promise<FakeSlackApi> {
  return new FakeSlackApi(users).start();
}
