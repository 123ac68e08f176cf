// botbuilder's CloudAdapter on plain node:http, for the Teams floors: the request/response shape
// CloudAdapter.process expects (express-like), and a server that feeds it every POST.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ActivityHandler } from 'botbuilder';

function shim(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) {
  return {
    request: { body, headers: req.headers, method: req.method },
    response: {
      socket: res.socket,
      status: (code: number) => void (res.statusCode = code),
      header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
      send: (payload: unknown) => {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        if (typeof payload !== 'string') res.setHeader('content-type', 'application/json');
        res.setHeader('content-length', Buffer.byteLength(text));
        res.write(text);
      },
      end: () => void res.end(),
    },
  };
}

/** Serves `bot` through a CloudAdapter with no app id (unauthenticated, as in the Emulator); prints LISTENING <url>. */
export function serveBot(bot: ActivityHandler): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { request, response } = shim(
        req,
        res,
        JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      );
      adapter
        .process(request, response, (context) => bot.run(context))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  return server;
}
