// Issue 5 end to end through Slack: the real server, Bolt's pipeline and the Slack renderer, with
// the Web API faked on loopback. The chair opens the modal with /partnership poll, submits it, the
// card goes to the channel and every voting member gets a private prompt; recusals are told only
// to the person; votes, changes, double clicks and Slack's retries count once; the chair closes;
// the record is private; App Home lists the open decisions with where the person stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../fakes/slack-api.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import {
  CHANNEL,
  channelVisible,
  click,
  clickBody,
  command,
  directMessage,
  lastResponse,
  sendEvent,
  sendForm,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from './support.ts';
import { ROSTER_USERS as U, buttonsIn, modalValues } from './decision-support.ts';
import { formView } from '../../adapters/slack/render/modal.ts';
import { createForm } from '../../src/bot/views/decision-create-form.ts';

let t: SlackTest;
let decisionId = '';
let cardTs = '';
/** Rosa's prompt, turned into her ballot when she declared */
let rosaBallot: Call | undefined;

beforeAll(async () => {
  const fake = await startFakeSlackApi(Object.values(U));
  t = await startSlack({}, fake);
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

const dm = (user: { id: string }) => `D${user.id}`;
const postsTo = (channel: string): Call[] =>
  t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const cardUpdates = (): Call[] =>
  t.fake.callsTo('chat.update').filter((c) => c.args.channel === CHANNEL && c.args.ts === cardTs);
const latestCard = (): string => shown(cardUpdates().at(-1));

/** A click on a button of a message the bot posted (in a DM, or the channel card), as Slack sends it. */
async function press(
  user: { id: string },
  actionId: string,
  value: string,
  where: { channel: string; ts: string; ephemeral?: boolean },
) {
  const c = await click(t, actionId, value, {
    user: user as never,
    channel: where.channel,
    messageTs: where.ts,
    ephemeral: where.ephemeral,
  });
  expect(c.res.status).toBe(200);
  await settle(t.app);
  return { ...c, answer: lastResponse(t, c.responsePath) };
}

describe('a decision in Slack, from the modal to the record', () => {
  it('/partnership poll opens the creation modal with the command’s trigger id', async () => {
    t.fake.clear();
    const { res, triggerId } = await command(t, 'poll Café catering contract', { user: U.margaret });
    expect(res.status).toBe(200);
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    expect(open!.args.trigger_id).toBe(triggerId);
    const view = open!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { initial_value?: string } }[];
    };
    expect(view.callback_id).toBe('decision.create');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ ch: CHANNEL, k: 'channel' });
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      undefined,
      'title',
      'description',
      'kind',
      'organisations',
      'options',
      'closes',
      'ballot',
      'visibility',
    ]);
    expect(view.blocks[1]!.element.initial_value).toBe('Café catering contract');
    // nothing else: no message in the channel, no ephemeral form button
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(t.fake.calls.filter((c) => c.method === 'response_url')).toEqual([]);
  });

  it('a submission with mistakes keeps the modal open with each problem under its field; nothing is saved', async () => {
    t.fake.clear();
    const metadata = JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' });
    // Slack sends the submitted modal with its blocks: the form as the bot drew it
    const blocks = formView(createForm({}, CHANNEL), { channelId: CHANNEL, kind: 'channel' }).blocks;
    const res = await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Café catering contract',
        description: '',
        kind: 'procurement',
        organisations: '',
        options: '',
        closes: 'next blue moon',
        ballot: 'open',
        visibility: 'live',
      }),
      metadata,
      { user: U.margaret as never, blocks },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    await settle(t.app);
    // field-level errors, keyed by the inputs' block ids: the modal stays as the chair left it
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['closes', 'organisations']);
    expect(body.errors.organisations).toMatch(/^A procurement decision needs the organisations involved/);
    expect(body.errors.closes).toContain('I couldn’t read “next blue moon” as a closing time');
    expect(await t.app.database.db.decision.count()).toBe(0);
    // nothing anywhere else: not in the channel, not as an ephemeral message, no new modal
    expect(t.fake.callsTo('views.open')).toEqual([]);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(t.fake.callsTo('chat.postEphemeral')).toEqual([]);
    expect(t.fake.calls.filter((c) => c.method === 'response_url')).toEqual([]);
  });

  it('a modal submitted without some of its inputs is redrawn instead, each problem under its field, what was typed kept', async () => {
    t.fake.clear();
    // a modal without Slack's blocks and with only some inputs (an older client): it is redrawn
    const res = await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Café catering contract',
        kind: 'procurement',
        closes: 'someday soon',
        ballot: 'open',
        visibility: 'live',
      }),
      JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
      { user: U.margaret as never },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      response_action: string;
      view: {
        callback_id: string;
        private_metadata: string;
        title: { text: string };
        blocks: {
          type: string;
          block_id?: string;
          text?: { text: string };
          elements?: { text: string }[];
          element?: { initial_value?: string };
        }[];
      };
    };
    await settle(t.app);
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe('decision.create');
    expect(JSON.parse(body.view.private_metadata)).toEqual({ c: CHANNEL, ch: CHANNEL, k: 'channel' });
    expect(body.view.title.text.length).toBeLessThanOrEqual(24);
    expect(body.view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Put a decision to the partnership' } });
    expect(JSON.stringify(body.view.blocks)).toContain('The decision was not started');
    /** the context line right under an input: that field's problem */
    const under = (id: string) => {
      const i = body.view.blocks.findIndex((b) => b.block_id === id);
      const next = body.view.blocks[i + 1];
      return next?.type === 'context' ? (next.elements?.[0]?.text ?? '') : '';
    };
    expect(under('organisations')).toMatch(/A procurement decision needs the organisations involved/);
    expect(under('closes')).toContain('I couldn’t read “someday soon” as a closing time');
    expect(under('title')).toBe('');
    expect(body.view.blocks.find((b) => b.block_id === 'title')!.element!.initial_value).toBe('Café catering contract');
    expect(body.view.blocks.find((b) => b.block_id === 'closes')!.element!.initial_value).toBe('someday soon');
    expect(await t.app.database.db.decision.count()).toBe(0);
    expect(t.fake.callsTo('views.open')).toEqual([]);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('submitting the modal creates the decision: the card in the channel, prompts and recusals by DM', async () => {
    t.fake.clear();
    const res = await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Café catering contract',
        kind: 'procurement',
        organisations: 'Northfield Community Café Ltd',
        closes: 'in 3 days',
        ballot: 'open',
        visibility: 'live',
      }),
      JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
      { user: U.margaret as never },
    );
    expect(res.status).toBe(200);
    await settle(t.app);
    const row = await t.app.database.db.decision.findFirstOrThrow();
    decisionId = row.id;
    cardTs = JSON.parse(row.cardRef!).message.messageId;
    const [card] = postsTo(CHANNEL);
    expect(card!.args.ts ?? cardTs).toBeTruthy();
    expect(shown(card)).toContain('Decision 1: Café catering contract');
    expect(shown(card)).toContain('2 members recused');
    expect(buttonsIn(card).map((b) => [b.action_id, b.text])).toEqual([
      ['decision.declare', 'Declare'],
      ['decision.ballot', 'Vote'],
      ['decision.ballot.change', 'Change vote'],
      ['decision.close', 'Close (chair)'],
    ]);
    // every voting member without a conflict is asked privately, in a DM opened with conversations.open
    for (const u of [U.margaret, U.david, U.priya, U.aisha, U.gareth, U.kwame, U.helen, U.rosa]) {
      expect(shown(postsTo(dm(u))[0]), u.name).toContain('Before you vote: do you have an interest to declare?');
      expect(buttonsIn(postsTo(dm(u))[0]).map((b) => b.action_id)).toEqual([
        'decision.declare.none',
        'decision.declare.interest',
      ]);
    }
    expect(t.fake.callsTo('conversations.open').map((c) => c.args.users)).toContain(U.rosa.id);
    // the two with a conflict are told why, privately, and asked nothing
    expect(shown(postsTo(dm(U.sarah))[0])).toMatch(/You must not take part in Decision 1.*direct financial/);
    expect(shown(postsTo(dm(U.tom))[0])).toMatch(/You must not take part in Decision 1.*indirect financial/);
    // the chair's confirmation is ephemeral in the channel
    const [confirm] = t.fake.callsTo('chat.postEphemeral');
    expect(confirm!.args).toMatchObject({ channel: CHANNEL, user: U.margaret.id });
    expect(shown(confirm)).toContain('Decision 1 is open until');
    expect(shown(confirm)).toContain('I asked 8 voting members privately');
  });

  it('a recused member pressing Declare or Vote on the card is told why, privately', async () => {
    for (const [who, why] of [
      [U.sarah, 'direct financial'],
      [U.tom, 'indirect financial'],
    ] as const) {
      for (const actionId of ['decision.declare', 'decision.ballot']) {
        const { answer } = await press(who, actionId, decisionId, { channel: CHANNEL, ts: cardTs });
        expect(answer!.args.response_type).toBe('ephemeral');
        expect(shown(answer)).toContain('You must not take part in Decision 1');
        expect(shown(answer)).toContain(why);
      }
    }
  });

  it('voting before declaring is refused with the reason and the declaration buttons', async () => {
    const fromCard = (await press(U.rosa, 'decision.ballot', decisionId, { channel: CHANNEL, ts: cardTs })).answer;
    expect(fromCard!.args.response_type).toBe('ephemeral');
    expect(shown(fromCard)).toContain('Please declare first');
    const direct = await press(U.rosa, 'decision.vote', `${decisionId}:0`, { channel: dm(U.rosa), ts: '1.1' });
    expect(shown(postsTo(dm(U.rosa)).at(-1))).toMatch(/declare/i);
    expect(buttonsIn(postsTo(dm(U.rosa)).at(-1)).map((b) => b.action_id)).toEqual([
      'decision.declare.none',
      'decision.declare.interest',
    ]);
    expect(direct.res.status).toBe(200);
    expect(await t.app.database.db.vote.count()).toBe(0);
  });

  it('“No interest” in the DM prompt brings the ballot; the card’s declared count updates in place', async () => {
    const prompt = postsTo(dm(U.rosa))[0]!;
    t.fake.clear();
    await press(U.rosa, 'decision.declare.none', decisionId, { channel: dm(U.rosa), ts: '1.2' });
    // the prompt itself becomes the ballot: its "No interest" / "I have an interest" no longer apply
    expect(postsTo(dm(U.rosa))).toEqual([]);
    const ballot = t.fake.messageEdits().find((c) => c.args.channel === dm(U.rosa) && c.args.ts === '1.2');
    rosaBallot = ballot;
    expect(shown(ballot)).toContain('Thank you: you declared no interest in Decision 1');
    expect(shown(ballot)).not.toContain('I have an interest');
    // three buttons with the same action id: Slack needs them unique, the renderer suffixes them
    expect(buttonsIn(ballot).map((b) => [b.action_id, b.text])).toEqual([
      ['decision.vote', 'For'],
      ['decision.vote~2', 'Against'],
      ['decision.vote~3', 'Abstain'],
    ]);
    expect(latestCard()).toMatch(/Declared\*\\n1 of 8/);
    expect(prompt).toBeDefined();
  });

  it('the suffixed button (decision.vote~2) records Against; the card shows the count and, results being live, the tally', async () => {
    const ballot = buttonsIn(rosaBallot);
    const against = ballot.find((b) => b.text === 'Against')!;
    t.fake.clear();
    await press(U.rosa, against.action_id, against.value, { channel: dm(U.rosa), ts: '1.3' });
    expect(shown(postsTo(dm(U.rosa)).at(-1))).toContain('Your vote on Decision 1 is recorded: Against.');
    expect(latestCard()).toMatch(/Voted\*\\n1 of 8 eligible/);
    expect(latestCard()).toContain('• Against: 1');
    const vote = await t.app.database.db.vote.findFirstOrThrow();
    expect(vote).toMatchObject({ option: 'Against', changes: 0 });
  });

  it('a double click and Slack’s retries of the same block_actions count once', async () => {
    const forOption = `${decisionId}:0`;
    const audits = () => t.app.database.db.auditEvent.count({ where: { action: { startsWith: 'decision.vote' } } });
    const before = await audits();
    t.fake.clear();
    const c = clickBody(t, 'decision.vote', forOption, {
      user: U.rosa as never,
      channel: dm(U.rosa),
      messageTs: '1.4',
    });
    const sent = await Promise.all([
      sendForm(t, c.body),
      sendForm(t, c.body),
      sendForm(t, c.body, { retryNum: 1 }),
      sendForm(t, c.body, { retryNum: 2 }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await settle(t.app);
    expect(postsTo(dm(U.rosa))).toHaveLength(1); // one answer
    expect(shown(postsTo(dm(U.rosa))[0])).toContain('changed from Against to For');
    expect(await t.app.database.db.vote.findFirstOrThrow()).toMatchObject({ option: 'For', changes: 1 });
    expect(await audits()).toBe(before + 1);
    // a second, genuine click on the same option is a new delivery: it changes nothing
    await press(U.rosa, 'decision.vote', forOption, { channel: dm(U.rosa), ts: '1.5' });
    expect(shown(postsTo(dm(U.rosa)).at(-1))).toContain('already For; nothing changed');
    expect(await audits()).toBe(before + 1);
  });

  it('“Change vote” on the card shows the ballot privately with the current vote', async () => {
    const { answer } = await press(U.rosa, 'decision.ballot.change', decisionId, { channel: CHANNEL, ts: cardTs });
    expect(answer!.args.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Your vote is For. Choose again to change it');
    const buttons = (answer!.args.blocks as { type: string; elements?: { action_id: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.action_id)).toEqual(['decision.vote', 'decision.vote~2', 'decision.vote~3']);
  });

  it('“I have an interest” opens the declaration modal; a loyalty interest recuses the member, told privately', async () => {
    t.fake.clear();
    const { triggerId } = await press(U.helen, 'decision.declare.interest', decisionId, {
      channel: dm(U.helen),
      ts: '1.6',
    });
    const [open] = t.fake.callsTo('views.open');
    expect(open!.args.trigger_id).toBe(triggerId);
    const view = open!.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('decision.declare');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(
      expect.arrayContaining(['kind', 'organisation', 'detail', 'register', 'link']),
    );
    t.fake.clear();
    await submitView(
      t,
      'decision.declare',
      {
        ...modalValues({
          kind: 'loyalty',
          organisation: 'Northfield Community Café Ltd',
          detail: 'I volunteer on the café’s board of friends',
        }),
        kind: { kind: { type: 'static_select', selected_option: { value: 'loyalty' } } },
        register: { register: { type: 'checkboxes', selected_options: [] } },
      },
      view.private_metadata,
      { user: U.helen as never },
    );
    await settle(t.app);
    const told = postsTo(dm(U.helen)).at(-1);
    expect(shown(told)).toContain('your declaration is on the record');
    expect(shown(told)).toContain('You must not take part in Decision 1');
    expect(latestCard()).toContain('3 members recused');
  });

  it('the channel only ever sees counts: no names, reasons or details of anyone’s interest', async () => {
    const seen =
      channelVisible(t.fake.calls).join('\n') +
      t.fake.calls
        .filter((c) => c.method === 'chat.update')
        .map((c) => JSON.stringify(c.args))
        .join('\n');
    for (const secret of [
      'Sarah',
      'Whitfield',
      'Helen',
      'Rosa',
      'financial',
      'loyalty',
      'board of friends',
      'spouse',
      'manager',
    ])
      expect(seen).not.toContain(secret);
  });

  it('“I need to declare an interest” in a DM, and /partnership declare, reach the same declaration prompt', async () => {
    t.fake.clear();
    await sendEvent(t, directMessage(U.david as never, 'I need to declare an interest'));
    await settle(t.app);
    const prompt = postsTo(dm(U.david)).at(-1);
    expect(shown(prompt)).toContain('Before you vote: do you have an interest to declare?');
    expect(buttonsIn(prompt).map((b) => [b.action_id, b.value])).toEqual([
      ['decision.declare.none', decisionId],
      ['decision.declare.interest', decisionId],
    ]);
    const { responsePath } = await command(t, 'declare', { user: U.david });
    await settle(t.app);
    expect(shown(lastResponse(t, responsePath))).toContain('Before you vote: do you have an interest to declare?');
  });

  it('members declaring and voting at the same moment: every vote counts once and the card ends on the newest counts', async () => {
    const members = [U.david, U.priya, U.aisha, U.gareth, U.kwame];
    await Promise.all(members.map((u) => press(u, 'decision.declare.none', decisionId, { channel: dm(u), ts: '2.1' })));
    await Promise.all(
      members.map((u, i) =>
        press(u, i % 2 ? 'decision.vote~2' : 'decision.vote', `${decisionId}:${i % 2}`, { channel: dm(u), ts: '2.2' }),
      ),
    );
    expect(await t.app.database.db.vote.count({ where: { decisionId } })).toBe(6);
    // Rosa For, David For, Priya Against, Aisha For, Gareth Against, Kwame For
    expect(latestCard()).toMatch(/Voted\*\\n6 of 7 eligible/);
    expect(latestCard()).toContain('• For: 4');
    expect(latestCard()).toContain('• Against: 2');
  });

  it('App Home lists the open decision with where the person stands, and what to do next', async () => {
    const home = async (u: { id: string }) => {
      t.fake.clear();
      await sendEvent(t, { type: 'app_home_opened', user: u.id, channel: dm(u), tab: 'home', event_ts: '3.1' });
      await settle(t.app);
      return JSON.stringify(t.fake.callsTo('views.publish')[0]!.args.view);
    };
    expect(await home(U.rosa)).toContain('Decision 1: Café catering contract (closes');
    expect(await home(U.rosa)).toContain('You voted For.');
    expect(await home(U.sarah)).toContain('You are recused.');
    const margaret = await home(U.margaret);
    expect(margaret).toContain('You have not declared yet.');
    expect(margaret).toContain('"action_id":"decision.declare"');
    // the Home tab's Declare button works on the tab itself
    t.fake.clear();
    await click(t, 'decision.declare', decisionId, { user: U.margaret as never, home: true });
    await settle(t.app);
    expect(JSON.stringify(t.fake.callsTo('views.publish')[0]!.args.view)).toContain(
      'Before you vote: do you have an interest to declare?',
    );
    t.fake.clear();
    await click(t, 'decision.declare.none', decisionId, { user: U.margaret as never, home: true });
    await settle(t.app);
    const after = JSON.stringify(t.fake.callsTo('views.publish')[0]!.args.view);
    expect(after).toContain('Thank you: you declared no interest in Decision 1');
    expect(after).toContain('You have declared; you have not voted yet.');
    expect(after).toContain('"action_id":"decision.ballot"');
  });

  it('only the chair closes: others are refused; the chair confirms, the card shows the result', async () => {
    const refused = (await press(U.rosa, 'decision.close', decisionId, { channel: CHANNEL, ts: cardTs })).answer;
    expect(shown(refused)).toMatch(/Only the chair/);
    const confirm = (await press(U.margaret, 'decision.close', decisionId, { channel: CHANNEL, ts: cardTs })).answer;
    expect(confirm!.args.response_type).toBe('ephemeral');
    expect(shown(confirm)).toContain('Close Decision 1');
    const yes = (confirm!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap(
      (b) => b.elements ?? [],
    )[0]!;
    expect(yes.action_id).toBe('decision.close.confirm');
    t.fake.clear();
    const done = (await press(U.margaret, yes.action_id, yes.value, { channel: CHANNEL, ts: '4.1', ephemeral: true }))
      .answer;
    expect(shown(done)).toContain('Decision 1 is closed.');
    // in place of the question: its "Yes, close it now" is not left to press again
    expect(done!.args.replace_original).toBe(true);
    expect(buttonsIn(done)).toEqual([]);
    expect(latestCard()).toContain('Closed');
    expect(latestCard()).toContain('Most votes: For (4)');
    expect(buttonsIn(cardUpdates().at(-1)).map((b) => b.action_id)).toEqual(['decision.view']);
    expect(shown(postsTo(dm(U.margaret)).at(-1))).toContain('has closed by the chair');
    // a vote after the close is refused
    const late = await press(U.helen, 'decision.vote', `${decisionId}:0`, { channel: dm(U.helen), ts: '4.2' });
    expect(late.res.status).toBe(200);
    expect(shown(postsTo(dm(U.helen)).at(-1))).toMatch(/closed/i);
  });

  it('/partnership decision 1 shows the record privately: the chair sees the conflicts log and gets the minutes file in her DM', async () => {
    t.fake.clear();
    const { responsePath } = await command(t, 'decision 1', { user: U.margaret });
    await settle(t.app);
    const record = lastResponse(t, responsePath)!;
    expect(record.args.response_type).toBe('ephemeral');
    expect(shown(record)).toContain('Sarah Whitfield');
    expect(shown(record)).toContain('Helen Brooks: declared a loyalty interest');
    expect(shown(record)).toContain('Quorum');
    const [complete] = t.fake.callsTo('files.completeUploadExternal');
    expect(complete!.args.channel_id).toBe(dm(U.margaret));
    expect(t.fake.callsTo('upload')[0]!.args.content).toContain('Decision 1');
    // a member sees counts and their own part, not the log
    const member = await command(t, 'decision 1', { user: U.rosa });
    await settle(t.app);
    const own = shown(lastResponse(t, member.responsePath));
    expect(own).toContain('You declared no interest. You voted For.');
    expect(own).not.toContain('Sarah');
    expect(channelVisible(t.fake.calls)).toEqual([]);
  });

  it('results hidden until close: the card counts votes but shows no tally, in the channel or to the chair', async () => {
    await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Summer fun day budget',
        kind: 'general',
        closes: 'in 5 days',
        ballot: 'secret',
        visibility: 'after-close',
      }),
      JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
      { user: U.margaret as never },
    );
    await settle(t.app);
    const second = await t.app.database.db.decision.findFirstOrThrow({ where: { number: 2 } });
    const ts = JSON.parse(second.cardRef!).message.messageId as string;
    await press(U.rosa, 'decision.declare.none', second.id, { channel: dm(U.rosa), ts: '5.1' });
    await press(U.rosa, 'decision.vote', `${second.id}:0`, { channel: dm(U.rosa), ts: '5.2' });
    const card = shown(
      t.fake
        .callsTo('chat.update')
        .filter((c) => c.args.ts === ts)
        .at(-1),
    );
    expect(card).toMatch(/Voted\*\\n1 of \d+ eligible/);
    expect(card).toContain('Results are hidden until voting closes.');
    expect(card).not.toMatch(/For: \d/);
    const record = await command(t, 'decision 2', { user: U.margaret });
    await settle(t.app);
    expect(shown(lastResponse(t, record.responsePath))).toContain('Results are hidden until the decision closes.');
  });
});
