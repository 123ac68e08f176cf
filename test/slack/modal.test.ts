// Forms as Slack modals and submitted modal state back as the core's values; and the translation
// of Slack payload details (markup, channel kinds, delivery keys).
import { describe, expect, it } from 'vitest';
import { formValues, formView, readMetadata } from '../../adapters/slack/render/modal.ts';
import { channelKind, cleanText, deliveryKey, isHumanMessage } from '../../adapters/slack/translate.ts';
import type { Form } from '../../src/domain/chat/reply.ts';

const form: Form = {
  id: 'poll.create',
  title: 'Start a poll for the partnership',
  submitLabel: 'Create the poll now please',
  context: 'ctx-1',
  fields: [
    {
      id: 'title',
      label: 'Question',
      type: 'text',
      required: true,
      placeholder: 'What are we deciding?',
      maxLength: 200,
    },
    { id: 'description', label: 'Background', type: 'textarea', hint: 'Optional' },
    {
      id: 'kind',
      label: 'Kind',
      type: 'select',
      options: [
        { value: 'general', label: 'General' },
        { value: 'grant', label: 'Grant' },
      ],
      initial: 'grant',
    },
    {
      id: 'orgs',
      label: 'Organisations',
      type: 'multiselect',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
      initial: 'a,b',
    },
    { id: 'closes', label: 'Closes', type: 'datetime', initial: '2030-06-01T17:00:00.000Z' },
    { id: 'quorum', label: 'Quorum', type: 'number', initial: '5' },
    { id: 'secret', label: 'Secret ballot', type: 'checkbox', initial: 'true' },
  ],
};

describe('formView', () => {
  const view = formView(form, { channelId: 'C1', kind: 'channel' });

  it('is a modal routed by the form id, within Slack’s title and button limits', () => {
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('poll.create');
    expect([...view.title.text].length).toBeLessThanOrEqual(24);
    expect([...view.submit!.text].length).toBeLessThanOrEqual(24);
    expect(readMetadata(view.private_metadata)).toEqual({
      context: 'ctx-1',
      origin: { channelId: 'C1', kind: 'channel' },
    });
  });

  it('has one input per field, of the right element type, with initial values', () => {
    const [header, ...rest] = view.blocks as {
      type: string;
      block_id: string;
      optional: boolean;
      element: Record<string, unknown>;
      text?: { text: string };
    }[];
    // the title is longer than Slack's 24 characters: cut at a word, and shown in full on top
    expect(view.title.text).toBe('Start a poll for the…');
    expect(header).toMatchObject({ type: 'header', text: { text: 'Start a poll for the partnership' } });
    const inputs = rest;
    expect(inputs.map((b) => [b.block_id, b.element.type])).toEqual([
      ['title', 'plain_text_input'],
      ['description', 'plain_text_input'],
      ['kind', 'static_select'],
      ['orgs', 'multi_static_select'],
      ['closes', 'datetimepicker'],
      ['quorum', 'number_input'],
      ['secret', 'checkboxes'],
    ]);
    expect(inputs[0]!.optional).toBe(false);
    expect(inputs[1]!.optional).toBe(true);
    expect(inputs[1]!.element.multiline).toBe(true);
    expect(inputs[2]!.element.initial_option).toEqual({
      text: { type: 'plain_text', text: 'Grant', emoji: true },
      value: 'grant',
    });
    expect((inputs[3]!.element.initial_options as unknown[]).length).toBe(2);
    expect(inputs[4]!.element.initial_date_time).toBe(Date.parse('2030-06-01T17:00:00Z') / 1000);
    expect(inputs[6]!.element.initial_options).toBeDefined();
  });

  it('reads a submission back as the core’s values', () => {
    expect(
      formValues({
        title: { title: { type: 'plain_text_input', value: 'Fund the playscheme?' } },
        description: { description: { type: 'plain_text_input', value: null } },
        kind: { kind: { type: 'static_select', selected_option: { value: 'grant' } } },
        orgs: { orgs: { type: 'multi_static_select', selected_options: [{ value: 'a' }, { value: 'b' }] } },
        closes: { closes: { type: 'datetimepicker', selected_date_time: 1906477200 } },
        quorum: { quorum: { type: 'number_input', value: '5' } },
        secret: { secret: { type: 'checkboxes', selected_options: [] } },
      }),
    ).toEqual({
      title: 'Fund the playscheme?',
      description: '',
      kind: 'grant',
      orgs: ['a', 'b'],
      closes: '2030-05-31T17:00:00.000Z',
      quorum: '5',
      secret: 'false',
    });
  });

  it('tolerates missing or broken metadata', () => {
    expect(readMetadata(undefined)).toEqual({ origin: {} });
    expect(readMetadata('not json')).toEqual({ origin: {} });
  });
});

describe('translation of Slack payloads', () => {
  it('strips the bot’s mention and Slack markup, keeps other people’s mentions', () => {
    expect(cleanText('<@UBOT> are we in   criteria?', 'UBOT')).toBe('are we in criteria?');
    expect(cleanText('link <@U123|rosa> Rosa Novak', 'UBOT')).toBe('link <@U123|rosa> Rosa Novak');
    expect(cleanText('see <#C1|general> and <https://x.org|the site> <!here>', 'UBOT')).toBe(
      'see #general and the site @here',
    );
    expect(cleanText('coi Smith &amp; Sons &lt;Ltd&gt;', 'UBOT')).toBe('coi Smith & Sons <Ltd>');
  });

  it('tells direct, group and channel conversations apart', () => {
    expect(channelKind('D123', 'im')).toBe('direct');
    expect(channelKind('D123', 'directmessage')).toBe('direct');
    expect(channelKind('G123', 'mpdm-a--b-1')).toBe('group');
    expect(channelKind('G123', 'mpim')).toBe('group');
    expect(channelKind('C123', 'general')).toBe('channel');
    expect(channelKind('G123', 'privategroup')).toBe('channel');
    expect(channelKind('D999')).toBe('direct');
  });

  it('recognises new human messages only', () => {
    expect(isHumanMessage({ user: 'U1', text: 'hi' }, 'UBOT')).toBe(true);
    expect(isHumanMessage({ user: 'U1', text: 'hi', subtype: 'thread_broadcast' }, 'UBOT')).toBe(true);
    expect(isHumanMessage({ user: 'UBOT', text: 'hi' }, 'UBOT')).toBe(false);
    expect(isHumanMessage({ user: 'U1', text: 'hi', bot_id: 'B1' }, 'UBOT')).toBe(false);
    expect(isHumanMessage({ user: 'U1', text: 'hi', subtype: 'message_changed' }, 'UBOT')).toBe(false);
    expect(isHumanMessage({ user: 'U1', subtype: 'channel_join', text: 'joined' }, 'UBOT')).toBe(false);
  });

  it('gives the same delivery the same key and a new one a new key', () => {
    const c = {
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'C1',
      command: '/partnership',
      text: 'criteria',
      trigger_id: 't1',
    };
    expect(deliveryKey.command(c)).toBe(deliveryKey.command({ ...c }));
    expect(deliveryKey.command(c)).not.toBe(deliveryKey.command({ ...c, trigger_id: 't2' }));
    expect(deliveryKey.event('Ev1', {})).toBe('slack:event:Ev1');
    const a = { action_id: 'run.roster', value: 'roster', action_ts: '1.1' };
    expect(deliveryKey.action('U1', { message_ts: '1' }, a)).toBe(
      deliveryKey.action('U1', { message_ts: '1' }, { ...a }),
    );
    expect(deliveryKey.action('U1', { message_ts: '1' }, a)).not.toBe(
      deliveryKey.action('U1', { message_ts: '1' }, { ...a, action_ts: '1.2' }),
    );
  });
});
