// Fuzz: the playground's API (every route), its page and files, /healthz and unknown paths of the
// real server, under generated requests: hostile JSON bodies (wrong types, lone surrogates, huge
// numbers and strings, prototype keys, deep nesting, broken syntax), other content types, another
// site's origin, other methods. Never a 5xx, always a clear message, the process keeps serving, a
// refused request writes nothing, and the whole run writes nothing but delivery claims and audit
// records (the demo people's hostile words and clicks are answered, and change nothing).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  RUNS,
  SEED,
  checkAnswer,
  contents,
  hostileJsonText,
  hostileString,
  hostileValue,
  rowCounts,
  stillServing,
  withField,
} from './fuzz.ts';

const API = '/playground/api';
/** A served click may claim its delivery id; the core records refusals. */
const MAY_CHANGE = ['InboxItem', 'AuditEvent'];

let t: TestApp;
let people: string[];
beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true', PLAYGROUND: 'true' });
  people = ((await (await fetch(`${t.url}${API}/people`)).json()) as { people: { id: string }[] }).people.map(
    (p) => p.id,
  );
});
afterAll(() => t.close());

/** Every UTF-8 byte percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percent = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

interface Input {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
}

function requests(): fc.Arbitrary<Input> {
  const person = fc.oneof(fc.constantFrom(...people), hostileValue);
  const inbound = fc.oneof(
    fc.record({ type: fc.constantFrom('text', 'command'), text: hostileString }),
    fc.record({
      type: fc.constant('action'),
      actionId: fc.oneof(
        fc.constantFrom('interests.keep', 'run.criteria', 'decision.vote', 'review.confirm', '__proto__'),
        hostileString,
      ),
      value: hostileValue,
    }),
    fc.record({
      type: fc.constant('form'),
      formId: fc.oneof(fc.constantFrom('decision.create', 'interests.edit', 'constructor'), hostileString),
      values: fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
      context: hostileValue,
    }),
    hostileValue,
  );
  const send = fc
    .record({
      person,
      conversation: fc.oneof(fc.constantFrom('channel', 'direct'), hostileValue),
      inbound,
      deliveryId: fc.option(
        fc.oneof(
          fc.uuid().map((u) => u.replace(/-/g, '')),
          hostileString,
        ),
        { nil: undefined },
      ),
    })
    .chain((b) =>
      fc
        .tuple(
          fc.constantFrom('person', 'conversation', 'inbound', 'replyTo', '__proto__', 'extra'),
          hostileValue,
          fc.boolean(),
        )
        .map(([k, v, keep]) => (keep ? b : withField(b, k, v))),
    )
    .map((b) => JSON.stringify(b));
  const jsonBody = fc.oneof(
    send,
    hostileJsonText,
    hostileValue.map((v) => JSON.stringify(v) ?? ''),
    fc.constantFrom(
      '{"at":"2026-10-01"}',
      '{"reset":true}',
      '{"at":"2026-02-30"}',
      '{"at":"99999-01-01"}',
      `{"pad":"${'p'.repeat(300_000)}"}`,
    ),
  );
  const contentType = fc.oneof(
    { weight: 5, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-8',
        '',
      ),
    },
  );
  const origin = fc.option(fc.constantFrom('https://evil.example', 'null'), { nil: undefined, freq: 6 });
  const post = fc
    .record({
      path: fc.constantFrom(`${API}/send`, `${API}/send`, `${API}/clock`),
      body: jsonBody,
      type: contentType,
      origin,
    })
    .map(({ path, body, type, origin: o }) => ({
      method: 'POST',
      path,
      body,
      headers: { 'content-type': type, ...(o ? { origin: o } : {}) },
    }));
  // running the jobs is a real action: only bodies that must be refused are sent there
  const jobs = fc
    .record({
      body: fc.constantFrom('{', '{"__proto__":{}}', '{"a":"\\ud800"}', '['.repeat(100) + ']'.repeat(100), 'x'),
      type: fc.constantFrom('application/json', 'text/plain'),
    })
    .map(({ body, type }) => ({ method: 'POST', path: `${API}/jobs/run`, body, headers: { 'content-type': type } }));
  const query = fc
    .record({ person, since: fc.oneof(fc.nat().map(String), hostileString) })
    .map(
      ({ person: p, since }) =>
        `${API}/inbox?person=${percent(typeof p === 'string' ? p : (JSON.stringify(p) ?? ''))}&since=${percent(since)}`,
    );
  const get = fc
    .oneof(
      query,
      fc.constantFrom(
        `${API}/people`,
        `${API}/clock`,
        '/',
        '/playground/static/app.js',
        '/playground/static/nope.js',
        '/healthz',
        '/nope',
        `${API}/nope`,
        `${API}/../../etc/passwd`,
        '/%ff%fe',
        `${API}/inbox`,
      ),
    )
    .map((path) => ({ method: 'GET', path, headers: {} }));
  const other = fc
    .record({
      method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      path: fc.constantFrom(`${API}/send`, `${API}/clock`, '/healthz', '/', '/nowhere'),
    })
    .map(({ method, path }) => ({ method, path, headers: {} }));
  return fc.oneof(
    { weight: 6, arbitrary: post },
    { weight: 1, arbitrary: jobs },
    { weight: 2, arbitrary: get },
    { weight: 1, arbitrary: other },
  );
}

describe('the playground API under generated requests', () => {
  it(
    `${RUNS} requests: never a 5xx, a clear message for every refusal, refusals write nothing`,
    { timeout: 300_000 },
    async () => {
      const before = await contents(t.app, MAY_CHANGE);
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requests(), async (i) => {
          await t.app.background.settled();
          const counts = await rowCounts(t.app);
          const res = await fetch(`${t.url}${i.path}`, {
            method: i.method,
            headers: i.headers,
            ...(i.body !== undefined ? { body: i.body } : {}),
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          checkAnswer(
            res.status,
            text,
            `${i.method} ${i.path} ${JSON.stringify(i.headers)} ${(i.body ?? '').slice(0, 300)}`,
          );
          // Node itself refuses a request line over 16 KB (431, no body) before any route runs
          if (res.status >= 400 && res.status !== 431) {
            const message = (JSON.parse(text) as { message?: unknown }).message;
            expect(typeof message === 'string' && message.length > 10, text.slice(0, 200)).toBe(true);
          }
          await t.app.background.settled();
          if (res.status >= 400) expect(await rowCounts(t.app)).toEqual(counts);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      await stillServing(t.url);
      const after = await contents(t.app, MAY_CHANGE);
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect(statuses.get(400)).toBeGreaterThan(100);
      expect(statuses.get(200)).toBeGreaterThan(50);
    },
  );
});
