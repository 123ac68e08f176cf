// The settings through Slack's real pipeline (signed requests, Bolt, the fake Web API on loopback):
// `/partnership settings change` opens the form as a modal, its submission is checked whole and
// saved once, audited; a member reads the settings but is refused the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bind,
  command,
  lastResponse,
  settle,
  shown,
  startSlack,
  submitView,
  USERS,
  type SlackTest,
} from './support.ts';

let t: SlackTest;
beforeAll(async () => {
  t = await startSlack();
  await bind(t);
});
afterAll(() => t.close());

interface InputBlock {
  type: string;
  block_id: string;
  element: { type: string; action_id: string; initial_value?: string; initial_option?: { value: string } };
}

const settingsOf = async () => (await t.app.stores.rosters.findPartnership('northfield'))!.settings;

describe('settings in Slack', () => {
  it('the chair changes them in a modal; a bad value is refused and nothing is saved', async () => {
    t.fake.clear();
    const opened = await command(t, 'settings change', { channel: 'DCHAIR' });
    expect(opened.res.status).toBe(200);
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    const view = open!.args.view as { callback_id: string; private_metadata: string; blocks: InputBlock[] };
    expect(view.callback_id).toBe('settings.change');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toContain('ltoOrganisation');

    // the state Slack sends back: every input as the person left it
    const state = (changes: Record<string, string>) =>
      Object.fromEntries(
        inputs.map((b) => {
          const v = changes[b.block_id] ?? b.element.initial_value ?? b.element.initial_option?.value ?? '';
          const value =
            b.element.type === 'static_select'
              ? { type: 'static_select', selected_option: { value: v } }
              : b.element.type === 'multi_static_select'
                ? { type: 'multi_static_select', selected_options: [{ value: 'sunday' }] }
                : { type: b.element.type, value: v };
          return [b.block_id, { [b.element.action_id]: value }];
        }),
      );

    t.fake.clear();
    const bad = await submitView(t, 'settings.change', state({ quorum: '0' }), view.private_metadata);
    expect(bad.status).toBe(200);
    await settle(t.app);
    // the modal stays open, the problem under the quorum's input
    expect(await bad.json()).toEqual({
      response_action: 'errors',
      errors: { quorum: 'Must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6' },
    });
    expect(t.fake.callsTo('chat.postEphemeral')).toEqual([]);
    expect((await settingsOf()).quorum).toEqual({ type: 'fraction', value: 0.5 });

    t.fake.clear();
    const ok = await submitView(
      t,
      'settings.change',
      state({ quorum: '6', ltoOrganisation: 'Northfield Community Trust', loyaltyConflicts: 'declare-and-stay' }),
      view.private_metadata,
    );
    expect(ok.status).toBe(200);
    await settle(t.app);
    expect(t.fake.calls.map(shown).join('\n')).toContain('LTO organisation: not set → Northfield Community Trust');
    expect(await settingsOf()).toMatchObject({
      quorum: { type: 'count', value: 6 },
      ltoOrganisation: 'Northfield Community Trust',
      loyaltyConflicts: 'declare-and-stay',
    });
    const audit = await t.app.database.db.auditEvent.findMany({ where: { action: 'settings.update' } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ quorum: { type: 'count', value: 6 } });
  });

  it('a member reads every setting, and is refused the form in the table’s words', async () => {
    t.fake.clear();
    const read = await command(t, 'settings', { channel: 'DROSA', user: USERS.member });
    await settle(t.app);
    const answer = shown(lastResponse(t, read.responsePath));
    expect(answer).toContain('Settings of Northfield Big Local');
    expect(answer).toContain('Quorum (`quorum`): at least 6 eligible voting members');

    t.fake.clear();
    const refused = await command(t, 'settings change', { channel: 'DROSA', user: USERS.member });
    await settle(t.app);
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
    expect(shown(lastResponse(t, refused.responsePath))).toContain('Only the chair or the rep can do that.');
  });
});
