// Issue 22 through Teams: when a decision closes, by the chair or at its closing time, every
// "Before you vote" card in a member's personal chat (and the ballot one became when its member
// declared) is updated in place to a line saying it closed, with no actions left; a second run of
// the job changes nothing. The real CloudAdapter; the Bot Connector faked on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Updated } from '../fakes/bot-connector.ts';
import { CHANNEL_ID, cardOf, installEvent, invoke, message, post, startTeams, type TeamsTest } from './support.ts';
import { PEOPLE as P, actionsOf, addMembers, button, personalChat, postsIn } from './decision-support.ts';

let t: TeamsTest;

beforeAll(async () => {
  t = await startTeams();
  addMembers(t.fake);
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
});
afterAll(async () => t?.close());

const VOTERS = [P.margaret, P.david, P.priya, P.tom, P.sarah, P.aisha, P.gareth, P.kwame, P.helen, P.rosa];

const click = async (u: (typeof P)[keyof typeof P], verb: string, data: unknown, replyToId?: string) => {
  const res = await post(
    t,
    invoke(t.fake, verb, data, { from: u, scope: 'personal', ...(replyToId ? { replyToId } : {}) }),
  );
  await t.app.background.settled();
  return res;
};

/** Puts a decision to the partnership through the card form; its id and when it closes. */
async function open(title: string): Promise<{ id: string; closesAt: Date }> {
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
  const submit = button(postsIn(t.fake, personalChat(P.margaret)).at(-1), 'Start the vote');
  await click(P.margaret, submit.verb, {
    ...submit.data,
    'field.title': title,
    'field.kind': 'general',
    'field.closes': 'in 3 days',
    'field.ballot': 'open',
    'field.visibility': 'live',
  });
  const row = await t.app.database.db.decision.findFirstOrThrow({ where: { title } });
  return { id: row.id, closesAt: row.closesAt };
}

/** Each voter's "Before you vote" card for the decision. */
const promptsOf = (n: number) =>
  VOTERS.map((u) => {
    const prompt = postsIn(t.fake, personalChat(u)).find(
      (p) => JSON.stringify(cardOf(p) ?? {}).includes(`Decision ${n} (`) && actionsOf(cardOf(p)).length === 2,
    );
    expect(prompt, u.name).toBeDefined();
    return { user: u, prompt: prompt! };
  });

const updatesOf = (u: (typeof P)[keyof typeof P], activityId: string): Updated[] =>
  t.fake.updated.filter((x) => x.conversationId === personalChat(u) && x.activityId === activityId);

describe('Teams: a closed decision’s prompts keep no live actions', () => {
  it('the chair closes it: each prompt card, reminder, and the ballot one became, says it closed, with no actions', async () => {
    const d = await open('Café catering contract');
    const asked = promptsOf(1);
    const rosa = asked.find((a) => a.user === P.rosa)!;
    const none = button(rosa.prompt, 'No interest');
    const ballot = await click(P.rosa, none.verb, none.data, rosa.prompt.id);
    expect(actionsOf(ballot.body.value).map((a) => a.title)).toEqual(['For', 'Against', 'Abstain']);
    // the chair reminds those who have not voted (Rosa included): each reminder card carries actions too
    const before = t.fake.posted.length;
    await click(P.margaret, 'decision.remind', { pb: { kind: 'action', actionId: 'decision.remind', value: d.id } });
    const reminders = t.fake.posted
      .slice(before)
      .filter((p) => JSON.stringify(p.activity).includes('Reminder: Decision 1'));
    expect(reminders).toHaveLength(10);

    t.fake.updated.length = 0;
    const question = await click(P.margaret, 'decision.close', {
      pb: { kind: 'action', actionId: 'decision.close', value: d.id },
    });
    const confirm = actionsOf(question.body.value).find((a) => a.title === 'Yes, close it now')!;
    await click(P.margaret, confirm.verb, confirm.data);
    expect(await t.app.database.db.decision.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: 'closed',
    });
    for (const { user, prompt } of asked) {
      const [replaced, ...again] = updatesOf(user, prompt.id);
      expect(again, user.name).toEqual([]);
      const card = JSON.stringify(cardOf({ activity: replaced!.activity } as never));
      expect(card).toContain('Decision 1 has closed: no decision, as the quorum was not met.');
      expect(card).toContain('“Café catering contract” closed by the chair on ');
      expect(actionsOf(cardOf({ activity: replaced!.activity } as never))).toEqual([]);
    }
    for (const r of reminders) {
      const replaced = t.fake.updated.filter((x) => x.conversationId === r.conversationId && x.activityId === r.id);
      expect(replaced).toHaveLength(1);
      expect(JSON.stringify(replaced[0]!.activity)).toContain('Decision 1 has closed');
      expect(actionsOf(cardOf({ activity: replaced[0]!.activity } as never))).toEqual([]);
    }
    expect(await t.app.database.db.decisionPrompt.count({ where: { decisionId: d.id } })).toBe(0);
    // the channel's card shows the result; the members' lines stay in their own chats
    const channel = JSON.stringify(t.fake.updated.filter((u) => u.conversationId === CHANNEL_ID));
    expect(channel).not.toContain('nothing more to answer here');
  });

  it('it closes at its closing time: the scheduled job (given its time) replaces them once', async () => {
    const d = await open('Youth trust summer grant');
    const asked = promptsOf(2);
    const job = t.app.scheduler.jobs.find((j) => j.name === 'decisions')!;
    t.fake.updated.length = 0;
    await t.app.scheduler.tick(job, new Date(d.closesAt.getTime() + 60_000));
    await t.app.background.settled();
    for (const { user, prompt } of asked) {
      const replaced = updatesOf(user, prompt.id);
      expect(replaced, user.name).toHaveLength(1);
      const card = JSON.stringify(cardOf({ activity: replaced[0]!.activity } as never));
      expect(card).toContain('Decision 2 has closed');
      expect(card).toContain('closed at its closing time');
      expect(actionsOf(cardOf({ activity: replaced[0]!.activity } as never))).toEqual([]);
    }
    t.fake.updated.length = 0;
    await t.app.scheduler.tick(job, new Date(d.closesAt.getTime() + 120_000));
    await t.app.background.settled();
    expect(t.fake.updated).toEqual([]);
  });
});
