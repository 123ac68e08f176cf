// The durable inbox on Slack (docs/inbox.md): what Slack saw acknowledged is on disk; an item
// whose process died is done by the next; a failure before anything was stored is tried again;
// after the last attempt the person is told. Driven through Bolt's real pipeline over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxKey } from '../../adapters/slack/translate.ts';
import { FakeClock } from '../support/fake-clock.ts';
import {
  CHANNEL,
  TEAM,
  USERS,
  click,
  clickBody,
  lastResponse,
  sendForm,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from './support.ts';
import { modalValues } from './decision-support.ts';

const START = new Date();

/** Binds the channel and opens a decision through the core itself (no Slack call made). */
async function openDecision(t: SlackTest): Promise<{ decisionId: string; rosaId: string }> {
  const db = t.app.database.db;
  const conversation = { platform: 'slack' as const, workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' as const };
  const speaker = { userId: USERS.chair.id, workspaceId: TEAM, email: USERS.chair.email };
  await t.app.bot.handle({ conversation, speaker, inbound: { type: 'command', text: 'setup northfield' } });
  const before = new Set((await db.decision.findMany({ select: { id: true } })).map((d) => d.id));
  await t.app.bot.handle({
    conversation,
    speaker,
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Fund the summer playscheme', closes: 'Friday 5pm' },
    },
  });
  await settle(t.app);
  const decisionId = (await db.decision.findMany({ select: { id: true } }))
    .map((d) => d.id)
    .find((id) => !before.has(id))!;
  const rosaId = (await db.person.findFirstOrThrow({ where: { email: USERS.member.email } })).id;
  return { decisionId, rosaId };
}

/** The inbox row of a click body as the receiver keys it. */
const keyOf = (body: string): string =>
  inboxKey(JSON.parse(new URLSearchParams(body).get('payload')!) as Record<string, unknown>);

describe('on a running server', () => {
  let t: SlackTest;
  let clock: FakeClock;
  let decisionId: string;
  let rosaId: string;
  const db = () => t.app.database.db;

  beforeAll(async () => {
    clock = new FakeClock(START);
    t = await startSlack({}, undefined, undefined, clock);
    ({ decisionId, rosaId } = await openDecision(t));
  });
  afterAll(() => t.close());

  it('a click Slack saw acknowledged is in the inbox; once done, it is recorded and its body erased', async () => {
    const c = clickBody(t, 'decision.declare.none', decisionId, { user: USERS.member, ephemeral: true });
    const res = await sendForm(t, c.body);
    expect(res.status).toBe(200);
    // read the moment the acknowledgement arrives, before waiting for the work it left running
    const item = await db().inboxItem.findUnique({ where: { key: keyOf(c.body) } });
    expect(['pending', 'done']).toContain(item?.status);
    await settle(t.app);
    expect(
      await db().declaration.findMany({ where: { decisionId, personId: rosaId }, select: { outcome: true } }),
    ).toEqual([{ outcome: 'none' }]);
    const settled = await db().inboxItem.findMany({ where: { status: 'pending' } });
    expect(settled).toEqual([]);
    expect(await db().inboxItem.count({ where: { body: { not: null } } })).toBe(0);
  });

  it('a valid modal submission is in the inbox when Slack gets the answer that closes the modal', async () => {
    const before = await db().inboxItem.count();
    const res = await submitView(
      t,
      'decision.create',
      modalValues({
        title: 'Repaint the hall',
        kind: 'general',
        closes: 'in 3 days',
        ballot: 'open',
        visibility: 'live',
      }),
      JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
    );
    expect(res.status).toBe(200);
    // read the moment the answer arrives, before waiting for the work it left running
    expect(await db().inboxItem.count()).toBe(before + 1);
    await settle(t.app);
    expect(await db().decision.count({ where: { title: 'Repaint the hall' } })).toBe(1);
  });

  it('an acknowledged click whose process died is taken over once its claim expires, and answered', async () => {
    const c = clickBody(t, 'decision.vote', `${decisionId}:0`, { user: USERS.member, ephemeral: true });
    const payload = new URLSearchParams(c.body).get('payload')!;
    const key = keyOf(c.body);
    // as the receiver of a process killed right after the acknowledgement left it
    await db().inboxItem.create({
      data: {
        key,
        platform: 'slack',
        body: payload,
        claimedBy: 'a-dead-process',
        claimedUntil: new Date(clock.now().getTime() + 30_000),
      },
    });
    expect(await t.app.inbox.recover()).toBe(0); // still claimed: its process may be alive
    expect(await db().vote.count({ where: { decisionId, personId: rosaId } })).toBe(0);
    clock.advance(31_000);
    expect(await t.app.inbox.recover()).toBe(1);
    await settle(t.app);
    expect(await db().vote.findMany({ where: { decisionId, personId: rosaId }, select: { option: true } })).toEqual([
      { option: 'For' },
    ]);
    expect(shown(lastResponse(t, c.responsePath))).toContain('is recorded: For');
    const item = await db().inboxItem.findUniqueOrThrow({ where: { key } });
    expect([item.status, item.body, item.attempts]).toEqual(['done', null, 2]);
    // Slack re-sending the same click now: acknowledged, not done twice
    const again = await click(t, 'decision.vote', `${decisionId}:0`, { user: USERS.member, ephemeral: true });
    expect(again.res.status).toBe(200);
    await settle(t.app);
    expect(await db().vote.count({ where: { decisionId, personId: rosaId } })).toBe(1);
  });

  it('after the last attempt the person is told in their direct messages, and the item is kept as failed', async () => {
    const c = clickBody(t, 'decision.vote', `${decisionId}:1`, { user: USERS.member, ephemeral: true });
    const key = keyOf(c.body);
    await db().inboxItem.create({
      data: {
        key,
        platform: 'slack',
        body: new URLSearchParams(c.body).get('payload')!,
        attempts: 3,
        claimedBy: null,
        claimedUntil: new Date(clock.now().getTime() - 1),
      },
    });
    t.fake.clear();
    expect(await t.app.inbox.recover()).toBe(1);
    await settle(t.app);
    const told = t.fake.callsTo('chat.postMessage').map((call) => JSON.stringify(call.args));
    expect(told.some((text) => text.includes('could not be recorded'))).toBe(true);
    const item = await db().inboxItem.findUniqueOrThrow({ where: { key } });
    expect([item.status, item.body]).toEqual(['failed', null]);
    expect(await db().vote.findMany({ where: { decisionId, personId: rosaId }, select: { option: true } })).toEqual([
      { option: 'For' },
    ]); // the failed click changed nothing
  });
});

describe('a failure before anything was stored', () => {
  let t: SlackTest;
  let clock: FakeClock;

  beforeAll(async () => {
    clock = new FakeClock(START);
    // without configured bot ids, Bolt asks auth.test on the first request
    t = await startSlack({ SLACK_BOT_USER_ID: '', SLACK_BOT_ID: '' }, undefined, undefined, clock);
  });
  afterAll(() => t.close());

  it('is acknowledged, tried again shortly, and then answered', async () => {
    const { decisionId, rosaId } = await openDecision(t);
    t.fake.failNext('auth.test', { error: 'internal_error' });
    const first = await click(t, 'decision.declare.none', decisionId, { user: USERS.member, ephemeral: true });
    expect(first.res.status).toBe(200); // on disk: it will be done
    await settle(t.app);
    const db = t.app.database.db;
    expect(await db.declaration.count({ where: { decisionId, personId: rosaId } })).toBe(0);
    const item = await db.inboxItem.findUniqueOrThrow({ where: { key: keyOf(first.body) } });
    expect([item.status, item.claimedBy]).toEqual(['pending', null]);
    clock.advance(6_000); // past the pause before the next attempt
    expect(await t.app.inbox.recover()).toBe(1);
    await settle(t.app);
    expect(
      await db.declaration.findMany({ where: { decisionId, personId: rosaId }, select: { outcome: true } }),
    ).toEqual([{ outcome: 'none' }]);
    expect(lastResponse(t, first.responsePath)).toBeDefined(); // answered where they clicked
    expect((await db.inboxItem.findUniqueOrThrow({ where: { key: keyOf(first.body) } })).status).toBe('done');
  });
});
