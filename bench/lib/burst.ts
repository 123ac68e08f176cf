// A burst: every request on the wire at once (one keep-alive connection each), and how long each
// took to be answered. For "120 concurrent declarations on one decision, each answered within 1 s".
import { Agent, request } from 'node:http';
import type { LoadRequest } from './load.ts';
import { percentile } from './stats.ts';

export interface BurstResult {
  sent: number;
  /** answered with the expected status */
  answered: number;
  errors: number;
  firstError?: string;
  p50: number;
  p99: number;
  max: number;
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

export async function sendBurst(
  baseUrl: string,
  requests: readonly LoadRequest[],
  expectStatus = 200,
): Promise<BurstResult> {
  const base = new URL(baseUrl);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost') throw new Error('A burst only targets loopback.');
  const agent = new Agent({ keepAlive: true, maxSockets: requests.length });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  await Promise.all(
    requests.map(async (r) => {
      const started = performance.now();
      try {
        const res = await send(agent, base, r);
        if (res.status !== expectStatus) throw new Error(`status ${res.status}: ${res.body.slice(0, 200)}`);
        latencies.push(performance.now() - started);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }),
  );
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: requests.length,
    answered: sorted.length,
    errors,
    ...(firstError ? { firstError } : {}),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
