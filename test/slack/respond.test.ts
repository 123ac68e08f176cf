// Answers through a response_url (adapters/slack/respond.ts): a JSON POST on a kept-alive
// connection, resolved once Slack took it; a refusal rejects with Bolt's RespondError, so the
// listeners handle it as they handled Bolt's own respond(). Slack's end is a loopback server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { respondTo } from '../../adapters/slack/respond.ts';

interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
  socket: unknown;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function slackAnswering(status: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        socket: req.socket,
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'expired_url');
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

it('posts the answer as JSON, a plain text as { text }, on one kept-alive connection', async () => {
  const slack = await slackAnswering(200);
  const respond = respondTo(`${slack.url}/actions/T1/123/abc`);
  await respond({ text: 'Your vote is recorded.', replace_original: true });
  await respond('Thanks.');
  expect(slack.received.map((r) => [r.path, r.contentType, r.body])).toEqual([
    ['/actions/T1/123/abc', 'application/json', { text: 'Your vote is recorded.', replace_original: true }],
    ['/actions/T1/123/abc', 'application/json', { text: 'Thanks.' }],
  ]);
  expect(slack.received[1]!.socket).toBe(slack.received[0]!.socket);
});

it('a refused answer rejects with Bolt’s RespondError and the status', async () => {
  const slack = await slackAnswering(404);
  await expect(respondTo(`${slack.url}/actions/expired`)({ text: 'Too late.' })).rejects.toMatchObject({
    code: 'slack_bolt_respond_error',
    statusCode: 404,
  });
});

it('an address that is not http(s) is refused with a clear message, when used', async () => {
  const respond = respondTo('ftp://example.invalid/x');
  await expect(respond('x')).rejects.toThrow('A response_url is an http(s) address; this one is not.');
});
