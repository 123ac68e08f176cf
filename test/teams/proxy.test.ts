// Proxy votes through Teams: the real server and botbuilder's CloudAdapter, the Bot Connector
// faked on loopback. The appointment form is a card with a choice set; the proxy's ballot is a
// card whose buttons vote for the member who appointed them; a member who appointed one sees who
// holds it, with a Withdraw button while it is unused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/domain/settings.ts';
import { DEMO_SLUG } from '../../adapters/persistence/seed.ts';
import {
  installEvent,
  invoke,
  message,
  post,
  startTeams,
  visibleText,
  type TeamsTest,
  type TeamsUser,
} from './support.ts';
import { PEOPLE as P, addMembers, button, personalChat, postsIn } from './decision-support.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';

let t: TeamsTest;

beforeAll(async () => {
  t = await startTeams({}, { clock: new TestClock(new Date(TUESDAY)) });
  addMembers(t.fake);
  for (const u of Object.values(P))
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  const partnership = (await t.app.stores.rosters.findPartnership(DEMO_SLUG))!;
  await t.app.stores.rosters.updateSettings(
    partnership.id,
    parseSettings({ ...partnership.settings, proxyVotes: true }),
    null,
  );
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

const latest = (u: TeamsUser) => postsIn(t.fake, personalChat(u)).at(-1);
const act = async (u: TeamsUser, actionId: string, value: string) => {
  const res = await post(t, invoke(t.fake, actionId, { pb: { kind: 'action', actionId, value } }, { from: u }));
  await t.app.background.settled();
  return JSON.stringify(res.body.value);
};

describe('proxy votes in Teams', () => {
  it('Rosa appoints Kwame on a card; Kwame votes for her from his proxy ballot', async () => {
    await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'poll' }));
    const start = button(latest(P.margaret), 'Start the vote');
    await post(
      t,
      invoke(
        t.fake,
        start.verb,
        { ...start.data, 'field.title': 'Summer fun day', 'field.closes': 'in 3 days', 'field.ballot': 'open' },
        { from: P.margaret },
      ),
    );
    await t.app.background.settled();
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    await act(P.rosa, 'decision.declare.none', decision.id);
    await act(P.kwame, 'decision.declare.none', decision.id);

    await post(t, message(t.fake, { scope: 'personal', from: P.rosa, text: 'proxy 1' }));
    const appoint = button(latest(P.rosa), 'Appoint');
    expect(appoint.verb).toBe('decision.proxy');
    const kwame = await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Kwame Mensah' } });
    const res = await post(
      t,
      invoke(t.fake, appoint.verb, { ...appoint.data, 'field.holder': kwame.id }, { from: P.rosa }),
    );
    expect(JSON.stringify(res.body.value)).toContain('Kwame Mensah is now your proxy for Decision 1');

    await post(t, message(t.fake, { scope: 'personal', from: P.kwame, text: 'proxy 1' }));
    const forRosa = button(latest(P.kwame), 'For (for Rosa Novak)');
    expect(visibleText([latest(P.kwame)!])).toContain('You hold Rosa Novak’s proxy');
    const voted = await post(t, invoke(t.fake, forRosa.verb, forRosa.data, { from: P.kwame }));
    expect(JSON.stringify(voted.body.value)).toContain('Recorded: For, by proxy for Rosa Novak');
    expect(await t.app.database.db.vote.findFirstOrThrow()).toMatchObject({ option: 'For', byProxy: true });
  });

  it('Aisha appoints Gareth, then withdraws it from the card that shows who holds her proxy', async () => {
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    await act(P.aisha, 'decision.declare.none', decision.id);
    await post(t, message(t.fake, { scope: 'personal', from: P.aisha, text: 'proxy 1' }));
    const appoint = button(latest(P.aisha), 'Appoint');
    const gareth = await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Gareth Jones' } });
    await post(t, invoke(t.fake, appoint.verb, { ...appoint.data, 'field.holder': gareth.id }, { from: P.aisha }));
    expect(await t.app.database.db.proxy.count({ where: { holderId: gareth.id } })).toBe(1);

    await post(t, message(t.fake, { scope: 'personal', from: P.aisha, text: 'proxy 1' }));
    expect(visibleText([latest(P.aisha)!])).toContain('Gareth Jones holds your proxy for Decision 1');
    const withdraw = button(latest(P.aisha), 'Withdraw my proxy');
    const res = await post(t, invoke(t.fake, withdraw.verb, withdraw.data, { from: P.aisha }));
    expect(JSON.stringify(res.body.value)).toContain('Gareth Jones no longer holds your proxy for Decision 1');
    expect(await t.app.database.db.proxy.count({ where: { holderId: gareth.id } })).toBe(0);
  });
});
