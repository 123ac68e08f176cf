// Issue 5 end to end through Teams: the real server and botbuilder's CloudAdapter, Adaptive Cards
// with Action.Execute (and the Action.Submit fallback), the Bot Connector faked on loopback. The
// chair asks for the form in the channel and gets it in her personal chat, submits it; the card
// goes to the channel and is updated in place; prompts and recusals go to personal chats through
// the stored references; re-delivered invokes count once; the chair closes; the record is private.
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
let decisionId = '';
let cardId = '';

beforeAll(async () => {
  t = await startTeams();
  addMembers(t.fake);
  // everyone has the app in their personal scope (Teams sends installationUpdate), and it is in the team
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

/** Everything posted in the channel: new posts and replies in its threads. */
const inChannel = (): Posted[] => t.fake.posted.filter((p) => p.conversationId.split(';')[0] === CHANNEL_ID);
const cardPost = (): Posted => t.fake.posted.find((p) => p.id === cardId)!;
const latest = (u: TeamsUser): Posted | undefined => postsIn(t.fake, personalChat(u)).at(-1);
const cardNow = (): string =>
  JSON.stringify(
    cardOf({ activity: t.fake.updated.filter((u) => u.activityId === cardId).at(-1)!.activity } as Posted),
  );
/** A click, answered; then the follow-up work it started (the channel card's refresh) done too. */
const click = async (
  u: TeamsUser,
  verb: string,
  data: unknown,
  scope: 'personal' | 'channel' = 'personal',
  replyToId?: string,
) => {
  const res = await post(t, invoke(t.fake, verb, data, { from: u, scope, ...(replyToId ? { replyToId } : {}) }));
  await t.app.background.settled();
  return res;
};

const CAFE = {
  'field.title': 'Café catering contract',
  'field.kind': 'procurement',
  'field.organisations': 'Northfield Community Café Ltd',
  'field.closes': 'in 3 days',
  'field.ballot': 'open',
  'field.visibility': 'live',
};

/** A card's elements in reading order (containers opened), to see what sits under an input. */
function flatten(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as Record<string, unknown>[]) {
      out.push(item);
      walk(item.items);
      walk(item.body);
      for (const c of (item.columns as { items?: unknown }[] | undefined) ?? []) walk(c.items);
    }
  };
  walk((card as { body?: unknown }).body);
  return out;
}

describe('a decision in Teams, from the card form to the record', () => {
  it('poll in the channel: the form comes to the chair’s personal chat as a card with inputs', async () => {
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
    expect(visibleText(inChannel())).toContain('I’ve sent you my answer in a private chat.');
    const form = latest(P.margaret);
    expect(inputsOf(cardOf(form))).toEqual([
      'field.title',
      'field.description',
      'field.kind',
      'field.organisations',
      'field.options',
      'field.closes',
      'field.ballot',
      'field.visibility',
    ]);
    const submit = button(form, 'Start the vote');
    expect(submit.verb).toBe('decision.create');
    expect(submit.data).toEqual({ pb: { kind: 'form', formId: 'decision.create', context: CHANNEL_ID } });
  });

  it('a submission with mistakes refreshes the card with each problem under its input and what was typed; nothing is saved', async () => {
    const submit = button(latest(P.margaret), 'Start the vote');
    const res = await click(P.margaret, submit.verb, {
      ...submit.data,
      ...CAFE,
      'field.organisations': '',
      'field.closes': 'next blue moon',
    });
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const again = JSON.stringify(res.body.value);
    expect(again).toContain('The decision was not started');
    expect(again).toContain('"value":"Café catering contract"');
    expect(again).toContain('"value":"next blue moon"');
    // the element right after an input: its problem, in the attention colour
    const body = flatten(res.body.value);
    const under = (id: string) => {
      const next = body[body.findIndex((e) => e.id === id) + 1];
      return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : '';
    };
    expect(under('field.closes')).toContain('I couldn’t read “next blue moon” as a closing time');
    expect(under('field.organisations')).toMatch(/A procurement decision needs the organisations involved/);
    expect(under('field.title')).toBe('');
    expect(await t.app.database.db.decision.count()).toBe(0);
    // the refreshed card is the form, in the chair's personal chat: nothing went to the channel
    expect(visibleText(inChannel())).not.toContain('next blue moon');
  });

  it('the submission starts the vote: the card in the channel, prompts and recusals in personal chats', async () => {
    const submit = button(latest(P.margaret), 'Start the vote');
    // Teams re-delivers the invoke it thinks timed out: one decision, whichever copy wins
    const activity = invoke(t.fake, submit.verb, { ...submit.data, ...CAFE }, { from: P.margaret });
    const answers = await Promise.all([post(t, activity), post(t, activity)]);
    expect(JSON.stringify(answers.map((a) => a.body.value))).toContain('Decision 1 is open until');
    expect(JSON.stringify(answers.map((a) => a.body.value))).toContain(
      'That click had already reached me, so it was done once.',
    );
    expect(await t.app.database.db.decision.count()).toBe(1);
    const row = await t.app.database.db.decision.findFirstOrThrow();
    decisionId = row.id;
    const [card, ...more] = postsIn(t.fake, CHANNEL_ID);
    expect(more).toEqual([]);
    cardId = card!.id;
    expect(JSON.parse(row.cardRef!).message.messageId).toBe(cardId);
    expect(JSON.stringify(cardOf(card))).toContain('Decision 1: Café catering contract');
    expect(actionsOf(cardOf(card)).map((a) => [a.title, a.verb])).toEqual([
      ['Declare', 'decision.declare'],
      ['Vote', 'decision.ballot'],
      ['Change vote', 'decision.ballot.change'],
      ['Close (chair)', 'decision.close'],
    ]);
    for (const u of [P.margaret, P.david, P.priya, P.aisha, P.gareth, P.kwame, P.helen, P.rosa]) {
      expect(visibleText([latest(u)!]), u.name).toContain('Before you vote: do you have an interest to declare?');
    }
    expect(visibleText([latest(P.sarah)!])).toMatch(/You must not take part in Decision 1.*direct financial/);
    expect(visibleText([latest(P.tom)!])).toMatch(/You must not take part in Decision 1.*indirect financial/);
  });

  it('a recused member clicking Declare on the channel card is told why in their personal chat; the card stays', async () => {
    const declare = button(cardPost(), 'Declare');
    const before = postsIn(t.fake, personalChat(P.sarah)).length;
    const res = await click(P.sarah, declare.verb, declare.data, 'channel', cardId);
    expect(res.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'I’ve sent you my answer in a private chat.',
    });
    expect(postsIn(t.fake, personalChat(P.sarah)).length).toBe(before + 1);
    expect(visibleText([latest(P.sarah)!])).toContain('direct financial');
  });

  it('voting before declaring is refused with the reason, privately', async () => {
    const vote = button(cardPost(), 'Vote');
    await click(P.rosa, vote.verb, vote.data, 'channel', cardId);
    expect(visibleText([latest(P.rosa)!])).toContain('Please declare first');
    const res = await click(P.rosa, 'decision.vote', {
      pb: { kind: 'action', actionId: 'decision.vote', value: `${decisionId}:0` },
    });
    expect(JSON.stringify(res.body.value)).toMatch(/declare/i);
    expect(await t.app.database.db.vote.count()).toBe(0);
  });

  it('“No interest” refreshes the prompt into the ballot, and the channel card is updated in place', async () => {
    const none = button(postsIn(t.fake, personalChat(P.rosa))[0], 'No interest');
    const res = await click(P.rosa, none.verb, none.data);
    const ballot = res.body.value;
    expect(JSON.stringify(ballot)).toContain('Thank you: you declared no interest in Decision 1');
    expect(actionsOf(ballot).map((a) => a.title)).toEqual(['For', 'Against', 'Abstain']);
    expect(t.fake.updated.at(-1)).toMatchObject({ conversationId: CHANNEL_ID, activityId: cardId });
    expect(cardNow()).toContain('"title":"Declared","value":"1 of 8"');
  });

  it('a vote refreshes the ballot; the card shows the count and the live tally', async () => {
    const res = await click(P.rosa, 'decision.vote', {
      pb: { kind: 'action', actionId: 'decision.vote', value: `${decisionId}:1` },
    });
    expect(JSON.stringify(res.body)).toContain('Your vote on Decision 1 is recorded: Against.');
    expect(cardNow()).toContain('"title":"Voted","value":"1 of 8 eligible"');
    expect(cardNow()).toContain('• Against: 1');
  });

  it('a re-delivered invoke (the same activity again) counts once', async () => {
    const audits = () => t.app.database.db.auditEvent.count({ where: { action: { startsWith: 'decision.vote' } } });
    const before = await audits();
    const activity = invoke(
      t.fake,
      'decision.vote',
      { pb: { kind: 'action', actionId: 'decision.vote', value: `${decisionId}:0` } },
      { from: P.rosa },
    );
    const answers = await Promise.all([post(t, activity), post(t, activity)]);
    const again = await post(t, activity);
    expect([...answers, again].map((a) => a.status)).toEqual([200, 200, 200]);
    expect(JSON.stringify(answers.map((a) => a.body))).toContain('changed from Against to For');
    expect(await t.app.database.db.vote.findFirstOrThrow()).toMatchObject({ option: 'For', changes: 1 });
    expect(await audits()).toBe(before + 1);
  });

  it('Action.Submit (hosts without Universal Actions) works too, and a re-sent message counts once', async () => {
    const prompt = postsIn(t.fake, personalChat(P.kwame))[0]!;
    const none = button(prompt, 'No interest');
    const declared = message(t.fake, { from: P.kwame, value: none.fallback!.data, replyToId: prompt.id });
    await post(t, declared);
    await post(t, declared);
    // the prompt itself becomes the ballot (updateActivity): its buttons no longer apply
    const updates = t.fake.updated.filter((u) => u.activityId === prompt.id);
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.activity)).toContain('Thank you: you declared no interest');
    expect(JSON.stringify(updates[0]!.activity)).not.toContain('I have an interest');
    expect(
      postsIn(t.fake, personalChat(P.kwame)).filter((p) =>
        visibleText([p]).includes('Thank you: you declared no interest'),
      ),
    ).toHaveLength(0);
    await post(
      t,
      message(t.fake, {
        from: P.kwame,
        value: { pb: { kind: 'action', actionId: 'decision.vote', value: `${decisionId}:0` } },
      }),
    );
    await t.app.background.settled(); // the channel card is refreshed after the answer
    expect(visibleText([latest(P.kwame)!])).toContain('recorded: For');
    expect(cardNow()).toContain('"title":"Voted","value":"2 of 8 eligible"');
  });

  it('“I have an interest” brings the declaration form; a loyalty interest recuses, told privately', async () => {
    const interest = button(postsIn(t.fake, personalChat(P.helen))[0], 'I have an interest');
    const form = (await click(P.helen, interest.verb, interest.data)).body.value;
    expect(inputsOf(form)).toEqual([
      'field.kind',
      'field.organisation',
      'field.detail',
      'field.register',
      'field.link',
    ]);
    const submit = actionsOf(form).find((a) => a.verb === 'decision.declare')!;
    const res = await click(P.helen, submit.verb, {
      ...submit.data,
      'field.kind': 'loyalty',
      'field.organisation': 'Northfield Community Café Ltd',
      'field.detail': 'I volunteer with the café’s friends group',
      'field.register': 'false',
    });
    expect(JSON.stringify(res.body.value)).toContain('You must not take part in Decision 1');
    expect(cardNow()).toContain('"title":"Recused","value":"3 members recused"');
  });

  it('only the chair closes: the confirmation comes privately, the card shows the result', async () => {
    const close = button(cardPost(), 'Close (chair)');
    await click(P.rosa, close.verb, close.data, 'channel', cardId);
    expect(visibleText([latest(P.rosa)!])).toMatch(/Only the chair/);
    await click(P.margaret, close.verb, close.data, 'channel', cardId);
    const confirm = button(latest(P.margaret), 'Yes, close it now');
    const res = await click(P.margaret, confirm.verb, confirm.data);
    expect(JSON.stringify(res.body)).toContain('Decision 1 is closed.');
    // the question's card itself becomes the answer: its "Yes, close it now" is not left to press again
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(actionsOf(res.body.value)).toEqual([]);
    expect(cardNow()).toContain('Most votes: For (2)');
    expect(actionsOf(JSON.parse(cardNow())).map((a) => a.verb)).toEqual(['decision.view']);
  });

  it('the record comes privately, with the minutes offered as a file; the channel only ever saw counts', async () => {
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'decision 1' }));
    expect(inChannel().at(-1)!.activity.text).toBe('I’ve sent you my answer in a private chat.');
    const mine = postsIn(t.fake, personalChat(P.margaret)).slice(-2);
    expect(visibleText(mine)).toContain('Sarah Whitfield');
    expect(mine[1]!.activity.attachments[0].contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    const channel =
      visibleText(inChannel()) + JSON.stringify(t.fake.updated.filter((u) => u.conversationId === CHANNEL_ID));
    for (const secret of ['Sarah', 'Whitfield', 'Helen', 'Rosa', 'financial', 'loyalty', 'friends group', 'spouse'])
      expect(channel).not.toContain(secret);
  });
});
