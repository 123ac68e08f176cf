// The policies register and a concern in the playground, over HTTP: the chair records a policy,
// "Run scheduled jobs now" at a pretend date a month before its review reminds the chair and the
// rep privately, once; a concern raised in the channel reaches only the rep's direct messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { call, inbox, named, people, send, type Message, type Person } from './client.ts';

let t: TestApp;
let chair: Person;
let rep: Person;
let member: Person;
let worker: Person;
beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' });
  const list = await people(t.url);
  chair = named(list, 'Margaret Okafor');
  rep = named(list, 'Sam Taylor');
  member = named(list, 'Rosa Novak');
  worker = named(list, 'Jo Brooks');
});
afterAll(() => t.close());

const texts = (messages: Message[]) => messages.map((m) => (m.reply ? replyText(m.reply) : (m.text ?? ''))).join('\n');

describe('policies and concerns in the playground', () => {
  it('a policy review reminder goes to the chair and the rep at the pretend date, once', async () => {
    const saved = await send(t.url, chair, 'direct', {
      type: 'form',
      formId: 'policies.save',
      values: { kind: 'code-of-conduct', name: '', adoptedOn: '2025-01-15', reviewOn: '2027-01-15', link: '' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.replies.map(replyText).join('\n')).toContain('Recorded: Code of conduct.');

    expect((await call(t.url, 'POST', '/playground/api/clock', { at: '2026-12-16' })).status).toBe(200);
    await call(t.url, 'POST', '/playground/api/jobs/run', {});
    await call(t.url, 'POST', '/playground/api/jobs/run', {});
    const toChair = (await inbox(t.url, chair)).messages.filter((m) =>
      texts([m]).includes('Code of conduct of Northfield Big Local is due for review in a month'),
    );
    expect(toChair).toHaveLength(1);
    expect(texts((await inbox(t.url, rep)).messages)).toContain('is due for review in a month, on 15 January 2027');
    expect(texts((await inbox(t.url, member)).messages)).not.toContain('due for review');
  });

  it('a concern raised in the channel reaches only the rep; the channel and others never see it', async () => {
    const form = await send(t.url, member, 'channel', { type: 'command', text: 'concern' });
    expect(form.body.replies.every((r) => r.visibility === 'private')).toBe(true);
    const raised = await send(t.url, member, 'channel', {
      type: 'form',
      formId: 'concerns.raise',
      values: { kind: 'code-of-conduct', about: '', text: 'Shouting at the last meeting' },
    });
    expect(raised.body.replies.map(replyText).join('\n')).toContain('has gone privately to Sam Taylor');
    expect(texts((await inbox(t.url, rep)).messages)).toContain('Shouting at the last meeting');
    expect(texts((await inbox(t.url, worker)).messages)).not.toContain('Shouting');
    expect(texts((await inbox(t.url, chair)).messages)).not.toContain('Shouting');
  });
});
