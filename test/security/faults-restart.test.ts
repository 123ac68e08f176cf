// A restart in the middle of a decision: the server stops (app.close(), as on a deploy) while a
// vote is open, and a new one starts on the same database file after the closing time. Nothing
// is lost, and the closing time is still honoured: a late vote is refused, the catch-up run of
// the scheduler closes the decision at its closing time, with the votes cast before.
import { afterAll, expect, it } from 'vitest';
import { newDatabaseUrl } from '../support/db.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';
import { sendWeb } from './surfaces.ts';

const db = newDatabaseUrl();
const clock = new TestClock(new Date(TUESDAY));
let running: TestApp | null = null;
afterAll(async () => {
  await running?.close();
  db.remove();
});

const start = async (env: Record<string, string> = {}) =>
  (running = await startTestApp({ DATABASE_URL: db.url, SEED_DEMO: 'true', PLAYGROUND: 'true', ...env }, { clock }));

it('keeps the votes and honours the closing time across a restart', async () => {
  let t = await start();
  const people = (await (await fetch(`${t.url}/playground/api/people`)).json()) as {
    people: { id: string; name: string }[];
  };
  const id = (name: string) => people.people.find((p) => p.name === name)!.id;
  const created = await sendWeb(t.url, id('Margaret Okafor'), 'channel', {
    type: 'form',
    formId: 'decision.create',
    values: { title: 'Summer fun day budget', closes: 'Friday 5pm' },
  });
  expect(created.shown).toMatch(/Decision 1 is open until Fri 23 Oct, 5pm/);
  const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
  const decision = (await t.app.stores.decisions.list(partnership.id))[0]!;
  for (const [name, option] of [
    ['Rosa Novak', 0],
    ['Gareth Jones', 1],
    ['Kwame Mensah', 0],
  ] as const) {
    await sendWeb(t.url, id(name), 'direct', { type: 'action', actionId: 'decision.declare.none', value: decision.id });
    const voted = await sendWeb(t.url, id(name), 'direct', {
      type: 'action',
      actionId: 'decision.vote',
      value: `${decision.id}:${option}`,
    });
    expect(voted.shown).toMatch(/Your vote on Decision 1 is recorded/);
  }
  await t.app.close();
  running = null;

  // Down over the weekend: back on Monday, long after Friday 17:00, scheduler off at first.
  clock.set('2026-10-26T09:00:00Z');
  t = await start();
  const late = await sendWeb(t.url, id('Priya Patel'), 'direct', {
    type: 'action',
    actionId: 'decision.declare.none',
    value: decision.id,
  });
  expect(late.shown).toMatch(/closed at Fri 23 Oct, 5pm, so it no longer takes declarations or votes/);
  await t.app.close();
  running = null;

  // Another restart, with the scheduler on: its catch-up run has nothing left to close twice.
  t = await start({ SCHEDULER: 'true' });
  const job = t.app.scheduler.jobs.find((j) => j.name === 'decisions')!;
  await t.app.scheduler.tick(job);
  const after = (await t.app.stores.decisions.find({ id: decision.id }))!;
  expect(after.decision).toMatchObject({ status: 'closed', closeReason: 'time' });
  expect(after.decision.closedAt!.toISOString()).toBe(decision.closesAt.toISOString());
  expect(after.votes.map((v) => v.option).sort()).toEqual(['Against', 'For', 'For']);
  expect(await t.app.database.db.auditEvent.count({ where: { action: 'decision.close' } })).toBe(1);
  const record = await sendWeb(t.url, id('Margaret Okafor'), 'direct', { type: 'command', text: 'decision 1' });
  expect(record.shown).toMatch(/For 2, Against 1, Abstain 0\. Most votes: For \(2\)/);
  expect(record.shown).toMatch(/Fri 23 Oct/);
});

it('the scheduler’s catch-up run alone closes a decision that fell due while no server ran', async () => {
  const t = await start();
  const people = (await (await fetch(`${t.url}/playground/api/people`)).json()) as {
    people: { id: string; name: string }[];
  };
  const chair = people.people.find((p) => p.name === 'Margaret Okafor')!.id;
  await sendWeb(t.url, chair, 'channel', {
    type: 'form',
    formId: 'decision.create',
    values: { title: 'Winter lights', closes: 'Wednesday 5pm' },
  });
  const partnership = (await t.app.stores.rosters.findPartnership('northfield'))!;
  const decision = (await t.app.stores.decisions.list(partnership.id, 'open'))[0]!;
  await t.app.close();
  running = null;
  clock.set(new Date(decision.closesAt.getTime() + 3 * 86_400_000).toISOString());
  const again = await start({ SCHEDULER: 'true' });
  // no tick from the test: start() runs every job once
  await eventually(
    async () => (await again.app.stores.decisions.find({ id: decision.id }))!.decision.status === 'closed',
    'the catch-up run closing the decision',
  );
  const closed = (await again.app.stores.decisions.find({ id: decision.id }))!.decision;
  expect(closed.closedAt!.toISOString()).toBe(decision.closesAt.toISOString());
});
