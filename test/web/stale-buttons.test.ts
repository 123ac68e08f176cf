// Buttons that no longer apply do not stay on the page, in the playground over HTTP: answering the
// "Before you vote" prompt replaces it (its "No interest" / "I have an interest" are gone), and
// "Yes, close it now" is replaced by the answer, so it cannot be pressed a second time; closing
// the decision turns every prompt and ballot about it into a line saying it closed. The card's
// "Close (chair)" pressed by a member is refused kindly, saying who can, and only they see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { inbox, named, people, send, type Message, type Person } from './client.ts';

let t: TestApp;
let chair: Person;
let member: Person;
let decisionId = '';

const buttons = (r: Reply | undefined): string[] =>
  (r?.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons.map((x) => x.label) : []));
const latest = async (p: Person, text: string): Promise<Message> => {
  const found = (await inbox(t.url, p)).messages.filter((m) => m.reply?.summary.includes(text)).at(-1);
  if (!found) throw new Error(`no message for ${p.name} containing “${text}”`);
  return found;
};
let n = 0;
const click = (p: Person, where: 'channel' | 'direct', actionId: string, value: string, replyTo: string) =>
  send(t.url, p, where, { type: 'action', actionId, value }, { replyTo, deliveryId: `stale-buttons-${++n}` });

beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' });
  const everyone = await people(t.url);
  chair = named(everyone, 'Margaret Okafor');
  member = named(everyone, 'Priya Patel');
  const opened = await send(
    t.url,
    chair,
    'channel',
    {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Bench by the pond', kind: 'general', closes: 'in 3 days', ballot: 'open', visibility: 'live' },
    },
    { deliveryId: 'stale-buttons-open' },
  );
  expect(opened.status).toBe(200);
  await t.app.background.settled();
  decisionId = (await t.app.database.db.decision.findFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('buttons that no longer apply', () => {
  it('declaring no interest replaces the “Before you vote” prompt with the ballot; its buttons are gone', async () => {
    const prompt = await latest(member, 'Before you vote');
    expect(buttons(prompt.reply)).toEqual(['No interest', 'I have an interest']);
    const res = await click(member, 'direct', 'decision.declare.none', decisionId, prompt.id);
    expect(res.status).toBe(200);
    // the same message, changed in place: no second message with the old buttons beside it
    expect(res.body.messages.map((m) => m.id)).toEqual([prompt.id]);
    const now = res.body.messages[0]!;
    expect(now.edited).toBe(true);
    expect(now.reply?.summary).toMatch(/^Thank you: you declared no interest in Decision 1/);
    expect(buttons(now.reply)).not.toContain('No interest');
    expect(buttons(now.reply)).not.toContain('I have an interest');
    expect(buttons(now.reply)).toContain('For');
  });

  it('“Close (chair)” pressed by a member is refused kindly, saying who can, and only they see it', async () => {
    const card = await latest(chair, 'Decision 1: Bench by the pond');
    const res = await click(member, 'channel', 'decision.close', decisionId, card.id);
    expect(res.status).toBe(200);
    const [refusal, ...more] = res.body.messages;
    expect(more).toEqual([]);
    expect(refusal!.id).not.toBe(card.id); // the card is untouched
    expect(refusal!.private).toBe(true);
    expect(refusal!.reply?.summary).toBe('Only the chair, or the person who put this decision, can do that.');
    expect(await t.app.database.db.decision.count({ where: { status: 'open' } })).toBe(1);
  });

  it('“Yes, close it now” is replaced by the answer, and a second press of an old copy changes nothing', async () => {
    const card = await latest(chair, 'Decision 1: Bench by the pond');
    const asked = await click(chair, 'channel', 'decision.close', decisionId, card.id);
    const question = asked.body.messages.find((m) => buttons(m.reply).includes('Yes, close it now'));
    expect(question?.private).toBe(true);
    const closed = await click(chair, 'channel', 'decision.close.confirm', decisionId, question!.id);
    expect(closed.status).toBe(200);
    const answer = closed.body.messages.find((m) => m.id === question!.id);
    expect(answer?.reply?.summary).toMatch(/^Decision 1 is closed\./);
    expect(buttons(answer?.reply)).toEqual([]);
    await t.app.background.settled();
    expect((await t.app.database.db.decision.findFirstOrThrow()).status).toBe('closed');
    // the card (shared with everyone) was not replaced by the chair's private answer
    expect((await latest(member, 'Decision 1: Bench by the pond')).reply?.visibility).toBe('channel');
    // every prompt, and the ballot the member's became, now says the decision closed, with no buttons
    const dms = async (p: Person) => (await inbox(t.url, p)).messages.filter((m) => m.reply?.visibility === 'private');
    const ballot = (await dms(member)).find((m) => m.reply?.summary.startsWith('Decision 1 has closed'));
    expect(ballot?.edited).toBe(true);
    expect(buttons(ballot?.reply)).toEqual([]);
    expect((await dms(member)).filter((m) => buttons(m.reply).some((b) => ['For', 'No interest'].includes(b)))).toEqual(
      [],
    );
    expect((await dms(chair)).some((m) => m.reply?.summary.startsWith('Before you vote'))).toBe(false);
    // an old copy of the question pressed again: told it is closed, in place of the question
    const again = await click(chair, 'channel', 'decision.close.confirm', decisionId, question!.id);
    expect(again.status).toBe(200);
    const told = again.body.messages.find((m) => m.id === question!.id);
    expect(told?.reply?.summary).toMatch(/Decision 1 .*closed/);
    expect(buttons(told?.reply)).toEqual([]);
  });
});
