// Fuzz: /api/messages of the real server, with and without an app id, under generated requests:
// activities of every kind with hostile values in any field (wrong types, huge strings, lone
// surrogates, prototype keys, unknown types and invoke names), hostile JSON text, other content
// types, browser origins, and no, junk, forged or genuine tokens (signed by a loopback fake of the
// Bot Framework's keys, which is sometimes down). Never a 5xx other than 503 while the keys are
// down, the process keeps serving, a refused request writes nothing, and the whole run writes
// nothing but delivery claims, conversation addresses and audit records: the activities come
// from someone the roster does not know.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenId, CHANNEL_ISSUER, type FakeOpenId } from '../fakes/openid.ts';
import { STRANGER, installEvent, invoke, message, startTeams, type TeamsTest } from '../teams/support.ts';
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

const APP_ID = '3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab';
/** A served activity may claim its delivery, keep the conversation's address, and record a refusal. */
const MAY_CHANGE = ['InboxItem', 'ConversationRef', 'AuditEvent'];

const FIELDS = [
  'type',
  'id',
  'name',
  'action',
  'channelId',
  'serviceUrl',
  'from',
  'recipient',
  'conversation',
  'text',
  'replyToId',
  'value',
  'channelData',
  'entities',
  'membersAdded',
  'membersRemoved',
  'reactionsAdded',
  'attachments',
  'timestamp',
  'locale',
  '__proto__',
  'constructor',
];
const NESTED: [string, string][] = [
  ['from', 'id'],
  ['conversation', 'id'],
  ['recipient', 'id'],
  ['channelData', 'tenant'],
  ['channelData', 'eventType'],
  ['value', 'action'],
  ['conversation', 'isGroup'],
];

function activities(t: TeamsTest): fc.Arbitrary<Record<string, unknown>> {
  const base = fc.oneof(
    hostileString.map((text) => message(t.fake, { from: STRANGER, text })),
    hostileValue.map((value) => message(t.fake, { from: STRANGER, value })),
    fc.tuple(hostileString, hostileValue).map(([verb, data]) => invoke(t.fake, verb, data, { from: STRANGER })),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(
            'fileConsent/invoke',
            'composeExtension/query',
            'task/fetch',
            'signin/verifyState',
            'config/fetch',
            'application/search',
            '',
          ),
          hostileString,
        ),
        hostileValue,
      )
      .map(([name, value]) => ({ ...invoke(t.fake, 'x', {}, { from: STRANGER }), name, value })),
    fc
      .constantFrom('installationUpdate', 'conversationUpdate')
      .chain((kind) =>
        fc
          .constantFrom('personal', 'channel', 'groupChat')
          .map((scope) => installEvent(t.fake, kind as 'installationUpdate', scope as 'personal', { from: STRANGER })),
      ),
    fc
      .oneof(
        fc.constantFrom(
          'typing',
          'event',
          'messageReaction',
          'messageUpdate',
          'messageDelete',
          'endOfConversation',
          'handoff',
          'trace',
        ),
        hostileString,
      )
      .map((type) => ({ ...message(t.fake, { from: STRANGER }), type })),
  );
  const mutation = fc.oneof(
    fc.constant((a: Record<string, unknown>) => a),
    fc.tuple(fc.constantFrom(...FIELDS), hostileValue).map(
      ([key, value]) =>
        (a: Record<string, unknown>) =>
          withField(a, key, value),
    ),
    fc.tuple(fc.constantFrom(...NESTED), hostileValue).map(
      ([[outer, inner], value]) =>
        (a: Record<string, unknown>) =>
          withField(
            a,
            outer,
            withField(
              typeof a[outer] === 'object' && a[outer] !== null ? (a[outer] as Record<string, unknown>) : {},
              inner,
              value,
            ),
          ),
    ),
  );
  return fc.tuple(base, mutation, mutation).map(([a, m1, m2]) => m2(m1(a)));
}

interface Input {
  body: string;
  headers: Record<string, string>;
  token: string;
  keysUp: boolean;
}

function inputs(t: TeamsTest, keys: FakeOpenId | null): fc.Arbitrary<Input> {
  const body = fc.oneof(
    { weight: 4, arbitrary: activities(t).map((a) => JSON.stringify(a)) },
    { weight: 1, arbitrary: hostileJsonText },
  );
  const headers = fc.record(
    {
      'content-type': fc.oneof(
        { weight: 5, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml') },
      ),
      origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:1'),
    },
    { requiredKeys: ['content-type'] },
  );
  const token = (b: string): fc.Arbitrary<string> => {
    if (!keys) return fc.constant('');
    let serviceUrl: unknown;
    try {
      serviceUrl = (JSON.parse(b) as { serviceUrl?: unknown } | null)?.serviceUrl;
    } catch {
      /* not JSON: any token */
    }
    const claims = (extra: Record<string, unknown>) => ({
      iss: CHANNEL_ISSUER,
      aud: APP_ID,
      serviceurl: serviceUrl,
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...extra,
    });
    return fc.oneof(
      fc.constantFrom('', 'Bearer ', 'Bearer junk', 'Basic dXNlcjpwYXNz', 'Bearer e30.e30.e30'),
      fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`), // printable ASCII: what a header can carry
      fc.constant(`Bearer ${keys.sign(claims({}))}`),
      fc.constant(`Bearer ${keys.sign(claims({}), { key: 'other' })}`),
      fc.constant(`Bearer ${keys.sign(claims({ aud: 'someone-else' }))}`),
    );
  };
  return fc
    .tuple(body, headers, fc.boolean())
    .chain(([b, h, keysUp]) => token(b).map((tok) => ({ body: b, headers: h, token: tok, keysUp })));
}

async function fuzz(t: TeamsTest, keys: FakeOpenId | null): Promise<Map<number, number>> {
  const before = await contents(t.app, MAY_CHANGE);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(inputs(t, keys), async (i) => {
      if (keys) keys.mode = i.keysUp ? 'ok' : 'error';
      await t.app.background.settled();
      const counts = await rowCounts(t.app);
      const headers = { ...i.headers, ...(i.token ? { authorization: i.token } : {}) };
      const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers, body: i.body });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      checkAnswer(res.status, text, `${JSON.stringify(headers).slice(0, 200)} ${i.body.slice(0, 300)}`);
      // a 503 only for a real outage: the keys down, or Microsoft's login (unreachable from here) for a reply
      if (res.status === 503) expect(keys !== null, 'a 503 only with authentication on').toBe(true);
      // without an app id, a browser's request is refused before anything is read
      if (!keys && (i.headers.origin !== undefined || i.headers['content-type'] !== 'application/json'))
        expect([403, 415]).toContain(res.status);
      await t.app.background.settled();
      const now = await rowCounts(t.app);
      if (res.status >= 400 && res.status < 500) expect(now).toEqual(counts);
      // an outage in the middle of a turn (Microsoft's login unreachable) may have kept the address and claim
      if (res.status === 503)
        for (const table of Object.keys(counts).filter((n) => !MAY_CHANGE.includes(n)))
          expect(now[table], table).toBe(counts[table]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  await stillServing(t.url);
  const after = await contents(t.app, MAY_CHANGE);
  for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  return statuses;
}

describe('/api/messages under generated requests', () => {
  describe('without an app id (the Emulator on this machine)', () => {
    let t: TeamsTest;
    beforeAll(async () => {
      t = await startTeams();
    });
    afterAll(() => t.close());

    it(
      `${RUNS} requests: never a 5xx, refusals write nothing, and the server keeps serving`,
      { timeout: 300_000 },
      async () => {
        const statuses = await fuzz(t, null);
        expect(statuses.get(400)).toBeGreaterThan(50);
        expect(statuses.get(403)).toBeGreaterThan(50);
        expect(statuses.get(200)).toBeGreaterThan(20);
      },
    );
  });

  describe('with an app id (tokens checked against a loopback fake of the Bot Framework keys)', () => {
    let t: TeamsTest;
    let keys: FakeOpenId;
    beforeAll(async () => {
      keys = await startFakeOpenId();
      t = await startTeams({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl,
      });
    });
    afterAll(async () => {
      await t.close();
      await keys.close();
    });

    it(
      `${RUNS} requests: never a 5xx but 503 while the keys are down, refusals write nothing`,
      { timeout: 300_000 },
      async () => {
        const statuses = await fuzz(t, keys);
        expect(statuses.get(400)).toBeGreaterThan(50);
        expect(statuses.get(401)).toBeGreaterThan(50);
      },
    );
  });
});
