// A decision taken at a meeting, recorded through Slack: the real server, Bolt's pipeline and the
// modal renderer, with the Web API faked on loopback. The secretary opens the modal, someone with
// a conflict recorded as voting brings it back with the flag and a box to tick (nothing saved),
// and ticking it saves the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { CHANNEL, command, settle, shown, startSlack, submitView, type SlackTest } from './support.ts';
import { ROSTER_USERS as U } from './decision-support.ts';
import { TestClock, TUESDAY } from '../decisions/world.ts';

let t: SlackTest;
let ids: Map<string, string>;

beforeAll(async () => {
  const fake = await startFakeSlackApi(Object.values(U));
  // the Tuesday after the meeting: the test passes its own time, never the wall clock's
  t = await startSlack({}, fake, undefined, new TestClock(new Date(TUESDAY)));
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
  const people = await t.app.database.db.person.findMany({ select: { id: true, name: true } });
  ids = new Map(people.map((p) => [p.name, p.id]));
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

const idOf = (name: string) => ids.get(name)!;
const text = (value: string) => ({ type: 'plain_text_input', value });
const many = (names: string[]) => ({
  type: 'multi_static_select',
  selected_options: names.map((n) => ({ value: idOf(n) })),
});

/** view.state.values as Slack reports the meeting modal (block id and action id are the field id). */
function meetingState(confirm?: boolean): Record<string, Record<string, unknown>> {
  const fields: Record<string, unknown> = {
    date: text('2026-10-15'),
    title: text('Community café catering contract'),
    kind: { type: 'static_select', selected_option: { value: 'procurement' } },
    organisations: text('Northfield Community Café Ltd'),
    present: many(['Margaret Okafor', 'Priya Patel', 'Tom Whitfield', 'Sarah Whitfield', 'Aisha Rahman']),
    declarations: text('Sarah Whitfield: direct financial: Northfield Community Café Ltd: café manager'),
    left: many(['Sarah Whitfield']),
    result: { type: 'static_select', selected_option: { value: 'vote' } },
    for: { type: 'number_input', value: '3' },
    against: { type: 'number_input', value: '1' },
    abstain: { type: 'number_input', value: '0' },
    outcome: text('Agreed to award the catering contract for one year.'),
    ...(confirm === undefined
      ? {}
      : { confirm: { type: 'checkboxes', selected_options: confirm ? [{ value: 'true' }] : [] } }),
  };
  return Object.fromEntries(Object.entries(fields).map(([id, v]) => [id, { [id]: v }]));
}

describe('recording a meeting decision in Slack', () => {
  let metadata = '';

  it('/partnership meeting opens the modal for the secretary, with the roster to pick from', async () => {
    t.fake.clear();
    const { res } = await command(t, 'meeting', { user: U.priya });
    expect(res.status).toBe(200);
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    const view = open!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: { type: string; options?: { value: string }[] } }[];
    };
    expect(view.callback_id).toBe('decision.meeting');
    metadata = view.private_metadata;
    const present = view.blocks.find((b) => b.block_id === 'present')!;
    expect(present.element?.type).toBe('multi_static_select');
    expect(present.element?.options?.map((o) => o.value)).toContain(idOf('Tom Whitfield'));
  });

  it('a member without the role is told who can', async () => {
    t.fake.clear();
    const { res } = await command(t, 'meeting', { user: U.rosa });
    expect(res.status).toBe(200);
    await settle(t.app);
    expect(t.fake.callsTo('views.open')).toEqual([]);
    expect(JSON.stringify(t.fake.calls)).toContain(
      'Only the chair or the secretary can record a decision taken at a meeting.',
    );
  });

  it('someone with a conflict recorded as voting keeps the modal open with the flag and a box to tick; nothing is saved', async () => {
    t.fake.clear();
    const res = await submitView(t, 'decision.meeting', meetingState(), metadata, { user: U.priya as never });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      response_action: string;
      view: { callback_id: string; blocks: { type: string; block_id?: string }[] };
    };
    await settle(t.app);
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe('decision.meeting');
    const said = JSON.stringify(body.view.blocks);
    expect(said).toContain('Nothing is saved yet');
    expect(said).toMatch(/Tom Whitfield: indirect financial interest/);
    expect(body.view.blocks.some((b) => b.block_id === 'confirm')).toBe(true);
    expect(await t.app.database.db.decision.count()).toBe(0);
  });

  it('ticking the box saves it, closed on the day of the meeting, and says so privately', async () => {
    t.fake.clear();
    const res = await submitView(t, 'decision.meeting', meetingState(true), metadata, { user: U.priya as never });
    expect(res.status).toBe(200);
    await settle(t.app);
    const row = await t.app.database.db.decision.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', closeReason: 'meeting', title: 'Community café catering contract' });
    expect(JSON.parse(row.meeting!)).toMatchObject({
      heldOn: '2026-10-15',
      left: [idOf('Sarah Whitfield')],
      result: { by: 'vote', for: 3, against: 1, abstain: 0 },
      flagged: [{ personId: idOf('Tom Whitfield') }],
    });
    const told = t.fake.calls.map((c) => shown(c)).join('\n');
    expect(told).toContain('Recorded: Decision 1 (“Community café catering contract”), taken at a meeting.');
    // nothing of it went to the channel
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toEqual([]);
  });
});
