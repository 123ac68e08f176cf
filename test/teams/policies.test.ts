// The policies register through Teams activities (the real CloudAdapter, a fake Bot Connector on
// loopback): the chair records a policy with the card's form, a bad date is explained and nothing
// is saved; a member reads the register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, message, post, ROSA, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeAll(async () => {
  t = await startTeams();
});
afterAll(() => t.close());

/** The form's submit button and its inputs' ids. */
function formCard() {
  const card: unknown = cardOf(t.fake.posted.at(-1)!);
  const actions: any[] = [];
  const inputs: Record<string, string> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string')
      inputs[node.id] = String(node.value ?? '');
    if (node.type === 'Action.Execute' || node.type === 'Action.Submit') actions.push(node);
    Object.values(node).forEach(walk);
  };
  walk(card);
  const submit = actions.find((a) => a.verb === 'policies.save' || a.data?.pb?.formId === 'policies.save');
  return { submit, inputs };
}

describe('policies in Teams', () => {
  it('the chair records one in a card; a bad date is refused; a member reads the register', async () => {
    expect((await post(t, message(t.fake, { text: 'policies add' }))).status).toBe(200);
    const { submit, inputs } = formCard();
    expect(submit).toBeDefined();
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['field.kind', 'field.adoptedOn', 'field.reviewOn']));
    const data = submit.type === 'Action.Execute' ? (submit.fallback?.data ?? submit.data) : submit.data;

    await post(
      t,
      message(t.fake, { value: { ...data, ...inputs, 'field.kind': 'loyalty', 'field.adoptedOn': '32/13/2025' } }),
    );
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain('“32/13/2025” is not a date');
    expect(await t.app.database.db.policy.count()).toBe(0);

    await post(
      t,
      message(t.fake, {
        value: { ...data, ...inputs, 'field.kind': 'loyalty', 'field.adoptedOn': '1/4/2024', 'field.reviewOn': '' },
      }),
    );
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain('Recorded: Loyalty policy.');

    await post(t, message(t.fake, { text: 'policies', from: ROSA }));
    const read = JSON.stringify(t.fake.posted.at(-1));
    expect(read).toContain('Loyalty policy: adopted 1 April 2024; no review date set');
    expect(read).not.toContain('Record a policy');
  });
});
