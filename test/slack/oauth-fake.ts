// Slack's OAuth side for the many-workspaces tests, on loopback in front of the FakeSlackApi:
// `oauth.v2.access` exchanges a code for a workspace's (or an organisation's) bot token, and
// `auth.test` answers for each token. Every Web API call is recorded with the token it carried,
// then passed on to the FakeSlackApi.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlackApi } from '../fakes/slack-api.ts';

export interface Grant {
  code: string;
  token: string;
  teamId?: string;
  enterpriseId?: string;
  botUserId: string;
}

export interface TokenCall {
  method: string;
  token: string | undefined;
}

const read = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

export class FakeSlackOAuth {
  readonly calls: TokenCall[] = [];
  private server: Server | null = null;
  base = '';

  constructor(
    private readonly api: FakeSlackApi,
    private readonly grants: Grant[],
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  get url(): string {
    return `${this.base}/api/`;
  }

  tokensFor(method: string): (string | undefined)[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.token);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string; headers: Record<string, string> }> {
    const raw = await read(req);
    const method = (req.url ?? '/').split('?')[0]!.replace(/^\/api\//, '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    this.calls.push({ method, token });
    const json = (body: unknown) => ({
      status: 200,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    if (method === 'oauth.v2.access') {
      const form = new URLSearchParams(raw.toString('utf8'));
      // the client's credentials come as HTTP Basic auth or in the form
      const basic = auth?.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
      const id = form.get('client_id') ?? basic.split(':')[0];
      const secret = form.get('client_secret') ?? basic.split(':')[1];
      if (id !== this.clientId || secret !== this.clientSecret) return json({ ok: false, error: 'invalid_client_id' });
      const grant = this.grants.find((g) => g.code === form.get('code'));
      if (!grant) return json({ ok: false, error: 'invalid_code' });
      return json({
        ok: true,
        app_id: 'A1',
        authed_user: { id: 'UINSTALLER' },
        scope: 'chat:write,commands',
        token_type: 'bot',
        access_token: grant.token,
        bot_user_id: grant.botUserId,
        team: grant.teamId ? { id: grant.teamId, name: `Workspace ${grant.teamId}` } : null,
        enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: 'Organisation' } : null,
        is_enterprise_install: !grant.teamId,
      });
    }
    if (method === 'auth.test') {
      const grant = this.grants.find((g) => g.token === token);
      if (!grant) return json({ ok: false, error: 'invalid_auth' });
      return json({
        ok: true,
        url: 'https://example.slack.com/',
        user_id: grant.botUserId,
        bot_id: `B${grant.botUserId}`,
        ...(grant.teamId ? { team_id: grant.teamId } : {}),
        ...(grant.enterpriseId ? { enterprise_id: grant.enterpriseId } : {}),
      });
    }
    // a token that was never granted is refused, as Slack does
    if (token && !this.grants.some((g) => g.token === token)) return json({ ok: false, error: 'invalid_auth' });
    const res = await fetch(`${this.api.url}${method}`, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      body: raw,
    });
    return { status: res.status, body: await res.text(), headers: { 'content-type': 'application/json' } };
  }
}
