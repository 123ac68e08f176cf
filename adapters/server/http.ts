// The project's one HTTP server (node:http). Adapters add routes; receivers do transport only.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/services/ports/index.ts';

export interface RouteContext {
  requestId: string;
  logger: Logger;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => Promise<void> | void;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** exact path, or a prefix ending in `*` */
  path: string;
  handler: RouteHandler;
  /** a request made every few seconds (the playground's poll): its log line is debug, not info, unless it fails */
  frequent?: boolean;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'E_HTTP',
  ) {
    super(message);
  }
}

/** Read a request body with a size limit (1 MiB by default); larger bodies get 413. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `Request body is larger than ${limit} bytes.`, 'E_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The answer for an error that the request caused, or null for a bug. Bad input is refused where
 * it is read (HttpError); a client that hangs up in the middle of its body is its own problem.
 */
function asRefusal(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNRESET' || code === 'ECONNABORTED' || (error as Error | null)?.message === 'aborted') {
    return new HttpError(400, 'The request ended before its body was complete.', 'incomplete_body');
  }
  return null;
}

/** "file.ts:12" of the first frame in our own code, so a bug can be found without logging data. */
function whereThrown(error: unknown): string | undefined {
  const stack = (error as Error | null)?.stack ?? '';
  const frame = stack.split('\n').find((line) => /\/(adapters|src)\//.test(line) && !line.includes('node_modules'));
  return frame?.match(/\/((?:adapters|src)\/[^:()]+:\d+)/)?.[1];
}

export class HttpServer {
  private readonly routes: Route[] = [];
  private server: Server | null = null;

  constructor(
    private readonly logger: Logger,
    /** whether a failure is an outage of something we depend on (the database): 503, not 500 */
    private readonly isOutage: (error: unknown) => boolean = () => false,
  ) {}

  add(route: Route): void {
    this.routes.push(route);
  }

  private match(method: string, path: string): Route | undefined | 'method' {
    const candidates = this.routes.filter((r) =>
      r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path,
    );
    if (candidates.length === 0) return undefined;
    return candidates.find((r) => r.method === method) ?? 'method';
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A caller's request id is echoed in a header and the log only if it looks like one.
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = this.match(req.method ?? 'GET', path);
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const fields = {
        requestId,
        method: req.method,
        path: path.slice(0, 100),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      const quiet = typeof route === 'object' && route.frequent && res.statusCode < 400;
      if (quiet) (this.logger as Partial<{ debug: Logger['info'] }>).debug?.('request', fields);
      else this.logger.info('request', fields);
    });
    if (route === undefined)
      return sendJson(res, 404, { error: 'not_found', message: `Nothing here at ${path.slice(0, 100)}.` });
    if (route === 'method')
      return sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method} is not allowed here.` });
    try {
      await route.handler(req, res, { requestId, logger: this.logger });
    } catch (error) {
      const refusal = asRefusal(error);
      if (refusal) return sendJson(res, refusal.status, { error: refusal.code, message: refusal.message });
      if (this.isOutage(error)) {
        this.logger.warn('request refused: database unavailable', {
          requestId,
          path: path.slice(0, 100),
          code: (error as { code?: string }).code ?? 'E_DATABASE',
        });
        return sendJson(res, 503, {
          error: 'unavailable',
          message: 'The bot’s records cannot be reached just now. Nothing was done; please try again in a minute.',
          requestId,
        });
      }
      // A bug, not bad input: logged with where it happened but not its message, which may
      // quote the data being handled (personal data never goes into the log).
      this.logger.error('request failed', {
        requestId,
        path: path.slice(0, 100),
        code: (error as { code?: string }).code,
        kind: (error as Error)?.name,
        where: whereThrown(error),
      });
      sendJson(res, 500, {
        error: 'internal',
        message: 'Something went wrong on our side. Nothing was saved; please try again.',
        requestId,
      });
    }
  }

  async listen(port: number, host: string): Promise<string> {
    const server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: unknown) => {
        // never an unhandled rejection (it would stop the process): whatever escaped is a bug
        this.logger.error('request failed', {
          code: (error as { code?: string }).code,
          kind: (error as Error)?.name,
          where: whereThrown(error),
        });
        sendJson(res, 500, {
          error: 'internal',
          message: 'Something went wrong on our side. Nothing was saved; please try again.',
        });
      });
    });
    server.keepAliveTimeout = 65_000; // longer than typical load balancer idle timeouts
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${shown === '127.0.0.1' ? 'localhost' : shown}:${address.port}`;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
