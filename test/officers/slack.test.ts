// Officer appointments and membership forms through the real Slack pipeline (Bolt, signed
// requests, a fake Slack Web API on loopback): the check and its confirm button are ephemeral, the
// relationship chain stays out of a channel, and a member records their form in a modal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  USERS,
  bind,
  channelVisible,
  click,
  command,
  lastResponse,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from '../slack/support.ts';

let t: SlackTest;
let afterSetup = 0;
beforeEach(async () => {
  t = await startSlack();
  await bind(t);
  afterSetup = t.fake.calls.length;
});
afterEach(() => t.close());
const calls = () => t.fake.calls.slice(afterSetup);

type SlackButton = { action_id: string; value: string; text: { text: string } };
function buttonIn(args: Record<string, unknown>, label: string): SlackButton {
  const blocks = (args.blocks ?? []) as { type: string; elements?: SlackButton[] }[];
  const found = blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => e.text?.text === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(args).slice(0, 300)}`);
  return found;
}
const person = async (name: string) => {
  const p = (await t.app.stores.rosters.findPartnership('northfield'))!;
  return (await t.app.stores.rosters.loadRoster(p.id)).people.find((x) => x.name === name)!;
};

describe('on Slack', () => {
  it('appointing a related officer in the channel: an ephemeral check, then confirm; nothing reaches the channel', async () => {
    const asked = await command(t, 'appoint Sarah Whitfield as vice-chair');
    await settle(t.app);
    const answer = lastResponse(t, asked.responsePath)!;
    expect(answer.args.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Officers are not related to each other');
    // ephemeral: only the chair sees it, so the chain behind the breach is shown (as `criteria` does)
    expect(shown(answer)).toContain("Tom Whitfield is Sarah Whitfield's spouse");
    expect((await person('Sarah Whitfield')).roles).toEqual([]);

    const confirm = buttonIn(answer.args, 'Appoint anyway');
    const clicked = await click(t, confirm.action_id, confirm.value, { ephemeral: true });
    await settle(t.app);
    expect(shown(lastResponse(t, clicked.responsePath))).toContain(
      'Done: Sarah Whitfield becomes vice-chair in place of David Hughes.',
    );
    expect((await person('Sarah Whitfield')).roles).toEqual(['vice-chair']);
    expect((await person('David Hughes')).roles).toEqual([]);
    expect(channelVisible(calls())).toEqual([]);
  });

  it('in a direct message the chain is shown; a member pressing the button is refused and audited', async () => {
    const asked = await command(t, 'appoint Sarah Whitfield as secretary', { channel: 'DCHAIR' });
    await settle(t.app);
    const answer = lastResponse(t, asked.responsePath)!;
    expect(shown(answer)).toContain("Tom Whitfield is Sarah Whitfield's spouse");
    const confirm = buttonIn(answer.args, 'Appoint anyway');
    const forged = await click(t, confirm.action_id, confirm.value, { user: USERS.member, ephemeral: true });
    await settle(t.app);
    expect(shown(lastResponse(t, forged.responsePath))).toContain('Only the chair or the rep can do that.');
    expect((await person('Sarah Whitfield')).roles).toEqual([]);
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'security.refused' } })).toBeGreaterThan(0);
  });

  it('a member records their signed membership form in a modal', async () => {
    const listed = await command(t, 'forms', { user: USERS.member });
    await settle(t.app);
    const own = lastResponse(t, listed.responsePath)!;
    expect(own.args.response_type).toBe('ephemeral');
    const open = buttonIn(own.args, 'Record my signed form');
    await click(t, open.action_id, open.value, { user: USERS.member, ephemeral: true });
    await settle(t.app);
    const view = t.fake.callsTo('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('membership-form.record');
    const res = await submitView(
      t,
      'membership-form.record',
      {
        signedOn: { signedOn: { type: 'plain_text_input', value: '2026-09-14' } },
        reference: { reference: { type: 'plain_text_input', value: 'Filing cabinet, folder B' } },
      },
      view.private_metadata,
      { user: USERS.member },
    );
    expect(res.status).toBe(200);
    await settle(t.app);
    expect((await person('Rosa Novak')).membershipForm).toEqual({
      signedOn: '2026-09-14',
      reference: 'Filing cabinet, folder B',
    });
    expect(channelVisible(calls())).toEqual([]);
  });
});
