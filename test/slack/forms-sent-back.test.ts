// The concern, outcome, policy, settings and review forms sent with a mistake, through Slack's real
// pipeline (signed requests, Bolt, the fake Web API on loopback): the submission is answered with
// `response_action: errors`, each problem under its input in the modal as the person left it (or
// the modal redrawn when a problem is of the whole form, what was typed kept); nothing is posted
// anywhere else and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../fakes/slack-api.ts';
import { FakeClock } from '../support/fake-clock.ts';
import {
  bind,
  channelVisible,
  click,
  command,
  settle,
  startSlack,
  submitView,
  USERS,
  type SlackTest,
} from './support.ts';

let t: SlackTest;
beforeAll(async () => {
  // in the review season (September to December), so the review's forms open
  t = await startSlack({}, undefined, undefined, new FakeClock('2026-10-05T10:00:00Z'));
  await bind(t);
});
afterAll(() => t.close());

interface InputBlock {
  type: string;
  block_id: string;
  element: {
    type: string;
    action_id: string;
    initial_value?: string;
    initial_option?: { value: string };
    initial_options?: { value: string }[];
    options?: { value: string; text: { text: string } }[];
  };
}
interface Modal {
  callback_id: string;
  private_metadata: string;
  blocks: InputBlock[];
}

/** The modal the last `views.open` showed. */
const opened = (): Modal => t.fake.callsTo('views.open').at(-1)!.args.view as Modal;

/** view.state.values as Slack sends them: every input as the person left it, `typed` over the modal's own. */
function stateOf(modal: Modal, typed: Record<string, string | string[]>) {
  const inputs = modal.blocks.filter((b) => b.type === 'input');
  return Object.fromEntries(
    inputs.map((b) => {
      const e = b.element;
      const v = typed[b.block_id] ?? e.initial_value ?? e.initial_option?.value ?? '';
      const value =
        e.type === 'static_select'
          ? { type: e.type, selected_option: v ? { value: v } : null }
          : e.type === 'multi_static_select'
            ? {
                type: e.type,
                selected_options: (Array.isArray(v) ? v : (e.initial_options ?? []).map((o) => o.value)).map(
                  (value) => ({ value }),
                ),
              }
            : { type: e.type, value: Array.isArray(v) ? v.join(',') : v };
      return [b.block_id, { [e.action_id]: value }];
    }),
  );
}

/** Sends the modal as Slack does (with its blocks) and reads the acknowledgement's body. */
async function submit(modal: Modal, typed: Record<string, string | string[]>, user = USERS.chair) {
  t.fake.clear();
  const res = await submitView(t, modal.callback_id, stateOf(modal, typed), modal.private_metadata, {
    user,
    blocks: modal.blocks,
  });
  expect(res.status).toBe(200);
  await settle(t.app);
  const text = await res.text();
  // an empty acknowledgement closes the modal
  return (text ? JSON.parse(text) : {}) as {
    response_action: string;
    errors?: Record<string, string>;
    view?: { blocks: { type: string; block_id?: string; text?: { text: string }; element?: InputBlock['element'] }[] };
  };
}

/** Nothing else was said: no message, no ephemeral, no new modal. */
function saidNothingElse(calls: Call[]) {
  for (const method of ['chat.postMessage', 'chat.postEphemeral', 'views.open'])
    expect(calls.filter((c) => c.method === method)).toEqual([]);
  expect(calls.filter((c) => c.method === 'response_url')).toEqual([]);
}

const SECRET = 'The treasurer paid his cousin’s firm without a quote';

describe('forms sent back in Slack, each problem under its input', () => {
  it('a concern without what happened: the error under “What happened”, privately; nothing recorded', async () => {
    t.fake.clear();
    await command(t, 'concern', { user: USERS.member });
    await settle(t.app);
    const modal = opened();
    expect(modal.callback_id).toBe('concerns.raise');
    const body = await submit(modal, { kind: 'code-of-conduct', text: '   ' }, USERS.member);
    expect(body).toEqual({
      response_action: 'errors',
      errors: { text: 'Say what the concern is about, in your own words' },
    });
    saidNothingElse(t.fake.calls);
    expect(channelVisible(t.fake.calls)).toEqual([]);
    expect(await t.app.database.db.concern.count()).toBe(0);
  });

  it('the reviewer closing a concern without an outcome: the error under “Outcome”; still open', async () => {
    t.fake.clear();
    await command(t, 'concern', { user: USERS.member });
    await settle(t.app);
    const raised = await submit(opened(), { kind: 'misuse-of-funds', text: SECRET }, USERS.member);
    expect(raised.response_action).toBeUndefined();
    const concern = (await t.app.database.db.concern.findFirst())!;

    t.fake.clear();
    await click(t, 'concerns.outcome', concern.id, { user: USERS.rep, channel: 'DUREP' });
    await settle(t.app);
    const modal = opened();
    expect(modal.callback_id).toBe('concerns.outcome');
    const body = await submit(modal, { outcome: '  ' }, USERS.rep);
    expect(body).toEqual({
      response_action: 'errors',
      errors: { outcome: 'Say what was done or decided, in a sentence or two' },
    });
    saidNothingElse(t.fake.calls);
    expect(channelVisible(t.fake.calls)).toEqual([]);
    expect((await t.app.database.db.concern.findFirst())!.status).toBe('open');
  });

  it('a policy with a date that is not one: the error under “Adopted on”; nothing saved', async () => {
    t.fake.clear();
    await command(t, 'policies add');
    await settle(t.app);
    const body = await submit(opened(), { kind: 'code-of-conduct', adoptedOn: '31/02/2025', reviewOn: 'soon' });
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors!).sort()).toEqual(['adoptedOn', 'reviewOn']);
    expect(body.errors!.adoptedOn).toMatch(/^“31\/02\/2025” is not a date/);
    expect(body.errors!.reviewOn).toMatch(/^“soon” is not a date/);
    saidNothingElse(t.fake.calls);
    expect(await t.app.database.db.policy.count()).toBe(0);
  });

  it('settings with a quorum it cannot read: the error under “Quorum”; nothing saved', async () => {
    t.fake.clear();
    await command(t, 'settings change', { channel: 'DCHAIR' });
    await settle(t.app);
    const body = await submit(opened(), { quorum: 'half', quietFrom: '8pm' });
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        quorum: 'Must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
        quietFrom: 'Must be a 24-hour time HH:MM, e.g. 09:00',
      },
    });
    saidNothingElse(t.fake.calls);
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'settings.update' } })).toBe(0);
  });

  it('the review season with a deadline that is not a date: the error under “Deadline”; nothing saved', async () => {
    t.fake.clear();
    await command(t, 'review settings', { channel: 'DCHAIR' });
    await settle(t.app);
    const modal = opened();
    expect(modal.callback_id).toBe('review.settings');
    const body = await submit(modal, { deadline: '31-12' });
    expect(body).toEqual({
      response_action: 'errors',
      errors: { deadline: 'The deadline is not a date in the calendar' },
    });
    saidNothingElse(t.fake.calls);
    const partnership = await t.app.stores.rosters.findPartnership('northfield');
    expect(partnership!.settings.review.deadline).toBe('12-31');
  });

  it('review answers with a comment too long: the error under that comment; nothing saved', async () => {
    t.fake.clear();
    await command(t, 'review answer', { channel: 'DUREP', user: USERS.rep });
    await settle(t.app);
    const modal = opened();
    expect(modal.callback_id).toBe('review.answers');
    const body = await submit(
      modal,
      { 'reflects-community': 'yes', 'ethos-values.comment': 'x'.repeat(3100) },
      USERS.rep,
    );
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({ 'ethos-values.comment': expect.stringMatching(/^The comment is 3100 characters/) });
    saidNothingElse(t.fake.calls);
    expect(await t.app.database.db.reviewAnswer.count()).toBe(0);
  });

  it('review answers with nothing in them: the modal redrawn with the problem on top, nothing saved', async () => {
    t.fake.clear();
    await command(t, 'review answer', { channel: 'DUREP', user: USERS.rep });
    await settle(t.app);
    const body = await submit(opened(), {}, USERS.rep);
    expect(body.response_action).toBe('update');
    const text = JSON.stringify(body.view!.blocks.filter((b) => b.type === 'section'));
    expect(text).toContain('Nothing to save: choose Yes, Partly or No for at least one question, or write a comment.');
    expect(body.view!.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toContain('reflects-community');
    saidNothingElse(t.fake.calls);
    expect(await t.app.database.db.reviewAnswer.count()).toBe(0);
  });
});
