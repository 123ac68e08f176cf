// Proxy votes through Slack: the real server, Bolt's pipeline and the renderer, the Web API faked
// on loopback. The appointment form is a modal; the proxy's ballot comes back with its buttons;
// the proxy's click is recorded as the appointer's vote, by proxy; an unused proxy is withdrawn
// with the button `/partnership proxy` shows the member who appointed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/domain/settings.ts';
import { DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { click, command, settle, shown, startSlack, submitView, type SlackTest } from './support.ts';
import { ROSTER_USERS as U, modalValues } from './decision-support.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';

let t: SlackTest;
let decisionId = '';
let kwameId = '';

beforeAll(async () => {
  const fake = await startFakeSlackApi(Object.values(U));
  t = await startSlack({}, fake, undefined, new TestClock(new Date(TUESDAY)));
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
  const partnership = (await t.app.stores.rosters.findPartnership(DEMO_SLUG))!;
  await t.app.stores.rosters.updateSettings(
    partnership.id,
    parseSettings({ ...partnership.settings, proxyVotes: true }),
    null,
  );
  kwameId = (await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Kwame Mensah' } })).id;
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

const press = async (user: { id: string }, actionId: string, value: string) => {
  const c = await click(t, actionId, value, { user: user as never, channel: `D${user.id}`, messageTs: '1.000100' });
  expect(c.res.status).toBe(200);
  await settle(t.app);
};

describe('proxy votes in Slack', () => {
  it('Rosa appoints Kwame in a modal; Kwame votes for her from his proxy ballot', async () => {
    await submitView(
      t,
      'decision.create',
      modalValues({ title: 'Summer fun day', closes: 'in 3 days', ballot: 'open', visibility: 'live' }),
      JSON.stringify({ c: 'C0PARTNERS', ch: 'C0PARTNERS', k: 'channel' }),
      { user: U.margaret as never },
    );
    await settle(t.app);
    decisionId = (await t.app.database.db.decision.findFirstOrThrow()).id;
    await press(U.rosa, 'decision.declare.none', decisionId);
    await press(U.kwame, 'decision.declare.none', decisionId);

    t.fake.clear();
    await command(t, 'proxy 1', { user: U.rosa });
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    const view = open!.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('decision.proxy');
    const res = await submitView(
      t,
      'decision.proxy',
      { holder: { holder: { type: 'static_select', selected_option: { value: kwameId } } } },
      view.private_metadata,
      { user: U.rosa as never },
    );
    expect(res.status).toBe(200);
    await settle(t.app);
    expect(await t.app.database.db.proxy.count()).toBe(1);
    expect(t.fake.calls.map(shown).join('\n')).toContain('Kwame Mensah is now your proxy for Decision 1');

    t.fake.clear();
    await command(t, 'proxy 1', { user: U.kwame });
    await settle(t.app);
    expect(t.fake.calls.map(shown).join('\n')).toContain('For (for Rosa Novak)');
    t.fake.clear();
    await press(U.kwame, 'decision.proxy.vote', `${decisionId}:0`);
    expect(t.fake.calls.map(shown).join('\n')).toContain('Recorded: For, by proxy for Rosa Novak');
    const vote = await t.app.database.db.vote.findFirstOrThrow();
    expect(vote).toMatchObject({ option: 'For', byProxy: true });
  });

  it('Aisha appoints Gareth, sees who holds her proxy with a Withdraw button, and withdraws it', async () => {
    const garethId = (await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Gareth Jones' } })).id;
    await press(U.aisha, 'decision.declare.none', decisionId);
    t.fake.clear();
    await command(t, 'proxy 1', { user: U.aisha });
    await settle(t.app);
    const [form] = t.fake.callsTo('views.open');
    await submitView(
      t,
      'decision.proxy',
      { holder: { holder: { type: 'static_select', selected_option: { value: garethId } } } },
      (form!.args.view as { private_metadata: string }).private_metadata,
      { user: U.aisha as never },
    );
    await settle(t.app);
    expect(await t.app.database.db.proxy.count({ where: { holderId: garethId } })).toBe(1);

    t.fake.clear();
    await command(t, 'proxy 1', { user: U.aisha });
    await settle(t.app);
    const answer = JSON.stringify(t.fake.calls.map((c) => c.args));
    expect(answer).toContain('Gareth Jones holds your proxy for Decision 1');
    expect(answer).toContain('"action_id":"decision.proxy.withdraw"');
    expect(t.fake.callsTo('views.open')).toEqual([]); // no appointment form: she has one

    t.fake.clear();
    await press(U.aisha, 'decision.proxy.withdraw', decisionId);
    expect(t.fake.calls.map(shown).join('\n')).toContain('Gareth Jones no longer holds your proxy for Decision 1');
    expect(await t.app.database.db.proxy.count({ where: { holderId: garethId } })).toBe(0);
  });
});
