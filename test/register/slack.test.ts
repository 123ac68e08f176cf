// The register and the conflict check through the real Slack pipeline (Bolt, signed requests, a
// fake Slack Web API on loopback): forms open as modals, private answers stay ephemeral, and
// only the redacted summary is ever shown to the channel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SENSITIVE } from './support.ts';
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
  afterSetup = t.fake.calls.length; // the channel saw "This channel is now linked": not ours
});
const calls = () => t.fake.calls.slice(afterSetup);
afterEach(async () => {
  await t.close();
});

type SlackButton = { action_id: string; value: string; text: { text: string } };
function buttonIn(args: Record<string, unknown>, label: string): SlackButton {
  const blocks = (args.blocks ?? []) as { type: string; elements?: SlackButton[] }[];
  const found = blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => e.text?.text === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(args).slice(0, 300)}`);
  return found;
}

describe('on Slack', () => {
  it('the check is ephemeral; "Share summary" posts only names and kinds of reason to the channel', async () => {
    const asked = await command(t, 'coi Riverside Youth Trust; Northfield Community Café Ltd');
    await settle(t.app);
    const answer = lastResponse(t, asked.responsePath)!;
    expect(answer.args.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('trustee since 2021');
    expect(channelVisible(calls())).toEqual([]);

    const share = buttonIn(answer.args, 'Share summary');
    await click(t, share.action_id, share.value, { ephemeral: true });
    await settle(t.app);
    const visible = channelVisible(calls());
    expect(visible).toHaveLength(1);
    expect(visible[0]).toContain('Priya Patel: loyalty interest');
    expect(visible[0]).toContain('Tom Whitfield: indirect financial interest');
    for (const pattern of SENSITIVE) expect(visible[0]).not.toMatch(pattern);
  });

  it('a member adds an interest through a modal, and sees it only in an ephemeral reply', async () => {
    const listed = await command(t, 'interests', { user: USERS.member });
    await settle(t.app);
    const register = lastResponse(t, listed.responsePath)!;
    expect(register.args.response_type).toBe('ephemeral');
    const add = buttonIn(register.args, 'Add an interest');
    await click(t, add.action_id, add.value, { user: USERS.member, ephemeral: true });
    await settle(t.app);
    const opened = t.fake.callsTo('views.open').at(-1)!;
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('interests.add');

    const res = await submitView(
      t,
      'interests.add',
      {
        organisation: { organisation: { type: 'plain_text_input', value: 'Northfield Allotment Society' } },
        kind: { kind: { type: 'static_select', selected_option: { value: 'member' } } },
        detail: { detail: { type: 'plain_text_input', value: 'plot 12' } },
      },
      view.private_metadata,
      { user: USERS.member },
    );
    expect(res.status).toBe(200);
    await settle(t.app);
    const rosa = (
      await t.app.stores.rosters.loadRoster((await t.app.stores.rosters.findPartnership('northfield'))!.id)
    ).people.find((p) => p.name === 'Rosa Novak')!;
    expect((await t.app.stores.register.interestsOf(rosa.id)).map((i) => i.organisation)).toContain(
      'Northfield Allotment Society',
    );
    expect(JSON.stringify(calls())).toContain('plot 12'); // shown to Rosa...
    expect(channelVisible(calls()).join('\n')).not.toContain('plot 12'); // ...and never to the channel
  });
});
