// Issue 22 through Slack: when a decision closes, by the chair or at its closing time, every
// private "Before you vote" prompt about it (and the ballot one became when its member declared)
// is replaced in the member's DM by a line saying it closed, with no buttons left to press; a
// second run of the job changes nothing. The real server and Bolt's pipeline; the Web API faked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../fakes/slack-api.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import {
  CHANNEL,
  channelVisible,
  click,
  command,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from './support.ts';
import { ROSTER_USERS as U, buttonsIn, modalValues } from './decision-support.ts';

let t: SlackTest;

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

/** Puts a decision to the partnership through the modal; its id and where its card is. */
async function open(title: string): Promise<{ id: string; cardTs: string; closesAt: Date }> {
  const res = await submitView(
    t,
    'decision.create',
    modalValues({ title, kind: 'general', closes: 'in 3 days', ballot: 'open', visibility: 'live' }),
    JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
    { user: U.margaret as never },
  );
  expect(res.status).toBe(200);
  await settle(t.app);
  const row = await t.app.database.db.decision.findFirstOrThrow({ where: { title } });
  return { id: row.id, cardTs: JSON.parse(row.cardRef!).message.messageId, closesAt: row.closesAt };
}

const prompts = (decisionId: string) =>
  t.app.database.db.decisionPrompt.findMany({ where: { decisionId }, orderBy: { channelId: 'asc' } });
const dmUpdates = (): Call[] => t.fake.messageEdits().filter((c) => String(c.args.channel).startsWith('D'));
const updateOf = (channel: string, ts: string) =>
  dmUpdates().filter((c) => c.args.channel === channel && c.args.ts === ts);

async function press(user: { id: string }, actionId: string, value: string, channel: string, ts: string) {
  const c = await click(t, actionId, value, { user: user as never, channel, messageTs: ts });
  expect(c.res.status).toBe(200);
  await settle(t.app);
}

describe('Slack: a closed decision’s prompts keep no live buttons', () => {
  it('the chair closes it: each prompt, reminder, and the ballot one became, says it closed, with no buttons', async () => {
    const d = await open('Café catering contract');
    const sent = await prompts(d.id);
    // the ten voting members were asked, each in their DM
    expect(sent.map((p) => p.channelId)).toEqual(
      [U.aisha, U.david, U.gareth, U.helen, U.kwame, U.margaret, U.priya, U.rosa, U.sarah, U.tom]
        .map((u) => `D${u.id}`)
        .sort(),
    );
    const rosa = sent.find((p) => p.channelId === `D${U.rosa.id}`)!;
    // Rosa declares: her prompt becomes her ballot, with live vote buttons
    await press(U.rosa, 'decision.declare.none', d.id, rosa.channelId, rosa.messageId);
    expect(buttonsIn(updateOf(rosa.channelId, rosa.messageId).at(-1)).map((b) => b.text)).toEqual([
      'For',
      'Against',
      'Abstain',
    ]);
    // the chair reminds those who have not voted: each reminder carries buttons too
    await press(U.margaret, 'decision.remind', d.id, `D${U.margaret.id}`, '1.0');
    const all = await prompts(d.id);
    expect(all.length).toBe(sent.length + 10); // none has voted yet, Rosa included

    t.fake.clear();
    await press(U.margaret, 'decision.close', d.id, CHANNEL, d.cardTs);
    await press(U.margaret, 'decision.close.confirm', d.id, `D${U.margaret.id}`, '1.1');
    expect(await t.app.database.db.decision.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: 'closed',
    });
    for (const p of all) {
      const [replaced, ...again] = updateOf(p.channelId, p.messageId);
      expect(again, p.channelId).toEqual([]);
      const text = shown(replaced);
      expect(replaced!.args.text).toBe('Decision 1 has closed: no decision, as the quorum was not met.');
      expect(text).toContain('“Café catering contract” closed by the chair on ');
      expect(text).toContain('(For 0, Against 0, Abstain 0)');
      expect(buttonsIn(replaced)).toEqual([]);
    }
    // done once: nothing is left to replace, and nothing of it went to the channel
    expect(await prompts(d.id)).toEqual([]);
    expect(channelVisible(t.fake.calls).join('\n')).not.toContain('has closed:');
  });

  it('it closes at its closing time: the scheduled job (given its time) replaces them once', async () => {
    const d = await open('Youth trust summer grant');
    const sent = await prompts(d.id);
    expect(sent).toHaveLength(10);
    const rosa = sent.find((p) => p.channelId === `D${U.rosa.id}`)!;
    await press(U.rosa, 'decision.declare.none', d.id, rosa.channelId, rosa.messageId);
    await press(U.rosa, 'decision.vote', `${d.id}:0`, rosa.channelId, rosa.messageId);

    const job = t.app.scheduler.jobs.find((j) => j.name === 'decisions')!;
    t.fake.clear();
    await t.app.scheduler.tick(job, new Date(d.closesAt.getTime() - 60_000));
    await settle(t.app);
    expect(dmUpdates()).toEqual([]); // not yet

    await t.app.scheduler.tick(job, new Date(d.closesAt.getTime() + 60_000));
    await settle(t.app);
    for (const p of sent) {
      const replaced = updateOf(p.channelId, p.messageId);
      expect(replaced, p.channelId).toHaveLength(1);
      expect(replaced[0]!.args.text).toBe('Decision 2 has closed: no decision, as the quorum was not met.');
      expect(shown(replaced[0])).toContain('closed at its closing time');
      expect(shown(replaced[0])).toContain('(For 1, Against 0, Abstain 0)');
      expect(buttonsIn(replaced[0])).toEqual([]);
    }

    // a second run, later: already closed, nothing left to replace
    t.fake.clear();
    await t.app.scheduler.tick(job, new Date(d.closesAt.getTime() + 120_000));
    await settle(t.app);
    expect(dmUpdates()).toEqual([]);
    expect(await prompts(d.id)).toEqual([]);
  });
});
