// Fuzz: /slack/events of the real server (startTestApp, the same as `npm start`) under generated
// requests: signed and unsigned, wrongly signed, signed minutes or a year ahead or behind, as a
// form, JSON or a payload= form, each Slack payload kind with hostile values in its fields, and
// hostile JSON text. Never a 5xx (503 only for a real outage), the process keeps serving, a
// refused request writes nothing, and the whole run writes nothing but delivery claims and audit
// records and DM addresses: the requests come from people the workspace does not know, in no
// bound channel.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.ts';
import { settle, signature, startSlack, type SlackTest } from '../slack/support.ts';
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

const FORM = 'application/x-www-form-urlencoded';
const clock = new FakeClock('2026-11-02T10:00:00Z');
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
/**
 * Tables a served Slack request may write: its delivery claim, the core's record of a refusal, and
 * where a person's direct messages go (a served DM is answered there later). Everything else, the
 * roster, register, decisions, votes and bindings included, must stay exactly as it was.
 */
const MAY_CHANGE = ['InboxItem', 'AuditEvent', 'ConversationRef'];

let t: SlackTest;
beforeAll(async () => {
  t = await startSlack({}, undefined, undefined, clock);
});
afterAll(() => t.close());

type Signing = 'good' | 'none' | 'wrong-secret' | 'future' | 'stale' | 'not-a-number';
interface Input {
  body: string;
  contentType: string | undefined;
  signing: Signing;
  aheadSeconds: number;
}

const user = fc.constantFrom('UFUZZ1', 'UFUZZ2', 'WFUZZ3');
const channel = fc.oneof(fc.constantFrom('C0FUZZ', 'DFUZZ', 'G0FUZZ'), hostileString);
const actionId = fc.oneof(
  fc.constantFrom(
    'run.criteria',
    'criteria.details',
    'decision.vote',
    'decision.declare',
    'interests.keep',
    'review.confirm',
    'no.such',
  ),
  hostileString,
);

/** A base payload of each kind Slack sends, with one field (top level or nested) made hostile. */
const mutate = (base: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(base), '__proto__', 'type', 'extra'), hostileValue, fc.boolean())
    .map(([key, value, keep]) => (keep ? base : withField(base, key, value)));

const command = fc
  .record({ user, channel, text: hostileString, id: fc.uuid() })
  .chain(({ user: u, channel: c, text, id }) =>
    mutate({
      token: 'legacy',
      team_id: 'T1',
      channel_id: c,
      user_id: u,
      command: '/partnership',
      text,
      trigger_id: `trigger-${id}`,
      response_url: t.fake.responseUrl(id),
      api_app_id: 'A1',
    }),
  )
  .map((fields) => ({
    body: new URLSearchParams(
      Object.entries(fields).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
      ]),
    ).toString(),
    contentType: FORM,
  }));

const eventKind = fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added', 'team_join');
const event = fc
  .record({ type: eventKind, user, channel, text: hostileString, id: fc.uuid() })
  .chain(({ type, user: u, channel: c, text, id }) =>
    fc.tuple(
      mutate({
        type,
        user: u,
        channel: c,
        text,
        ts: '1700000000.000100',
        channel_type: c.startsWith('D') ? 'im' : 'channel',
      }),
      fc.constant(id),
    ),
  )
  .chain(([inner, id]) =>
    mutate({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev${id.slice(0, 12)}`,
      event: inner,
    }),
  )
  .map((payload) => ({ body: JSON.stringify(payload), contentType: 'application/json' }));

const click = fc
  .record({ user, channel, actionId, value: hostileValue, id: fc.uuid() })
  .chain(({ user: u, channel: c, actionId: a, value, id }) =>
    mutate({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: u, team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trigger-${id}`,
      container: { type: 'message', message_ts: '1700000000.000200', channel_id: c },
      channel: { id: c },
      response_url: t.fake.responseUrl(id),
      actions: [{ type: 'button', action_id: a, block_id: 'b1', value, action_ts: '1700000000.1' }],
    }),
  )
  .map((payload) => ({
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: FORM,
  }));

const submission = fc
  .record({
    user,
    callback: fc.oneof(fc.constantFrom('decision.create', 'interests.add', 'declare'), hostileString),
    values: hostileValue,
    meta: hostileString,
  })
  .chain(({ user: u, callback, values, meta }) =>
    mutate({
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: u, team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      view: {
        id: 'VFUZZ',
        type: 'modal',
        callback_id: callback,
        private_metadata: meta,
        state: { values: { b: { a: { type: 'plain_text_input', value: values } } } },
      },
    }),
  )
  .map((payload) => ({
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: FORM,
  }));

const verification = hostileValue.map((challenge) => ({
  body: JSON.stringify({ type: 'url_verification', token: 'legacy', challenge }),
  contentType: 'application/json',
}));

const rawText = fc
  .tuple(hostileJsonText, fc.constantFrom('json', 'payload', 'form'))
  .map(([text, as]) =>
    as === 'json'
      ? { body: text, contentType: 'application/json' }
      : as === 'payload'
        ? { body: `payload=${encodeURIComponent(text)}`, contentType: FORM }
        : { body: text, contentType: FORM },
  );

const otherType = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'multipart/form-data',
        'APPLICATION/JSON',
        'application/json; charset=latin1',
      ),
      fc.constant(undefined),
    ),
    fc.oneof(hostileJsonText, hostileString),
  )
  .map(([contentType, body]) => ({ body, contentType }));

const input: fc.Arbitrary<Input> = fc
  .record({
    payload: fc.oneof(command, event, click, submission, verification, rawText, otherType),
    signing: fc.oneof(
      { weight: 6, arbitrary: fc.constant('good' as const) },
      { weight: 4, arbitrary: fc.constantFrom<Signing>('none', 'wrong-secret', 'future', 'stale', 'not-a-number') },
    ),
    aheadSeconds: fc.oneof(
      fc.integer({ min: 5 * 60 + 1, max: 400 * 86_400 }),
      fc.constant(10 * 60),
      fc.constant(365 * 86_400),
    ),
  })
  .map(({ payload, signing, aheadSeconds }) => ({ ...payload, signing, aheadSeconds }));

function headersFor(i: Input): Record<string, string> {
  const headers: Record<string, string> = i.contentType ? { 'content-type': i.contentType } : {};
  if (i.signing === 'none') return headers;
  const ts =
    i.signing === 'future'
      ? nowSeconds() + i.aheadSeconds
      : i.signing === 'stale'
        ? nowSeconds() - i.aheadSeconds
        : nowSeconds();
  headers['x-slack-request-timestamp'] = i.signing === 'not-a-number' ? 'soon' : String(ts);
  headers['x-slack-signature'] = signature(i.body, ts, i.signing === 'wrong-secret' ? 'another-secret' : undefined);
  return headers;
}

describe('/slack/events under generated requests', () => {
  it(
    `${RUNS} requests: never a 5xx, refusals write nothing, and the server keeps serving`,
    { timeout: 300_000 },
    async () => {
      const before = await contents(t.app, MAY_CHANGE);
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(input, async (i) => {
          await settle(t.app);
          const counts = await rowCounts(t.app);
          const res = await fetch(`${t.server.url}/slack/events`, {
            method: 'POST',
            headers: headersFor(i),
            body: i.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          checkAnswer(res.status, text, `${i.signing} ${i.contentType} ${i.body.slice(0, 200)}`);
          const sslCheck = i.contentType === FORM && new URLSearchParams(i.body).get('ssl_check') === '1';
          if (i.signing !== 'good' && !sslCheck) expect(res.status).toBe(401);
          await settle(t.app);
          if (res.status >= 400) expect(await rowCounts(t.app)).toEqual(counts);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      await stillServing(t.server.url);
      const after = await contents(t.app, MAY_CHANGE);
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      // the run reached past the signature check: refusals of each kind, and requests served
      expect(statuses.get(401)).toBeGreaterThan(100);
      expect(statuses.get(400)).toBeGreaterThan(100);
      expect(statuses.get(200)).toBeGreaterThan(50);
    },
  );
});
