// The settings through Teams activities (the real CloudAdapter, a fake Bot Connector on loopback):
// `settings change` in the personal chat sends the form as a card; its submission is checked whole
// and saved once, audited; a member is refused the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, message, post, ROSA, startTeams, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeAll(async () => {
  t = await startTeams();
});
afterAll(() => t.close());

const settingsOf = async () => (await t.app.stores.rosters.findPartnership('northfield'))!.settings;

/** The Save button of the settings card, and every input's id and initial value. */
function settingsCard() {
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
  const submit = actions.find((a) => a.verb === 'settings.change' || a.data?.pb?.formId === 'settings.change');
  return { submit, inputs };
}

describe('settings in Teams', () => {
  it('the chair changes them in a card; a bad value is refused and nothing is saved', async () => {
    expect((await post(t, message(t.fake, { text: 'settings change' }))).status).toBe(200);
    const { submit, inputs } = settingsCard();
    expect(submit).toBeDefined();
    expect(inputs['field.quorum']).toBe('0.5');
    const data = submit.type === 'Action.Execute' ? (submit.fallback?.data ?? submit.data) : submit.data;

    const bad = await post(t, message(t.fake, { value: { ...data, ...inputs, 'field.quorum': 'all' } }));
    expect(bad.status).toBe(200);
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain(
      'quorum must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
    );
    expect((await settingsOf()).quorum).toEqual({ type: 'fraction', value: 0.5 });

    const ok = await post(
      t,
      message(t.fake, {
        value: { ...data, ...inputs, 'field.quorum': '6', 'field.countLtoRepresentatives': 'no' },
      }),
    );
    expect(ok.status).toBe(200);
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain('Quorum: at least 50% of voting members → at least 6');
    expect(await settingsOf()).toMatchObject({ quorum: { type: 'count', value: 6 }, countLtoRepresentatives: false });
    const audit = await t.app.database.db.auditEvent.findMany({ where: { action: 'settings.update' } });
    expect(audit).toHaveLength(1);
  });

  it('a member reads the settings and is refused the form', async () => {
    await post(t, message(t.fake, { text: 'settings', from: ROSA }));
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain('Settings of Northfield Big Local');
    await post(t, message(t.fake, { text: 'settings change', from: ROSA }));
    expect(JSON.stringify(t.fake.posted.at(-1))).toContain('Only the chair or the rep can do that.');
  });
});
