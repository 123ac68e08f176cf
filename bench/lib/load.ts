// A closed-loop HTTP load generator on keep-alive connections: `concurrency` workers each send a
// request, wait for the whole response, and send the next. Bounded by a request count and a time
// limit, whichever comes first; loopback only.
import { Agent, request } from 'node:http';
import { percentile } from './stats.ts';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  concurrency: number;
  /** the i-th request (i counts from 0, warm-up included) */
  request: (i: number) => LoadRequest;
  warmup?: number;
  maxRequests?: number;
  maxMs?: number;
  /** a response with another status counts as an error */
  expectStatus?: number;
  /** each worker waits this long after a response before its next request (a person's pace) */
  pauseMs?: number;
}

export interface LoadResult {
  concurrency: number;
  /** requests sent in the warm-up (not measured) */
  warmupSent: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** the first error seen, to explain a non-zero error count */
  firstError?: string;
}

function send(agent: Agent, base: URL, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: r.path,
        headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost')
    throw new Error('The load generator only targets loopback.');
  const { concurrency, warmup = 200, maxRequests = 4_000, maxMs = 4_000, expectStatus = 200 } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];

  const phase = async (limit: number, deadline: number, record: boolean) => {
    const stopAt = next + limit;
    const worker = async () => {
      while (next < stopAt && performance.now() < deadline) {
        const i = next++;
        const started = performance.now();
        try {
          const res = await send(agent, base, options.request(i));
          if (res.status !== expectStatus) throw new Error(`status ${res.status}: ${res.body.slice(0, 200)}`);
          if (record) latencies.push(performance.now() - started);
        } catch (error) {
          errors += record ? 1 : 0;
          firstError ??= (error as Error).message;
        }
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };

  await phase(warmup, performance.now() + maxMs / 2 + 2_000, false);
  const warmupSent = next;
  errors = 0;
  const started = performance.now();
  await phase(maxRequests, started + maxMs, true);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    concurrency,
    warmupSent,
    requests: sorted.length,
    errors,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    ...(firstError ? { firstError } : {}),
  };
}
