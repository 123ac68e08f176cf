// The decisions job in the real server (createApp + registerAdapters, as `npm start`): closes
// what is overdue once, catching up after downtime, sends each reminder once, and keeps "5pm" at
// 17:00 London time across the last Sunday of October.
import { afterEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';
import { CHANNEL, TestClock, TUESDAY, userIdOf } from './world.ts';

let t: TestApp;
afterEach(async () => t?.close());

async function start() {
  const clock = new TestClock(new Date(TUESDAY));
  t = await startTestApp({ SEED_DEMO: 'true' }, { clock });
  const { app } = t;
  const recorder = new RecordingNotifier();
  app.notifier.register('web', recorder);
  const partnership = (await app.stores.rosters.findPartnership('northfield'))!;
  const roster = await app.stores.rosters.loadRoster(partnership.id);
  await app.stores.directory.bindChannel(
    { partnershipId: partnership.id, platform: 'web', workspaceId: 'local', channelId: CHANNEL.channelId },
    roster.people[0]!.id,
  );
  for (const p of roster.people) await app.stores.directory.linkIdentity(p.id, 'web', 'local', userIdOf(p.name));
  const send = (name: string, inbound: Inbound) =>
    app.bot.handle({ conversation: CHANNEL, speaker: { userId: userIdOf(name), workspaceId: 'local' }, inbound });
  const job = app.scheduler.jobs.find((j) => j.name === 'decisions')!;
  const create = async (values: Record<string, string>) => {
    await send('Margaret Okafor', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Fun day budget', ...values },
    });
    return (await app.stores.decisions.list(partnership.id))[0]!;
  };
  const sentTo = (name: string) =>
    recorder.toUsers.filter((m) => m.userId === userIdOf(name)).map((m) => replyText(m.reply));
  return {
    app,
    clock,
    recorder,
    partnership,
    send,
    job,
    create,
    sentTo,
    tick: (iso: string) => app.scheduler.tick(job, new Date(iso)),
  };
}

describe('the decisions job', () => {
  it('is registered with the server’s scheduler', async () => {
    const { app, job } = await start();
    expect(job).toMatchObject({ name: 'decisions', schedule: '* * * * *' });
    expect(app.scheduler.jobs.filter((j) => j.name === 'decisions')).toHaveLength(1);
  });

  it('closes at 17:00 London time on either side of the clocks going back, once', async () => {
    const w = await start();
    const summer = await w.create({ closes: 'Friday 5pm' }); // Fri 23 Oct, BST
    const winter = await w.create({ title: 'Winter lights', closes: 'next Tuesday 5pm' }); // Tue 27 Oct, GMT
    expect(summer.closesAt.toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(winter.closesAt.toISOString()).toBe('2026-10-27T17:00:00.000Z');
    await w.tick('2026-10-23T15:59:00Z');
    expect((await w.app.stores.decisions.find({ id: summer.id }))!.decision.status).toBe('open');
    await w.tick('2026-10-23T16:00:00Z');
    expect((await w.app.stores.decisions.find({ id: summer.id }))!.decision).toMatchObject({
      status: 'closed',
      closeReason: 'time',
    });
    await w.tick('2026-10-27T16:59:00Z'); // 16:59 GMT: not yet
    expect((await w.app.stores.decisions.find({ id: winter.id }))!.decision.status).toBe('open');
    await w.tick('2026-10-27T17:00:00Z');
    await w.tick('2026-10-27T17:01:00Z');
    const closed = (await w.app.stores.decisions.find({ id: winter.id }))!.decision;
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'time' });
    expect(closed.closedAt!.toISOString()).toBe('2026-10-27T17:00:00.000Z');
    expect(await w.app.database.db.auditEvent.count({ where: { action: 'decision.close' } })).toBe(2);
    // the card shows the result in place, and the chair was told (once per decision)
    const cards = w.recorder.posted.map((p) => replyText(w.recorder.current(p.ref.messageId)!));
    expect(cards[1]).toMatch(/Closed: Tue 27 Oct, 5pm/);
    expect(w.sentTo('Margaret Okafor').filter((m) => /has closed at its closing time/.test(m))).toHaveLength(2);
  });

  it('catches up after downtime: everything overdue closes once, on the first run', async () => {
    const w = await start();
    await w.create({ closes: 'tomorrow 9am' });
    await w.create({ title: 'Bench repairs', closes: 'Thursday 5pm' });
    await w.create({ title: 'Later', closes: '30/11 5pm' });
    await w.tick('2026-10-29T08:00:00Z'); // the server was down for a week
    const all = await w.app.stores.decisions.list(w.partnership.id);
    expect(all.map((d) => [d.title, d.status, d.closeReason])).toEqual([
      ['Later', 'open', null],
      ['Bench repairs', 'closed', 'time'],
      ['Fun day budget', 'closed', 'time'],
    ]);
    await w.tick('2026-10-29T08:01:00Z');
    expect(await w.app.database.db.auditEvent.count({ where: { action: 'decision.close' } })).toBe(2);
  });

  it('reminds once, 24 hours before close, only those who have not declared or not voted', async () => {
    const w = await start();
    const d = await w.create({ closes: 'Friday 5pm' });
    // David declares and votes; Rosa declares only; the rest do nothing
    await w.send('David Hughes', { type: 'action', actionId: 'decision.declare.none', value: d.id });
    await w.send('David Hughes', { type: 'action', actionId: 'decision.vote', value: `${d.id}:0` });
    await w.send('Rosa Novak', { type: 'action', actionId: 'decision.declare.none', value: d.id });
    w.recorder.clear();
    await w.tick('2026-10-22T15:59:00Z'); // 24 hours and a minute before: not yet
    expect(w.recorder.toUsers).toEqual([]);
    await w.tick('2026-10-22T16:00:00Z');
    await w.tick('2026-10-22T16:01:00Z');
    const reminded = new Set(w.recorder.toUsers.map((m) => m.userId));
    expect(w.sentTo('Rosa Novak')).toEqual([
      expect.stringMatching(/Reminder: Decision 1 .* closes Fri 23 Oct, 5pm\. You have declared but not voted yet\./),
    ]);
    expect(w.sentTo('Kwame Mensah')).toEqual([
      expect.stringMatching(/Reminder: Decision 1 .*You have not declared yet\./),
    ]);
    expect(reminded.has(userIdOf('David Hughes'))).toBe(false);
    for (const name of ['Jo Brooks', 'Sam Taylor', 'Linda Marsh']) expect(reminded.has(userIdOf(name))).toBe(false);
    expect(reminded.size).toBe(9); // ten voting members, less David
    expect((await w.app.stores.decisions.find({ id: d.id }))!.decision.remindersSentAt!.toISOString()).toBe(
      '2026-10-22T16:00:00.000Z',
    );
  });
});
