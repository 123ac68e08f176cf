// The policies register through Slack's real pipeline (signed requests, Bolt, the fake Web API on
// loopback): the chair records a policy with the modal, a member lists the register, and the
// review reminders (the scheduler's job, run with an explicit `now`) reach the chair and the rep
// by direct message, a month before and on the day, once each; never the channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../fakes/slack-api.ts';
import {
  bind,
  channelVisible,
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

/** What went to one person by direct message (their DM channel, or their user id as channel). */
const directTo = (calls: Call[], user: { id: string }): string[] =>
  calls
    .filter((c) => c.method === 'chat.postMessage' && [user.id, `D${user.id}`].includes(String(c.args.channel)))
    .map(shown);

describe('policies in Slack', () => {
  it('the chair records one with the modal; a bad date is explained and nothing is saved', async () => {
    t.fake.clear();
    await command(t, 'policies add');
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    const view = open!.args.view as { callback_id: string; private_metadata: string; blocks: InputBlock[] };
    expect(view.callback_id).toBe('policies.save');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(['kind', 'name', 'adoptedOn', 'reviewOn', 'link']);
    const state = (values: Record<string, string>) =>
      Object.fromEntries(
        inputs.map((b) => {
          const v = values[b.block_id] ?? b.element.initial_value ?? b.element.initial_option?.value ?? '';
          const value =
            b.element.type === 'static_select'
              ? { type: 'static_select', selected_option: v ? { value: v } : null }
              : { type: b.element.type, value: v };
          return [b.block_id, { [b.element.action_id]: value }];
        }),
      );

    t.fake.clear();
    const bad = await submitView(
      t,
      'policies.save',
      state({ kind: 'code-of-conduct', adoptedOn: '31/02/2025', reviewOn: '2027-03-01' }),
      view.private_metadata,
    );
    expect(bad.status).toBe(200);
    await settle(t.app);
    // the modal stays open, the problem under the date's input
    const answer = (await bad.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors).toEqual({ adoptedOn: expect.stringMatching(/^“31\/02\/2025” is not a date/) });
    expect(await t.app.database.db.policy.count()).toBe(0);

    t.fake.clear();
    const ok = await submitView(
      t,
      'policies.save',
      state({
        kind: 'code-of-conduct',
        adoptedOn: '1 March 2025',
        reviewOn: '1/3/2027',
        link: 'https://example.org/coc.pdf',
      }),
      view.private_metadata,
    );
    expect(ok.status).toBe(200);
    await settle(t.app);
    expect(t.fake.calls.map(shown).join('\n')).toContain('Recorded: Code of conduct.');
    expect(channelVisible(t.fake.calls)).toEqual([]);
    expect(await t.app.database.db.policy.findFirst()).toMatchObject({
      kind: 'code-of-conduct',
      name: 'Code of conduct',
      link: 'https://example.org/coc.pdf',
    });
    expect(await t.app.database.db.auditEvent.count({ where: { action: 'policy.add' } })).toBe(1);
  });

  it('a member lists them, privately, without the chair’s buttons', async () => {
    t.fake.clear();
    const read = await command(t, 'policies', { user: USERS.member });
    await settle(t.app);
    const answer = shown(lastResponse(t, read.responsePath));
    expect(answer).toContain('Local policies of Northfield Big Local');
    expect(answer).toContain('Code of conduct: adopted 1 March 2025; next review 1 March 2027');
    expect(answer).toContain('Not recorded: conflicts of interest policy.');
    expect(answer).not.toContain('Record a policy');
    expect(channelVisible(t.fake.calls)).toEqual([]);
  });

  it('reminds the chair and the rep by direct message a month before and on the day, once each', async () => {
    const job = t.app.scheduler.jobs.find((j) => j.name === 'policy-reviews')!;
    t.fake.clear();
    await t.app.scheduler.tick(job, new Date('2027-01-31T09:15:00Z'));
    await settle(t.app);
    expect(directTo(t.fake.calls, USERS.chair)).toEqual([]);

    await t.app.scheduler.tick(job, new Date('2027-02-01T09:15:00Z'));
    await t.app.scheduler.tick(job, new Date('2027-02-01T10:15:00Z')); // a second run: nothing more
    await settle(t.app);
    for (const who of [USERS.chair, USERS.rep]) {
      const sent = directTo(t.fake.calls, who);
      expect(sent, who.name).toHaveLength(1);
      expect(sent[0]).toContain('is due for review in a month, on 1 March 2027');
    }
    for (const who of [USERS.member, USERS.treasurer, USERS.worker]) expect(directTo(t.fake.calls, who)).toEqual([]);

    t.fake.clear();
    await t.app.scheduler.tick(job, new Date('2027-03-01T09:15:00Z'));
    await t.app.scheduler.tick(job, new Date('2027-03-02T09:15:00Z'));
    await settle(t.app);
    for (const who of [USERS.chair, USERS.rep]) {
      const sent = directTo(t.fake.calls, who);
      expect(sent, who.name).toHaveLength(1);
      expect(sent[0]).toContain('is due for review (1 March 2027)');
    }
    expect(channelVisible(t.fake.calls)).toEqual([]);
    expect(await t.app.database.db.scheduledSend.count({ where: { kind: 'policy-review', status: 'sent' } })).toBe(4);
  });
});
