// Issue 19 through Slack's real pipeline (Bolt, the Slack renderer, the fake Web API on loopback):
// a reason added with a vote from the modal, the chair's reminder reaching only those who haven't
// answered (by DM), the plain-text minutes uploaded privately, and `/partnership decisions` with
// a search and a button that opens the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../fakes/slack-api.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import {
  CHANNEL,
  channelVisible,
  click,
  command,
  lastResponse,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from './support.ts';
import { ROSTER_USERS as U, modalValues } from './decision-support.ts';

let t: SlackTest;
let decisionId = '';

beforeAll(async () => {
  const fake = await startFakeSlackApi(Object.values(U));
  t = await startSlack({}, fake);
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
  await submitView(
    t,
    'decision.create',
    modalValues({
      title: 'Garden tools for the allotment',
      kind: 'general',
      closes: 'in 3 days',
      ballot: 'open',
      visibility: 'live',
    }),
    JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
    { user: U.margaret as never },
  );
  await settle(t.app);
  decisionId = (await t.app.database.db.decision.findFirstOrThrow()).id;
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

const dm = (user: { id: string }) => `D${user.id}`;
const postsTo = (channel: string): Call[] =>
  t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

async function press(user: { id: string }, actionId: string, value: string, channel: string, ts = '9.1') {
  const c = await click(t, actionId, value, { user: user as never, channel, messageTs: ts });
  expect(c.res.status).toBe(200);
  await settle(t.app);
  return { ...c, answer: lastResponse(t, c.responsePath) };
}

describe('minutes, reasons and reminders in Slack', () => {
  it('a voter adds a reason from the modal the vote’s “Add a reason” button opens', async () => {
    await press(U.rosa, 'decision.declare.none', decisionId, dm(U.rosa));
    const voted = await press(U.rosa, 'decision.vote', `${decisionId}:0`, dm(U.rosa));
    expect(JSON.stringify(voted.answer?.args ?? postsTo(dm(U.rosa)).at(-1)?.args)).toContain('decision.reason');
    t.fake.clear();
    const { triggerId } = await press(U.rosa, 'decision.reason', decisionId, dm(U.rosa));
    const [open] = t.fake.callsTo('views.open');
    expect(open!.args.trigger_id).toBe(triggerId);
    const view = open!.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('decision.reason');
    await submitView(t, 'decision.reason', modalValues({ reason: 'The shed is empty.' }), view.private_metadata, {
      user: U.rosa as never,
    });
    await settle(t.app);
    const vote = await t.app.database.db.vote.findFirstOrThrow({ where: { decisionId } });
    expect(vote.reason).toBe('The shed is empty.');
  });

  it('the chair’s reminder goes by DM only to those who have not answered, never to the channel', async () => {
    t.fake.clear();
    const sent = await press(U.margaret, 'decision.remind', decisionId, dm(U.margaret));
    expect(shown(sent.answer ?? postsTo(dm(U.margaret)).at(-1))).toMatch(/I reminded \d+ members privately/);
    expect(postsTo(dm(U.kwame)).map(shown).join('\n')).toMatch(/Reminder: Decision 1/);
    expect(postsTo(dm(U.rosa))).toEqual([]);
    expect(postsTo(CHANNEL)).toEqual([]);
    t.fake.clear();
    const again = await press(U.margaret, 'decision.remind', decisionId, dm(U.margaret));
    expect(shown(again.answer ?? postsTo(dm(U.margaret)).at(-1))).toMatch(/less than 12 hours ago/);
    expect(postsTo(dm(U.kwame))).toEqual([]);
  });

  it('the plain-text minutes are uploaded to the chair privately, with the outcome first and the reason', async () => {
    t.fake.clear();
    await press(U.margaret, 'decision.minutes.text', decisionId, dm(U.margaret));
    const [complete] = t.fake.callsTo('files.completeUploadExternal');
    expect(complete!.args.channel_id).toBe(dm(U.margaret));
    const content = String(t.fake.callsTo('upload')[0]!.args.content);
    expect(content).toMatch(/^Decision 1: Garden tools for the allotment\n=+\n\nOpen: voting closes/);
    expect(content).toContain('Reason: “The shed is empty.”');
    expect(channelVisible(t.fake.calls)).toEqual([]);
  });

  it('/partnership decisions garden finds it, and its button opens the record', async () => {
    const { responsePath } = await command(t, 'decisions garden', { user: U.kwame });
    await settle(t.app);
    const list = lastResponse(t, responsePath)!;
    expect(shown(list)).toContain('Decision 1: Garden tools for the allotment');
    expect(JSON.stringify(list.args.blocks)).toContain('decision.view');
    const record = await press(U.kwame, 'decision.view', decisionId, dm(U.kwame));
    expect(shown(record.answer ?? postsTo(dm(U.kwame)).at(-1))).toContain('Open: voting closes');
  });
});
