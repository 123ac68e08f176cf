// A local fake of the Bot Framework's OpenID metadata and signing keys (what
// https://login.botframework.com/v1/.well-known/openidconfiguration and its jwks_uri serve), on
// loopback. The server is pointed at it with MICROSOFT_OPENID_METADATA_URL, botbuilder's own
// setting (ToBotFromChannelOpenIdMetadataUrl). The fake holds an RSA key and signs tokens the
// way the Bot Framework does (RS256, issuer https://api.botframework.com); it can also stop
// answering, or fail, to play an outage.
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export type OpenIdMode = 'ok' | 'hang' | 'error';

export interface FakeOpenId {
  url: string;
  /** the metadata document's URL, for MICROSOFT_OPENID_METADATA_URL */
  metadataUrl: string;
  /** every path asked for, in order */
  readonly requests: string[];
  mode: OpenIdMode;
  kid: string;
  /** a signed token (RS256) with these claims; `key: 'other'` signs with a key the fake does not publish */
  sign(claims: Record<string, unknown>, o?: { key?: 'published' | 'other'; kid?: string }): string;
  close(): Promise<void>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function signWith(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = published.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const requests: string[] = [];
  const fake = { mode: 'ok' as OpenIdMode, kid: randomUUID() };
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (fake.mode === 'hang') return; // the connection stays open, unanswered
    if (fake.mode === 'error') return void res.writeHead(500).end();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body =
      req.url === '/keys'
        ? { keys: [{ kty: 'RSA', use: 'sig', kid: fake.kid, n: jwk.n, e: jwk.e }] }
        : { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    url,
    // a path of its own per fake: botbuilder caches keys per metadata URL for the whole process
    metadataUrl: `${url}/${randomUUID()}/.well-known/openidconfiguration`,
    requests,
    sign: (claims: Record<string, unknown>, o: { key?: 'published' | 'other'; kid?: string } = {}) =>
      signWith(o.key === 'other' ? other.privateKey : published.privateKey, o.kid ?? fake.kid, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** A loopback URL where nothing listens: the metadata host is down. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/.well-known/openidconfiguration`;
}
