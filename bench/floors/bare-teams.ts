// The bare CloudAdapter floor: botbuilder's CloudAdapter (no app id: unauthenticated, as in the
// Bot Framework Emulator) on node:http, answering an adaptiveCard/action invoke with an echo.
// The floor the full server's Teams vote is compared with. Run in its own process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';

class EchoBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: `echo: ${value.action.verb}` as unknown as Record<string, unknown>,
    };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();

/** The request/response shape CloudAdapter.process expects (express-like), over node:http. */
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
