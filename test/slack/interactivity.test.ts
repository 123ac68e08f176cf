// Buttons, the App Home tab and modals, through the real server and Bolt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackOf } from '../../adapters/slack/index.ts';
import { OPEN_FORM_ACTION } from '../../adapters/slack/pending-forms.ts';
import type { Block } from '../../src/domain/chat/reply.ts';
import {
  CHANNEL,
  TEAM,
  USERS,
  bind,
  click,
  clickBody,
  lastResponse,
  sendEvent,
  sendForm,
  settle,
  shown,
  startSlack,
  submitView,
  type SlackTest,
} from './support.ts';

let t: SlackTest;
beforeAll(async () => {
  t = await startSlack();
  await bind(t);
});
afterAll(() => t.close());

async function press(actionId: string, value: string, o: Parameters<typeof click>[3] = {}) {
  t.fake.clear();
  const c = await click(t, actionId, value, o);
  expect(c.res.status).toBe(200);
  await settle(t.app);
  return { ...c, answer: lastResponse(t, c.responsePath) };
}

describe('buttons in messages', () => {
  it('“Show details” on a channel message answers only the person who clicked', async () => {
    const { answer } = await press('criteria.details', 'details', { user: USERS.chair });
    expect(answer!.args.response_type).toBe('ephemeral');
    expect(answer!.args.replace_original).toBe(false);
    expect(shown(answer)).toContain('In criteria: 11 members');
    expect(t.fake.callsTo('chat.update')).toEqual([]);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('run.criteria and run.roster run the commands', async () => {
    expect(shown((await press('run.criteria', 'criteria', { ephemeral: true })).answer)).toContain(
      'In criteria: 11 members',
    );
    expect(shown((await press('run.roster', 'roster', { ephemeral: true })).answer)).toContain(
      'Who is on Northfield Big Local',
    );
  });

  it('a repeated action id (made unique with ~n for Slack) routes to the same action', async () => {
    expect(shown((await press('run.roster~2', 'roster', { ephemeral: true })).answer)).toContain(
      'Who is on Northfield Big Local',
    );
  });

  it('an unknown button says it is too old to act on', async () => {
    expect(shown((await press('poll.vote', 'no-such-decision')).answer)).toContain(
      'That button is from an older message',
    );
  });

  it('a click delivered twice is handled once', async () => {
    t.fake.clear();
    const { body, responsePath } = clickBody(t, 'run.roster', 'roster', { ephemeral: true });
    await sendForm(t, body);
    await sendForm(t, body);
    await settle(t.app);
    expect(t.fake.calls.filter((c) => c.method === 'response_url' && c.target === responsePath)).toHaveLength(1);
  });

  it('an unknown person clicking gets told how to get linked', async () => {
    expect(shown((await press('run.criteria', 'criteria', { user: USERS.stranger })).answer)).toContain(
      'I don’t know who you are yet',
    );
  });
});

describe('App Home', () => {
  const open = async (user = USERS.chair, tab = 'home') => {
    t.fake.clear();
    await sendEvent(t, { type: 'app_home_opened', user: user.id, channel: `D${user.id}`, tab, event_ts: '1.2' });
    await settle(t.app);
    return t.fake.callsTo('views.publish');
  };

  it('shows the person’s role, the criteria status, open decisions and buttons', async () => {
    const [publish] = await open();
    expect(publish!.args.user_id).toBe(USERS.chair.id);
    const view = publish!.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view);
    expect(text).toContain('Northfield Big Local');
    expect(text).toContain('Your role');
    expect(text).toContain('chair');
    expect(text).toMatch(/In criteria|Not in criteria/);
    expect(text).toContain('No decisions are open at the moment.');
    expect(text).toContain('run.criteria');
    expect(text).toContain('run.roster');
  });

  it('lists the partnership’s open decisions', async () => {
    const db = t.app.database.db;
    const p = (await t.app.stores.rosters.findPartnership('northfield'))!;
    const chair = (await t.app.stores.directory.findByEmail(USERS.chair.email))[0]!;
    const base = {
      partnershipId: p.id,
      kind: 'general',
      options: '["Yes","No"]',
      ballot: 'open',
      visibility: 'partnership',
      rules: '{}',
      createdById: chair.personId,
    };
    await db.decision.create({
      data: { ...base, number: 7, title: 'Fund the summer playscheme', closesAt: new Date('2030-06-01T17:00:00Z') },
    });
    await db.decision.create({
      data: { ...base, number: 8, title: 'A closed one', status: 'closed', closesAt: new Date('2020-01-01T00:00:00Z') },
    });
    const [publish] = await open();
    const text = JSON.stringify(publish!.args.view);
    expect(text).toContain('Decision 7: Fund the summer playscheme (closes Sat 1 Jun, 6pm)');
    expect(text).not.toContain('A closed one');
  });

  it('explains how to get linked to someone the roster does not know', async () => {
    const [publish] = await open(USERS.stranger);
    const text = JSON.stringify(publish!.args.view);
    expect(text).toContain('I don’t know who you are yet');
    expect(text).toContain('/partnership link');
    expect(text).not.toContain('Northfield');
  });

  it('the Messages tab publishes nothing', async () => {
    expect(await open(USERS.chair, 'messages')).toEqual([]);
  });

  it('a button on the Home tab shows the answer on the tab', async () => {
    t.fake.clear();
    await click(t, 'run.criteria', 'criteria', { home: true });
    await settle(t.app);
    const [publish] = t.fake.callsTo('views.publish');
    const text = JSON.stringify(publish!.args.view);
    expect(text).toContain('In criteria: 11 members');
    expect(text).toContain('Your role');
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('a long answer on the tab keeps up to Slack’s 100 blocks (a message only 50), then says how much was left out', async () => {
    const parts = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ kind: 'heading', text: `Part ${i}` }));
    const published = async (answer: Block[]) => {
      t.fake.clear();
      await slackOf(t.app)!.home.publish(TEAM, USERS.chair.id, answer);
      return (t.fake.callsTo('views.publish')[0]!.args.view as { blocks: { type: string }[] }).blocks;
    };
    const fits = await published(parts(70));
    expect(fits.length).toBeGreaterThan(70);
    expect(fits.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(fits)).toContain('Part 69');
    expect(JSON.stringify(fits)).toContain('Your role');
    const cut = await published(parts(150));
    expect(cut).toHaveLength(100);
    expect(JSON.stringify(cut.at(-1))).toMatch(/more parts of this reply did not fit: Slack shows at most 100 blocks/);
  });
});

describe('forms (modals)', () => {
  const form = {
    id: 'test.form',
    title: 'Declare an interest',
    submitLabel: 'Declare',
    context: 'decision-42',
    fields: [
      { id: 'organisation', label: 'Organisation', type: 'text' as const, required: true },
      {
        id: 'kind',
        label: 'Kind',
        type: 'select' as const,
        options: [
          { value: 'trustee', label: 'Trustee' },
          { value: 'employee', label: 'Employee' },
        ],
      },
    ],
  };

  it('a form button opens the modal with the trigger id of the click', async () => {
    const button = slackOf(t.app)!.forms.button(form, { channelId: CHANNEL, kind: 'channel' });
    t.fake.clear();
    const { triggerId } = await click(t, OPEN_FORM_ACTION, button.value!);
    await settle(t.app);
    const [openCall] = t.fake.callsTo('views.open');
    expect(openCall!.args.trigger_id).toBe(triggerId);
    const view = openCall!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string }[];
    };
    expect(view.callback_id).toBe('test.form');
    expect(JSON.parse(view.private_metadata)).toEqual({ c: 'decision-42', ch: CHANNEL, k: 'channel' });
    expect(view.blocks.map((b) => b.block_id)).toEqual(['organisation', 'kind']);
  });

  it('an expired form button says so', async () => {
    const { answer } = await press(OPEN_FORM_ACTION, 'no-such-form');
    expect(shown(answer)).toContain('That form has expired');
  });

  it('a submission reaches the core with the form id, values and context; the answer goes to the channel it came from, privately', async () => {
    t.fake.clear();
    const values = {
      organisation: { organisation: { type: 'plain_text_input', value: 'Riverside Youth Trust' } },
      kind: { kind: { type: 'static_select', selected_option: { value: 'trustee' } } },
    };
    const res = await submitView(
      t,
      'test.form',
      values,
      JSON.stringify({ c: 'decision-42', ch: CHANNEL, k: 'channel' }),
    );
    expect(res.status).toBe(200);
    await settle(t.app);
    const [post] = t.fake.callsTo('chat.postEphemeral');
    expect(post!.args.channel).toBe(CHANNEL);
    expect(post!.args.user).toBe(USERS.chair.id);
    // no form called test.form is registered in the core: it answers that it cannot act on it
    expect(shown(post)).toContain('That button is from an older message');
  });
});
