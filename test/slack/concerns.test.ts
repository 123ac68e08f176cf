// A concern raised through Slack's real pipeline (signed requests, Bolt, the fake Web API on
// loopback): the form opens as a modal from the partnership's channel, the submission goes only to
// the reviewer (the rep) by direct message, the sender is told, and no channel ever sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  element: { type: string; action_id: string; options?: { value: string; text: { text: string } }[] };
}

const SECRET = 'The treasurer paid his cousin’s firm without a quote';

describe('concerns in Slack', () => {
  it('a member raises one from the channel: a private modal, only the rep is told, the channel sees nothing', async () => {
    t.fake.clear();
    await command(t, 'concern', { user: USERS.member });
    await settle(t.app);
    const [open] = t.fake.callsTo('views.open');
    const view = open!.args.view as { callback_id: string; private_metadata: string; blocks: InputBlock[] };
    expect(view.callback_id).toBe('concerns.raise');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    const about = inputs.find((b) => b.block_id === 'about')!;
    const tom = about.element.options!.find((o) => o.text.text === 'Tom Whitfield')!.value;
    const field = (b: InputBlock, value: string) =>
      b.element.type === 'static_select'
        ? { type: 'static_select', selected_option: { value } }
        : { type: b.element.type, value };
    const values: Record<string, string> = { kind: 'misuse-of-funds', about: tom, text: SECRET };
    const state = Object.fromEntries(
      inputs.map((b) => [b.block_id, { [b.element.action_id]: field(b, values[b.block_id] ?? '') }]),
    );

    t.fake.clear();
    const sent = await submitView(t, 'concerns.raise', state, view.private_metadata, { user: USERS.member });
    expect(sent.status).toBe(200);
    await settle(t.app);
    const everything = t.fake.calls.map(shown).join('\n');
    expect(everything).toContain('has gone privately to Sam Taylor');
    expect(everything).toContain('info@localtrust.org.uk');
    expect(everything).toContain('paid his cousin');
    expect(channelVisible(t.fake.calls).join('\n')).not.toMatch(/treasurer paid|concern/i);

    const concern = (await t.app.database.db.concern.findFirst())!;
    const rep = (await t.app.database.db.person.findFirst({ where: { name: 'Sam Taylor' } }))!;
    expect(concern).toMatchObject({ kind: 'misuse-of-funds', reviewerId: rep.id, status: 'open', text: SECRET });
  });

  it('the treasurer it is about cannot read or close it', async () => {
    const concern = (await t.app.database.db.concern.findFirst())!;
    t.fake.clear();
    const list = await command(t, 'concerns', { channel: 'DTREAS', user: USERS.treasurer });
    await settle(t.app);
    const answer = shown(lastResponse(t, list.responsePath));
    expect(answer).toContain('You have not raised any concern.');
    expect(answer).not.toContain('treasurer paid');
    expect(concern.status).toBe('open');
  });
});
