// A decision taken at a meeting, recorded in the playground over HTTP (the real server, the
// playground's JSON API as the page uses it): the form, the flag for a conflict recorded as voting,
// the save once confirmed, and the record the chair then reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import { named, people, send, type Person } from './client.ts';

let t: TestApp;
let everyone: Person[];
let priya: Person;

beforeAll(async () => {
  // the Tuesday after the meeting: the test passes its own time, never the wall clock's
  t = await startTestApp({ PLAYGROUND: 'true' }, { clock: new TestClock(new Date(TUESDAY)) });
  everyone = await people(t.url);
  priya = named(everyone, 'Priya Patel');
});
afterAll(() => t.close());

const said = (replies: Reply[]) => replies.map(replyText).join('\n');
const idsOf = (names: string[]) => names.map((n) => named(everyone, n).id);
const meeting = (extra: Record<string, string | string[]> = {}) => ({
  type: 'form',
  formId: 'decision.meeting',
  values: {
    date: '2026-10-15',
    title: 'Community café catering contract',
    kind: 'procurement',
    organisations: 'Northfield Community Café Ltd',
    present: idsOf(['Margaret Okafor', 'Priya Patel', 'Tom Whitfield', 'Sarah Whitfield', 'Aisha Rahman']),
    declarations: 'Sarah Whitfield: direct financial: Northfield Community Café Ltd: café manager',
    left: idsOf(['Sarah Whitfield']),
    result: 'vote',
    for: '3',
    against: '1',
    abstain: '0',
    outcome: 'Agreed to award the catering contract for one year.',
    ...extra,
  },
});

describe('recording a meeting decision in the playground', () => {
  it('the form lists the roster; a conflict recorded as voting is flagged first, then saved once confirmed', async () => {
    const opened = await send(t.url, priya, 'direct', { type: 'command', text: 'meeting' });
    expect(opened.status).toBe(200);
    const form = opened.body.replies[0]!.blocks.find((b) => b.kind === 'form');
    expect(form?.kind === 'form' && form.form.fields.find((f) => f.id === 'present')?.options?.length).toBe(
      everyone.length,
    );

    const flagged = await send(t.url, priya, 'direct', meeting());
    expect(said(flagged.body.replies)).toMatch(/Nothing is saved yet[\s\S]*Tom Whitfield: indirect financial interest/);

    const saved = await send(t.url, priya, 'direct', meeting({ confirm: 'true' }));
    expect(said(saved.body.replies)).toContain(
      'Recorded: Decision 1 (“Community café catering contract”), taken at a meeting.',
    );
    const record = await send(t.url, named(everyone, 'Margaret Okafor'), 'direct', {
      type: 'command',
      text: 'decision 1',
    });
    const text = said(record.body.replies);
    expect(text).toContain('taken at a meeting on Thursday 15 October 2026; recorded by Priya Patel.');
    expect(text).toContain('Decided by a vote: for 3, against 1, abstained 0.');
    expect(text).toContain('Recorded as voting despite a conflict (the recorder confirmed it): Tom Whitfield');
  });
});
