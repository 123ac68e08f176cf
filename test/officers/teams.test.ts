// Officer appointments and membership forms through Teams activities (the real CloudAdapter, a
// fake Bot Connector on loopback): the check arrives as a card with its confirm button; a member
// records their signed form in a card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, message, post, ROSA, startTeams, type TeamsTest } from '../teams/support.ts';

let t: TeamsTest;
beforeAll(async () => {
  t = await startTeams();
});
afterAll(() => t.close());

const person = async (name: string) => {
  const p = (await t.app.stores.rosters.findPartnership('northfield'))!;
  return (await t.app.stores.rosters.loadRoster(p.id)).people.find((x) => x.name === name)!;
};

/** The last card's actions (by title, with the data a click sends) and its inputs. */
function lastCard() {
  const actions = new Map<string, Record<string, unknown>>();
  const inputs: Record<string, string> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string')
      inputs[node.id] = String(node.value ?? '');
    if (node.type === 'Action.Execute' || node.type === 'Action.Submit')
      actions.set(node.title, node.type === 'Action.Execute' ? (node.fallback?.data ?? node.data) : node.data);
    Object.values(node).forEach(walk);
  };
  walk(cardOf(t.fake.posted.at(-1)!));
  return { actions, inputs };
}
const lastText = () => JSON.stringify(t.fake.posted.at(-1));

describe('in Teams', () => {
  it('the chair appoints an LTO representative as treasurer only after confirming the card', async () => {
    expect((await post(t, message(t.fake, { text: 'appoint Linda Marsh as treasurer' }))).status).toBe(200);
    expect(lastText()).toContain('an LTO representative in a position of power is a conflict of interest');
    const confirm = lastCard().actions.get('Appoint anyway');
    expect(confirm).toBeDefined();
    expect((await person('Linda Marsh')).roles).toEqual([]);

    await post(t, message(t.fake, { value: confirm }));
    expect(lastText()).toContain('Done: Linda Marsh becomes treasurer in place of Tom Whitfield.');
    expect((await person('Linda Marsh')).roles).toEqual(['treasurer']);
    const [row] = await t.app.database.db.auditEvent.findMany({ where: { action: 'roster.appoint' } });
    expect(JSON.parse(row!.after!)).toMatchObject({ acknowledged: ['lto-in-power'] });
  });

  it('a member records their signed form in a card; a date in words is refused with how to write it', async () => {
    await post(t, message(t.fake, { text: 'forms', from: ROSA }));
    const open = lastCard().actions.get('Record my signed form');
    expect(open).toBeDefined();
    await post(t, message(t.fake, { value: open, from: ROSA }));
    const { actions, inputs } = lastCard();
    expect(Object.keys(inputs)).toEqual(['field.signedOn', 'field.reference']);
    const submit = actions.get('Record')!;

    await post(t, message(t.fake, { value: { ...submit, 'field.signedOn': 'last Tuesday' }, from: ROSA }));
    expect(lastText()).toContain('is not a date: write it as YYYY-MM-DD');
    expect((await person('Rosa Novak')).membershipForm).toBeUndefined();

    await post(t, message(t.fake, { value: { ...submit, 'field.signedOn': '2026-09-14' }, from: ROSA }));
    expect(lastText()).toContain('Recorded: your membership form, signed 2026-09-14.');
    expect((await person('Rosa Novak')).membershipForm).toEqual({ signedOn: '2026-09-14' });
  });
});
