// A decision taken at a meeting, recorded through Teams: the real server and botbuilder's
// CloudAdapter, the form as an Adaptive Card with inputs (the roster as multi-select choice sets),
// the Bot Connector faked on loopback. A conflict recorded as voting comes back on the card with a
// box to tick; nothing is saved until it is ticked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, installEvent, invoke, message, post, startTeams, visibleText, type TeamsTest } from './support.ts';
import { PEOPLE as P, addMembers, button, inputsOf, personalChat, postsIn } from './decision-support.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';

let t: TeamsTest;
let ids: Map<string, string>;

beforeAll(async () => {
  // the Tuesday after the meeting: the test passes its own time, never the wall clock's
  t = await startTeams({}, { clock: new TestClock(new Date(TUESDAY)) });
  addMembers(t.fake);
  for (const u of [P.margaret, P.priya, P.rosa])
    expect((await post(t, installEvent(t.fake, 'installationUpdate', 'personal', { from: u }))).status).toBe(200);
  await post(t, installEvent(t.fake, 'conversationUpdate', 'channel'));
  await post(t, message(t.fake, { scope: 'channel', from: P.margaret, text: 'setup northfield' }));
  const people = await t.app.database.db.person.findMany({ select: { id: true, name: true } });
  ids = new Map(people.map((p) => [p.name, p.id]));
  t.fake.posted.length = 0;
});
afterAll(async () => t?.close());

const latest = () => postsIn(t.fake, personalChat(P.priya)).at(-1);
const idsOf = (names: string[]) => names.map((n) => ids.get(n)!).join(',');
const MEETING = () => ({
  'field.date': '2026-10-15',
  'field.title': 'Community café catering contract',
  'field.kind': 'procurement',
  'field.organisations': 'Northfield Community Café Ltd',
  'field.present': idsOf(['Margaret Okafor', 'Priya Patel', 'Tom Whitfield', 'Sarah Whitfield', 'Aisha Rahman']),
  'field.declarations': 'Sarah Whitfield: direct financial: Northfield Community Café Ltd: café manager',
  'field.left': idsOf(['Sarah Whitfield']),
  'field.result': 'vote',
  'field.for': '3',
  'field.against': '1',
  'field.abstain': '0',
  'field.outcome': 'Agreed to award the catering contract for one year.',
});
const submit = async (extra: Record<string, string> = {}) => {
  const save = button(latest(), 'Save');
  expect(save.verb).toBe('decision.meeting');
  const res = await post(t, invoke(t.fake, save.verb, { ...save.data, ...MEETING(), ...extra }, { from: P.priya }));
  await t.app.background.settled();
  return res;
};

describe('recording a meeting decision in Teams', () => {
  it('“meeting” brings the secretary the form as a card, the roster in choice sets', async () => {
    await post(t, message(t.fake, { scope: 'personal', from: P.priya, text: 'meeting' }));
    expect(inputsOf(cardOf(latest()))).toEqual([
      'field.date',
      'field.title',
      'field.kind',
      'field.organisations',
      'field.present',
      'field.declarations',
      'field.left',
      'field.result',
      'field.for',
      'field.against',
      'field.abstain',
      'field.outcome',
    ]);
    expect(JSON.stringify(cardOf(latest()))).toContain('"isMultiSelect":true');
    await post(t, message(t.fake, { scope: 'personal', from: P.rosa, text: 'meeting' }));
    expect(visibleText(postsIn(t.fake, personalChat(P.rosa)))).toContain(
      'Only the chair or the secretary can record a decision taken at a meeting.',
    );
  });

  it('a conflict recorded as voting comes back with the flag and a box to tick; nothing is saved', async () => {
    const res = await submit();
    const again = JSON.stringify(res.body.value);
    expect(again).toContain('Nothing is saved yet');
    expect(again).toMatch(/Tom Whitfield: indirect financial interest/);
    expect(again).toContain('field.confirm');
    expect(await t.app.database.db.decision.count()).toBe(0);
  });

  it('ticked, it is saved: closed on the day of the meeting', async () => {
    // the card the secretary holds is the one the last answer drew; its Save carries the same route
    const res = await submit({ 'field.confirm': 'true' });
    expect(JSON.stringify(res.body.value)).toContain(
      'Recorded: Decision 1 (“Community café catering contract”), taken at a meeting.',
    );
    const row = await t.app.database.db.decision.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', closeReason: 'meeting' });
    expect(JSON.parse(row.meeting!).flagged).toHaveLength(1);
  });
});
