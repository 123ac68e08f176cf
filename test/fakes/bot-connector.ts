// A local fake of the Bot Connector service (what Teams' serviceUrl points at), on loopback.
// It records what the bot sends and answers the few reads the adapter makes. Tests put its URL
// in the activities' serviceUrl, exactly as Teams puts its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Posted {
  conversationId: string;
  /** the activity replied to (POST .../activities/{replyToId}); undefined for a new message */
  replyToId: string | undefined;
  /** the id the fake gave the activity */
  id: string;
  activity: Record<string, any>;
}

export interface Updated {
  conversationId: string;
  activityId: string;
  activity: Record<string, any>;
}

export interface Member {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

export class FakeBotConnector {
  readonly posted: Posted[] = [];
  readonly updated: Updated[] = [];
  readonly created: Record<string, any>[] = [];
  readonly memberLookups: { conversationId: string; userId: string }[] = [];
  /** every request and the status it got, for asserting on retries */
  readonly requests: { method: string; path: string; status?: number }[] = [];
  /** members by Teams user id (29:...) */
  readonly members = new Map<string, Member>();
  /** answer conversation creation (POST /v3/conversations) with this status; 200 creates */
  createStatus = 200;
  /** statuses to answer the next requests with, before answering normally (429, 503...) */
  private failures: number[] = [];
  /** files the bot uploaded (PUT /upload/...), standing in for the OneDrive upload session Teams gives */
  readonly uploads: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  uploadStatus = 201;
  /** answer member lookups with 403 (Teams' answer when the bot may not read the roster) */
  memberLookupFails = false;
  /** Teams user ids (29:...) whose personal chat creation is refused with 403 (app not installed for them) */
  readonly refuseChatWith = new Set<string>();
  /** personal chats created: the member named and the conversation id given */
  readonly opened: { userId: string; conversationId: string }[] = [];
  /** GET .../pagedmembers: the members map, this many a page */
  pagedMembersPageSize = 2;
  private server: Server | null = null;
  private next = 1;
  url = '';

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this;
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

  /** Answer the next `count` requests with `status` (then normally). */
  failNext(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const method = req.method ?? 'GET';
    if (path.startsWith('/upload/') && method === 'PUT') {
      this.uploads.push({ path, headers: req.headers, body: text });
      return send(res, this.uploadStatus, { id: 'drive-item-1' });
    }
    const body = text ? (JSON.parse(text) as Record<string, any>) : {};
    const request: { method: string; path: string; status?: number } = { method, path };
    this.requests.push(request);
    res.on('finish', () => void (request.status = res.statusCode));
    const failure = this.failures.shift();
    if (failure)
      return send(res, failure, { error: { code: failure === 429 ? 'Throttled' : 'Failed', message: 'try later' } });

    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    // parts: v3, conversations, {id}, activities|members, {x}
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(res, 404, { error: { code: 'NotFound' } });
    const conversationId = parts[2];
    if (method === 'POST' && conversationId === undefined) {
      this.created.push(body);
      if (this.createStatus !== 200)
        return send(res, this.createStatus, { error: { code: 'Forbidden', message: 'bot not installed for user' } });
      const member = (body.members as { id?: string }[] | undefined)?.[0]?.id ?? '';
      if (this.refuseChatWith.has(member))
        return send(res, 403, { error: { code: 'Forbidden', message: 'bot not installed for user' } });
      const id = `a:personal-${this.next++}`;
      this.opened.push({ userId: member, conversationId: id });
      return send(res, 200, { id });
    }
    if (conversationId === undefined) return send(res, 404, {});
    if (parts[3] === 'activities' && method === 'POST') {
      const id = `activity-${this.next++}`;
      this.posted.push({ conversationId, replyToId: parts[4], id, activity: body });
      return send(res, 200, { id });
    }
    if (parts[3] === 'activities' && method === 'PUT' && parts[4]) {
      this.updated.push({ conversationId, activityId: parts[4], activity: body });
      return send(res, 200, { id: parts[4] });
    }
    if (parts[3] === 'pagedmembers' && method === 'GET') {
      const all = [...this.members.values()];
      const start = Number(query.get('continuationToken') ?? '0');
      const end = start + this.pagedMembersPageSize;
      return send(res, 200, {
        members: all.slice(start, end),
        ...(end < all.length ? { continuationToken: String(end) } : {}),
      });
    }
    if (parts[3] === 'members' && method === 'GET' && parts[4]) {
      this.memberLookups.push({ conversationId, userId: parts[4] });
      if (this.memberLookupFails) return send(res, 403, { error: { code: 'Forbidden', message: 'not allowed' } });
      const member = this.members.get(parts[4]);
      return member
        ? send(res, 200, member)
        : send(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    return send(res, 404, { error: { code: 'NotFound' } });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  return new FakeBotConnector().start();
}
