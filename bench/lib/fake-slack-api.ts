// A local fake of the Slack Web API on loopback: answers every method with ok and counts the
// calls, so a benchmarked app's chat.update really goes over HTTP without leaving the machine.
// Lighter than the tests' test/fakes/slack-api.ts, which keeps every call for assertions: here it
// shares the CPU with the load generator for thousands of requests, and counts are enough.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackApi {
  /** base URL for WebClient's slackApiUrl (ends with /api/) */
  url: string;
  calls: Map<string, number>;
  close(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      const body = JSON.stringify({ ok: true, channel: 'C0BENCH', ts: '1700000000.000100' });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
