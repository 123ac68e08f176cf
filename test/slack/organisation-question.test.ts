// "Did you mean …?" on Slack (issue 18): the creation modal, submitted with an organisation name
// close to a known one, is updated in place with the question (nothing is opened, posted or
// recused); answered, it opens the decision. The real server and Bolt, Slack's Web API faked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { CHANNEL, command, settle, startSlack, submitView, type SlackTest } from './support.ts';
import { ROSTER_USERS as U, modalValues } from './decision-support.ts';

let t: SlackTest;

beforeAll(async () => {
  const fake = await startFakeSlackApi(Object.values(U));
  t = await startSlack({}, fake);
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
});
afterAll(async () => {
  await t.close();
  await t.fake.close();
});

type Block = {
  type: string;
  block_id?: string;
  label?: { text: string };
  text?: { text: string };
  element?: { type: string; options?: { value: string; text: { text: string } }[] };
};
const DRAFT = {
  title: 'Youth club contract',
  kind: 'procurement',
  organisations: 'Riverside Youth Trst',
  closes: 'Friday 5pm',
  ballot: 'open',
  visibility: 'live',
};
const METADATA = JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' });

describe('organisation names in the Slack creation modal', () => {
  it('asks in the modal itself, then opens the decision with the answer', async () => {
    t.fake.clear();
    const res = await submitView(t, 'decision.create', modalValues(DRAFT), METADATA, { user: U.margaret as never });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; view: { callback_id: string; blocks: Block[] } };
    await settle(t.app);
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe('decision.create');
    expect(JSON.stringify(body.view.blocks)).toContain(
      'Before the vote opens: “Riverside Youth Trst” is close to “Riverside Youth Trust”.',
    );
    const question = body.view.blocks.find((b) => b.block_id === 'same1');
    expect(question?.label?.text).toBe('Is “Riverside Youth Trst”');
    expect(question?.element?.type).toBe('static_select');
    const options = question!.element!.options!;
    expect(options.map((o) => o.text.text)).toEqual([
      'the same as “Riverside Youth Trust”',
      'a different organisation',
    ]);
    expect(await t.app.database.db.decision.count()).toBe(0);
    expect(await t.app.database.db.recusal.count()).toBe(0);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);

    const answered = await submitView(
      t,
      'decision.create',
      {
        ...modalValues(DRAFT),
        same1: { same1: { type: 'static_select', selected_option: { value: options[0]!.value } } },
      },
      METADATA,
      { user: U.margaret as never },
    );
    expect(answered.status).toBe(200);
    await settle(t.app);
    const decision = await t.app.database.db.decision.findFirstOrThrow();
    expect(JSON.parse(decision.organisations)).toEqual(['Riverside Youth Trst']);
    // the register's trustee of Riverside Youth Trust is recused, as for the known name
    expect(await t.app.database.db.recusal.count({ where: { decisionId: decision.id } })).toBeGreaterThan(0);
    const link = await t.app.database.db.organisation.findFirstOrThrow();
    expect([link.name, JSON.parse(link.aliases)]).toEqual(['Riverside Youth Trust', ['Riverside Youth Trst']]);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
  });
});
