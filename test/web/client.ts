// A small client for the playground's JSON API, as the page uses it.
import { request as httpRequest } from 'node:http';
import type { Reply } from '../../src/domain/chat/reply.ts';

export interface Person {
  id: string;
  name: string;
  role: string;
  group: string;
  resident?: boolean;
}

export interface Message {
  id: string;
  seq: number;
  version: number;
  channelId: string;
  kind: 'channel' | 'direct';
  author: { type: 'bot' } | { type: 'person'; personId: string; name: string };
  text?: string;
  reply?: Reply;
  at: string;
  edited: boolean;
  private: boolean;
}

export interface SendAnswer {
  replies: Reply[];
  messages: Message[];
  cursor: number;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function people(base: string): Promise<Person[]> {
  const answer = await call<{ people: Person[] }>(base, 'GET', '/playground/api/people');
  if (answer.status !== 200) throw new Error(`GET people: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.people;
}

export const named = (list: Person[], name: string): Person => {
  const found = list.find((p) => p.name === name);
  if (!found) throw new Error(`no demo person called ${name}`);
  return found;
};

export function send(
  base: string,
  person: Person,
  conversation: 'channel' | 'direct',
  inbound: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return call<SendAnswer>(base, 'POST', '/playground/api/send', { person: person.id, conversation, inbound, ...extra });
}

export async function inbox(
  base: string,
  person: Person,
  since = 0,
): Promise<{ messages: Message[]; cursor: number; clock: { now: string; pretending: boolean } }> {
  const answer = await call<{ messages: Message[]; cursor: number; clock: { now: string; pretending: boolean } }>(
    base,
    'GET',
    `/playground/api/inbox?person=${encodeURIComponent(person.id)}&since=${since}`,
  );
  if (answer.status !== 200) throw new Error(`GET inbox: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A raw request with headers fetch will not let us set (Host). */
export function rawRequest(
  base: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const everyText = (r: Reply): string => JSON.stringify(r.blocks) + r.summary;
