// Issue 19 through Teams (the real CloudAdapter, Adaptive Cards, the Bot Connector faked on
// loopback): a reason added with a vote from its card form, refused on a secret ballot; the chair's
// reminder reaching only those who haven't answered, in their personal chats; the plain-text
// minutes offered as a file; `/partnership decisions` with a search and a record button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { PEOPLE as P, actionsOf, addMembers, button, personalChat, postsIn } from './decision-support.ts';

let t: TeamsTest;
let openId = '';
let secretId = '';

const action = (actionId: string, value: string) => ({ pb: { kind: 'action', actionId, value } });
const click = async (u: TeamsUser, actionId: string, value: string) => {
  const res = await post(t, invoke(t.fake, actionId, action(actionId, value), { from: u, scope: 'personal' }));
  await t.app.background.settled();
  return res;
};
const latest = (u: TeamsUser) => postsIn(t.fake, personalChat(u)).at(-1);
const FORM = { 'field.kind': 'general', 'field.closes': 'in 3 days', 'field.visibility': 'after-close' };

async function start(title: string, ballot: 'open' | 'secret'): Promise<string> {
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
  const submit = button(latest(P.margaret), 'Start the vote');
  await post(
    t,
    invoke(
      t.fake,
      submit.verb,
      { ...submit.data, ...FORM, 'field.title': title, 'field.ballot': ballot },
      { from: P.margaret },
    ),
  );
  await t.app.background.settled();
  return (await t.app.database.db.decision.findFirstOrThrow({ where: { title } })).id;
}

beforeAll(async () => {
  t = await startTeams();
  addMembers(t.fake);
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  openId = await start('Community fridge rota', 'open');
  secretId = await start('Chair’s expenses', 'secret');
  for (const id of [openId, secretId]) {
    await click(P.rosa, 'decision.declare.none', id);
    await click(P.rosa, 'decision.vote', `${id}:0`);
  }
});
afterAll(async () => t?.close());

describe('minutes, reasons and reminders in Teams', () => {
  it('a reason from the card form after an open-ballot vote is saved', async () => {
    const form = await click(P.rosa, 'decision.reason', openId);
    const submit = actionsOf(form.body.value).find((a) => a.verb === 'decision.reason')!;
    expect(submit).toBeDefined();
    const saved = await post(
      t,
      invoke(
        t.fake,
        'decision.reason',
        { ...(submit.data as object), 'field.reason': 'Less food wasted.' },
        { from: P.rosa },
      ),
    );
    expect(JSON.stringify(saved.body)).toContain('Your reason for voting For on Decision 1 is saved');
    expect((await t.app.database.db.vote.findFirstOrThrow({ where: { decisionId: openId } })).reason).toBe(
      'Less food wasted.',
    );
  });

  it('a reason on a secret ballot is refused, and nothing is stored', async () => {
    const refused = await click(P.rosa, 'decision.reason', secretId);
    expect(JSON.stringify(refused.body)).toContain('is a secret ballot, so it takes no reasons');
    expect((await t.app.database.db.vote.findFirstOrThrow({ where: { decisionId: secretId } })).reason).toBeNull();
  });

  it('the chair’s reminder reaches only those who have not answered, in personal chats', async () => {
    const before = t.fake.posted.length;
    const sent = await click(P.margaret, 'decision.remind', openId);
    expect(JSON.stringify(sent.body)).toMatch(/I reminded \d+ members privately/);
    const posts = t.fake.posted.slice(before);
    expect(visibleText(posts.filter((p) => p.conversationId === personalChat(P.kwame)))).toContain(
      'Reminder: Decision 1',
    );
    expect(posts.filter((p) => p.conversationId === personalChat(P.rosa))).toEqual([]);
    expect(posts.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID)).toEqual([]);
    const again = await click(P.margaret, 'decision.remind', openId);
    expect(JSON.stringify(again.body)).toContain('less than 12 hours ago');
  });

  it('the plain-text minutes come as a file offer in the chair’s personal chat', async () => {
    await click(P.margaret, 'decision.minutes.text', openId);
    const offer = latest(P.margaret)!;
    expect(offer.activity.attachments[0].contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(JSON.stringify(offer.activity.attachments[0])).toContain('decision-1.txt');
  });

  it('/partnership decisions fridge finds the decision, with a button to its record', async () => {
    await post(t, message(t.fake, { scope: 'personal', from: P.kwame, text: 'decisions fridge' }));
    const list = latest(P.kwame)!;
    expect(visibleText([list])).toContain('Decision 1: Community fridge rota');
    expect(visibleText([list])).not.toContain('Chair’s expenses');
    expect(actionsOf(cardOf(list)).map((a) => a.verb)).toContain('decision.view');
  });
});
