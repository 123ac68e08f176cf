// The benchmark's own machinery: the load generator counts and bounds what it sends, generated
// rosters are valid rosters of the asked size, and rows whose feature is missing say so instead
// of showing a number. (Timings are never asserted: they belong to `npm run bench`.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/lib/load.ts';
import { pendingReason } from '../../bench/lib/pending.ts';
import { generateRoster } from '../../bench/lib/rosters.ts';
import { notMeasured, toMarkdown } from '../../bench/report.ts';
import { checkCriteria } from '../../src/domain/criteria/index.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(status: (n: number) => number): Promise<{ url: string; seen: () => number }> {
  let n = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status(++n)).end('ok'));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen: () => n };
}

// The time bound only guards a hang: on a busy machine the counts asserted must still be reached.
const COUNTS_NOT_TIME = 30_000;

const request = () => ({ path: '/', headers: { 'content-type': 'text/plain' }, body: 'x' });

describe('benchmark harness', () => {
  it('sends the warm-up, then exactly the bounded number of measured requests', async () => {
    const target = await serve(() => 200);
    const result = await runLoad({
      baseUrl: target.url,
      concurrency: 4,
      warmup: 10,
      maxRequests: 50,
      maxMs: COUNTS_NOT_TIME,
      request,
    });
    expect(result).toMatchObject({ concurrency: 4, warmupSent: 10, requests: 50, errors: 0 });
    expect(target.seen()).toBe(60);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
  });

  it('counts a response with an unexpected status as an error, with the first one kept', async () => {
    const target = await serve((n) => (n > 5 && n % 2 === 0 ? 503 : 200));
    const result = await runLoad({
      baseUrl: target.url,
      concurrency: 1,
      warmup: 5,
      maxRequests: 20,
      maxMs: COUNTS_NOT_TIME,
      request,
    });
    expect(result.errors).toBe(10);
    expect(result.requests).toBe(10);
    expect(result.firstError).toContain('status 503');
  });

  it('refuses a target that is not on loopback', async () => {
    await expect(runLoad({ baseUrl: 'http://example.org', concurrency: 1, request })).rejects.toThrow(/loopback/);
  });

  it('generates rosters of the asked size that the criteria check accepts, the same every time', () => {
    const roster = generateRoster(1_000);
    expect(roster.people).toHaveLength(1_000);
    expect(generateRoster(1_000)).toEqual(roster);
    const ids = new Set(roster.people.map((p) => p.id));
    expect(roster.relationships.every((r) => ids.has(r.fromId) && ids.has(r.toId) && r.fromId !== r.toId)).toBe(true);
    expect(roster.people.filter((p) => p.roles.includes('chair'))).toHaveLength(1);
    expect(checkCriteria(roster).members).toBeGreaterThan(900);
  });

  it('says "not measured yet" with the reason, never a number, for a missing feature', () => {
    const why = pendingReason(
      [
        { present: false, what: 'the Slack adapter (issue 3)' },
        { present: true, what: 'votes (issue 5)' },
      ],
      'bench/sections/slack-vote.ts',
    );
    expect(why).toBe('needs the Slack adapter (issue 3)');
    expect(pendingReason([{ present: true, what: 'votes' }], 'x.ts')).toBe(
      'votes exist, but x.ts has no full-server scenario yet',
    );
    const markdown = toMarkdown({ Date: 'today' }, [
      {
        id: '9',
        title: 'Example',
        about: 'About.',
        notes: [],
        data: null,
        tables: [{ columns: ['Path', 'Result', 'p50'], rows: [notMeasured(why, 3, 'full server')] }],
        targets: [{ text: 'p50 at most 2x the floor', met: null, note: why }],
      },
    ]);
    expect(markdown).toContain('| full server | not measured yet: needs the Slack adapter (issue 3) |  |');
    expect(markdown).toContain('- not measured yet: p50 at most 2x the floor (needs the Slack adapter (issue 3))');
    expect(markdown).not.toMatch(/\d+(\.\d+)? ms/);
  });
});
