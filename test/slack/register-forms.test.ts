// The register's forms sent with a mistake, through the real Bolt pipeline (signed requests, a
// fake Slack Web API on loopback): the submission is answered with `response_action: errors`,
// each problem under its input in the modal as the person left it (what was typed stays), or,
// for a problem of the whole form, the modal redrawn with the problem on top and the choices
// kept. Nothing is saved, and nothing is posted anywhere else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeUser } from '../fakes/slack-api.ts';
import { USERS, bind, click, settle, startSlack, submitView, type SlackTest } from './support.ts';

let t: SlackTest;
beforeEach(async () => {
  t = await startSlack();
  await bind(t);
});
afterEach(async () => {
  await t.close();
});

interface ModalBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text: string }[];
  element?: {
    type: string;
    initial_value?: string;
    initial_option?: { value: string };
    options?: { value: string; text: { text: string } }[];
  };
}
interface Modal {
  callback_id: string;
  private_metadata: string;
  blocks: ModalBlock[];
}

/** The modal the last click opened. */
const opened = (): Modal => t.fake.callsTo('views.open').at(-1)!.args.view as Modal;

/** A click on a button of a private reply, then the modal it opened. */
async function openWith(user: FakeUser, actionId: string, value: string): Promise<Modal> {
  await click(t, actionId, value, { user, ephemeral: true });
  await settle(t.app);
  return opened();
}

/** The modal's state as Slack sends it: each input's typed text or chosen option. */
function stateOf(modal: Modal, typed: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of modal.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const value = typed[b.block_id] ?? '';
    state[b.block_id] = {
      [b.block_id]:
        b.element.type === 'static_select'
          ? { type: 'static_select', selected_option: value ? { value } : null }
          : { type: 'plain_text_input', value },
    };
  }
  return state;
}

/** Sends the modal back with what was typed; the acknowledgement's body. */
async function send(user: FakeUser, modal: Modal, typed: Record<string, string>) {
  t.fake.clear();
  const res = await submitView(t, modal.callback_id, stateOf(modal, typed), modal.private_metadata, {
    user,
    blocks: modal.blocks,
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { response_action: string; errors?: Record<string, string>; view?: Modal };
  await settle(t.app);
  return body;
}

/** Nothing went anywhere but the modal: no new modal, no message, no ephemeral reply. */
function nothingElseSent(): void {
  expect(t.fake.callsTo('views.open')).toEqual([]);
  expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  expect(t.fake.callsTo('chat.postEphemeral')).toEqual([]);
  expect(t.fake.calls.filter((c) => c.method === 'response_url')).toEqual([]);
}

const personId = async (name: string): Promise<string> =>
  (await t.app.database.db.person.findFirstOrThrow({ where: { name } })).id;

describe('register forms with a mistake come back with each problem under its field, on Slack', () => {
  it('an interest: the problem under “Organisation”, the modal left as typed; nothing saved', async () => {
    const modal = await openWith(USERS.member, 'interests.add', 'new');
    expect(modal.callback_id).toBe('interests.add');
    const body = await send(USERS.member, modal, { organisation: '***', kind: 'volunteer', detail: 'Saturdays' });
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({ organisation: 'Needs at least one letter or digit' });
    expect(await t.app.database.db.interest.count({ where: { organisation: '***' } })).toBe(0);
    nothingElseSent();
  });

  it('a relationship: the problem under “Second person”; one already recorded is shown on top, the choices kept', async () => {
    const modal = await openWith(USERS.chair, 'relationships.add', 'new');
    const rosa = await personId('Rosa Novak');
    const before = await t.app.database.db.relationship.count();
    const same = await send(USERS.chair, modal, { from: rosa, kind: 'sibling', to: rosa });
    expect(same.response_action).toBe('errors');
    expect(same.errors).toEqual({
      to: 'Choose someone other than Rosa Novak: a relationship is between two different people',
    });
    nothingElseSent();

    // Tom is Sarah's spouse already: about no one field, so the modal is redrawn with it on top
    const [tom, sarah] = [await personId('Tom Whitfield'), await personId('Sarah Whitfield')];
    const duplicate = await send(USERS.chair, modal, { from: sarah, kind: 'spouse', to: tom });
    expect(duplicate.response_action).toBe('update');
    const blocks = duplicate.view!.blocks;
    expect(JSON.stringify(blocks.filter((b) => b.type === 'section'))).toContain(
      'That is already recorded: Sarah Whitfield is Tom Whitfield’s spouse.',
    );
    const chosen = (id: string) => blocks.find((b) => b.block_id === id)?.element?.initial_option?.value;
    expect([chosen('from'), chosen('kind'), chosen('to')]).toEqual([sarah, 'spouse', tom]);
    expect(await t.app.database.db.relationship.count()).toBe(before);
    nothingElseSent();
  });

  it('two names for one organisation: the problem under “Is also known as”; nothing linked', async () => {
    const modal = await openWith(USERS.chair, 'organisations.alias', 'new');
    const known = modal.blocks.find((b) => b.block_id === 'organisation')!.element!.options![0]!;
    const body = await send(USERS.chair, modal, { organisation: known.value, alias: '!!!' });
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({ alias: 'Type the other name, with at least one letter or digit' });
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'organisation.alias' } })).toBe(0);
    nothingElseSent();
  });

  it('a signed membership form: the problem under “Date signed”; nothing recorded', async () => {
    const modal = await openWith(USERS.member, 'membership-form.open', await personId('Rosa Novak'));
    expect(modal.callback_id).toBe('membership-form.record');
    const body = await send(USERS.member, modal, { signedOn: '31/02/2026', reference: 'Filing cabinet B' });
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors!)).toEqual(['signedOn']);
    expect(body.errors!.signedOn).toContain('is not a date: write it as YYYY-MM-DD (2026-09-14)');
    const rosa = await t.app.database.db.person.findFirstOrThrow({ where: { name: 'Rosa Novak' } });
    expect(JSON.stringify(rosa)).not.toContain('Filing cabinet B');
    nothingElseSent();
  });
});
