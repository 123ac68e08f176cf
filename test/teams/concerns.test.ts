// A concern through Teams (the real CloudAdapter, the Bot Connector faked on loopback): a member
// raises one in her personal chat about a named person; only the reviewer (the rep) is told, in
// his personal chat; the sender is acknowledged (with how to report misuse of funds to Local
// Trust); the channel and the person concerned get nothing; the reviewer closes it with an outcome
// and the sender is told. About the reviewer himself, it goes to the chair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Posted } from '../fakes/bot-connector.ts';
import {
  CHANNEL_ID,
  cardOf,
  installEvent,
  invoke,
  message,
  post,
  startTeams,
  visibleText,
  type TeamsTest,
  type TeamsUser,
} from './support.ts';
import { PEOPLE as P, actionsOf, addMembers, button, inputsOf, personalChat, postsIn } from './decision-support.ts';

let t: TeamsTest;

beforeAll(async () => {
  t = await startTeams();
  addMembers(t.fake);
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

const inChannel = (): Posted[] => t.fake.posted.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID);
const seenBy = (u: TeamsUser): string => visibleText(postsIn(t.fake, personalChat(u)));
const personId = async (name: string) => (await t.app.database.db.person.findFirst({ where: { name } }))!.id;
const click = async (u: TeamsUser, verb: string, data: unknown) => {
  const res = await post(t, invoke(t.fake, verb, data, { from: u }));
  await t.app.background.settled();
  return res;
};

/** Rosa asks for the form in her personal chat and sends it filled in; the invoke's answer. */
async function raise(kind: string, about: TeamsUser, text: string) {
  expect((await post(t, message(t.fake, { from: P.rosa, text: 'concern' }))).status).toBe(200);
  const form = postsIn(t.fake, personalChat(P.rosa)).at(-1);
  expect(inputsOf(cardOf(form))).toEqual(['field.kind', 'field.about', 'field.text']);
  const send = button(form, 'Send privately');
  const res = await click(P.rosa, send.verb, {
    ...send.data,
    'field.kind': kind,
    'field.about': await personId(about.name),
    'field.text': text,
  });
  expect(res.status).toBe(200);
  return JSON.stringify(res.body.value);
}

const SECRET = 'The treasurer paid his cousin’s firm for the fun day without a quote';

describe('a concern in Teams', () => {
  it('goes only to the rep in his personal chat; the sender is told how to report misuse of funds', async () => {
    const ack = await raise('misuse-of-funds', P.tom, SECRET);
    expect(ack).toContain('has gone privately to Sam Taylor, the partnership’s concern reviewer');
    expect(ack).toContain('They have been told.');
    expect(ack).toContain('report any potential misuse of funds to Local Trust');
    expect(ack).toContain('info@localtrust.org.uk');

    const toSam = seenBy(P.sam);
    expect(toSam).toContain('Concern 1 (possible misuse of funds) has been raised with you to review.');
    expect(toSam).toContain(SECRET.slice(0, 30));
    expect(toSam).toContain('Record the outcome and close');
    for (const u of Object.values(P).filter((u) => u !== P.sam && u !== P.rosa))
      expect(seenBy(u), u.name).not.toMatch(/cousin|concern/i);
    expect(visibleText(inChannel())).not.toMatch(/cousin|concern/i);
    // what Rosa saw in her chat: the form, then nothing of Sam's message
    expect(seenBy(P.rosa)).not.toContain('for you to review');
  });

  it('the rep records the outcome and closes it; the sender is told privately', async () => {
    const concern = (await t.app.database.db.concern.findFirst())!;
    const close = button(postsIn(t.fake, personalChat(P.sam)).at(-1), 'Record the outcome and close');
    const form = await click(P.sam, close.verb, close.data);
    const formCard = form.body.value as unknown;
    expect(inputsOf(formCard)).toEqual(['field.outcome']);
    const submit = actionsOf(formCard).find((a) => a.title === 'Close the concern')!;
    expect(submit.verb).toBe('concerns.outcome');

    // only the reviewer: Tom, the person it is about, is answered as if the button were stale
    const tom = await click(P.tom, submit.verb, { ...submit.data, 'field.outcome': 'Nothing to see' });
    expect(JSON.stringify(tom.body.value)).toContain('That button is from an older message');
    expect(JSON.stringify(tom.body.value)).not.toContain('cousin');

    const done = await click(P.sam, submit.verb, {
      ...submit.data,
      'field.outcome': 'Checked the invoices with the treasurer; a second quote is now required.',
    });
    expect(JSON.stringify(done.body.value)).toContain(
      'Concern 1 is closed with your outcome; the person who raised it has been told.',
    );
    expect(seenBy(P.rosa)).toContain('Checked the invoices with the treasurer');
    expect(seenBy(P.tom)).not.toMatch(/invoices|cousin/);
    expect(visibleText(inChannel())).not.toMatch(/invoices|concern/i);
    expect(await t.app.database.db.concern.findUnique({ where: { id: concern.id } })).toMatchObject({
      status: 'closed',
      outcome: 'Checked the invoices with the treasurer; a second quote is now required.',
    });
  });

  it('about the reviewer himself, it goes to the chair, and the rep gets nothing', async () => {
    const samBefore = postsIn(t.fake, personalChat(P.sam)).length;
    const ack = await raise('misuse-of-funds', P.sam, 'Receipts for the summer trip are missing');
    expect(ack).toContain('has gone privately to the chair, Margaret Okafor');
    expect(seenBy(P.margaret)).toContain('Receipts for the summer trip are missing');
    expect(postsIn(t.fake, personalChat(P.sam)).length).toBe(samBefore);
    expect(visibleText(inChannel())).not.toMatch(/Receipts|concern/i);
    expect(await t.app.database.db.concern.findFirst({ where: { number: 2 } })).toMatchObject({
      reviewerId: await personId('Margaret Okafor'),
      status: 'open',
    });
  });
});
