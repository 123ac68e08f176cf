// The Block Kit renderer: every block kind of the reply model, and Slack's size limits.
import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlocks, renderMessage, slackButton, type RenderOptions } from '../../adapters/slack/render/blocks.ts';
import { LIMITS, splitText } from '../../adapters/slack/render/text.ts';
import { actionInbound } from '../../adapters/slack/translate.ts';
import type { Block, Reply } from '../../src/domain/chat/reply.ts';

const options: RenderOptions = {
  maxBlocks: 50,
  formButton: (form) =>
    slackButton({ actionId: 'slack.form.open', label: `Open: ${form.title}`, value: `pending-${form.id}` }),
};
const render = (blocks: Block[], o: Partial<RenderOptions> = {}) => renderBlocks(blocks, { ...options, ...o });
const texts = (blocks: KnownBlock[]): string[] => JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];

describe('every block kind', () => {
  it('heading is a header (plain text, at most 150 characters)', () => {
    expect(render([{ kind: 'heading', text: 'Who is on Northfield' }])).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Who is on Northfield', emoji: true } },
    ]);
    const [long] = render([{ kind: 'heading', text: 'x'.repeat(400) }]) as unknown as [{ text: { text: string } }];
    expect([...long.text.text]).toHaveLength(150);
  });

  it('text is a mrkdwn section with &, < and > escaped', () => {
    expect(render([{ kind: 'text', text: 'Smith & Sons <b> > <@U123>' }])).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Smith &amp; Sons &lt;b&gt; &gt; &lt;@U123&gt;' } },
    ]);
  });

  it('facts are section fields, ten per section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const out = render([{ kind: 'facts', facts }]) as { type: string; fields: { text: string }[] }[];
    expect(out.map((b) => b.fields.length)).toEqual([10, 2]);
    expect(out[0]!.fields[0]).toEqual({ type: 'mrkdwn', text: '*L0*\nv0' });
  });

  it('a checklist shows an emoji per tone, the fix and the details', () => {
    const out = render([
      {
        kind: 'checklist',
        items: [
          { tone: 'pass', title: 'Eight members', text: '13 members.' },
          {
            tone: 'fail',
            title: 'Resident majority',
            text: 'Only 4 of 9.',
            fix: 'Recruit 1 resident.',
            details: ['Ann: resident', 'Bob: not'],
          },
          { tone: 'warn', title: 'Care', text: 'Related to a worker.' },
          { tone: 'info', title: 'Diversity', text: 'Advisory.' },
        ],
      },
    ]) as { text: { text: string } }[];
    expect(out.map((b) => b.text.text.split(' ')[0])).toEqual([
      ':white_check_mark:',
      ':exclamation:',
      ':warning:',
      ':information_source:',
    ]);
    expect(out[1]!.text.text).toBe(
      ':exclamation: *Resident majority*\nOnly 4 of 9.\n*What to do:* Recruit 1 resident.\n• Ann: resident\n• Bob: not',
    );
  });

  it('a list is bulleted lines in one section', () => {
    expect(render([{ kind: 'list', items: ['one', 'two'] }])).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '• one\n• two' } },
    ]);
  });

  it('actions are buttons carrying the action id and the value, with style', () => {
    const [block] = render([
      {
        kind: 'actions',
        buttons: [{ actionId: 'run.criteria', label: 'Are we in criteria?', value: 'criteria', style: 'primary' }],
      },
    ]);
    expect(block).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'run.criteria',
          text: { type: 'plain_text', text: 'Are we in criteria?', emoji: true },
          value: 'criteria',
          style: 'primary',
        },
      ],
    });
  });

  it('more than 25 buttons go into several actions blocks; long labels are shortened to 75', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      actionId: `a.${i}`,
      label: 'L'.repeat(100),
      value: String(i),
    }));
    const out = render([{ kind: 'actions', buttons }]) as { elements: { text: { text: string } }[] }[];
    expect(out.map((b) => b.elements.length)).toEqual([25, 5]);
    expect([...out[0]!.elements[0]!.text.text]).toHaveLength(75);
  });

  it('a form in a message is its title and a button that opens it', () => {
    const out = render([
      { kind: 'form', form: { id: 'poll.create', title: 'New poll', submitLabel: 'Create', fields: [] } },
    ]);
    expect(out).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*New poll*' } },
      {
        type: 'actions',
        elements: [expect.objectContaining({ action_id: 'slack.form.open', value: 'pending-poll.create' })],
      },
    ]);
  });

  it('empty blocks are left out (Slack refuses empty text)', () => {
    expect(
      render([
        { kind: 'text', text: ' ' },
        { kind: 'heading', text: '' },
        { kind: 'list', items: [] },
        { kind: 'actions', buttons: [] },
      ]),
    ).toEqual([]);
  });

  it('a note is a context block, a divider a divider', () => {
    expect(render([{ kind: 'note', text: 'Only you can see this.' }, { kind: 'divider' }])).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Only you can see this.' }] },
      { type: 'divider' },
    ]);
  });

  it('repeated action ids are made unique, and inbound reads them back', () => {
    const button = { actionId: 'run.roster', label: 'Roster', value: 'roster' };
    const out = render([
      { kind: 'actions', buttons: [button] },
      { kind: 'actions', buttons: [button, button] },
    ]) as { elements: { action_id: string }[] }[];
    const ids = out.flatMap((b) => b.elements.map((e) => e.action_id));
    expect(ids).toEqual(['run.roster', 'run.roster~2', 'run.roster~3']);
    expect(ids.map((id) => actionInbound({ action_id: id, value: 'roster' }).actionId)).toEqual([
      'run.roster',
      'run.roster',
      'run.roster',
    ]);
  });
});

describe('Slack’s limits', () => {
  it('text longer than 3000 characters is split across sections, nothing lost', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const out = render([{ kind: 'text', text: words }]) as { text: { text: string } }[];
    expect(out.length).toBeGreaterThan(2);
    for (const b of out) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(out.map((b) => b.text.text).join(' ')).toBe(words);
  });

  it('an escape is never cut in half', () => {
    for (const piece of splitText(`${'a'.repeat(2998)}&amp;b`, 3000)) expect(piece).not.toMatch(/&(?:a|am)?$/);
  });

  it('a long list is packed into few sections', () => {
    const items = Array.from({ length: 600 }, (_, i) => `Person number ${i}: member`);
    const out = render([{ kind: 'list', items }]);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(texts(out).join('')).toContain('Person number 599: member');
  });

  it('a long checklist is packed more tightly rather than cut', () => {
    const items = Array.from({ length: 70 }, (_, i) => ({ tone: 'pass' as const, title: `Check ${i}`, text: 'Fine.' }));
    const out = render([
      { kind: 'heading', text: 'Checks' },
      { kind: 'checklist', items },
    ]);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(texts(out).join('')).toContain('Check 69');
  });

  it('past 50 blocks the message is cut and says how much is missing', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ kind: 'heading', text: `Part ${i}` }));
    const out = render(blocks);
    expect(out).toHaveLength(50);
    expect(out.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '_31 more parts of this reply did not fit: Slack shows at most 50 blocks at once._' },
      ],
    });
    expect(render(blocks, { maxBlocks: 100 })).toHaveLength(80);
  });

  it('a message keeps to Slack’s 50 blocks and says how much was left out; the limits are Slack’s own', () => {
    // docs/slack.md: 3,000 characters per section, 50 blocks per message, 100 on the Home tab
    expect([LIMITS.sectionText, LIMITS.messageBlocks, LIMITS.viewBlocks]).toEqual([3000, 50, 100]);
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ kind: 'heading', text: `Part ${i}` }));
    const out = renderMessage({ summary: 'Long', blocks, visibility: 'private' }, { formButton: options.formButton });
    expect(out.blocks).toHaveLength(50);
    expect(JSON.stringify(out.blocks!.at(-1))).toContain(
      '31 more parts of this reply did not fit: Slack shows at most 50 blocks at once.',
    );
  });

  it('the notification text is the summary, escaped and at most 3000 characters', () => {
    const reply: Reply = { summary: `A & B ${'z'.repeat(5000)}`, blocks: [], visibility: 'private' };
    const { text } = renderMessage(reply, options);
    expect(text.startsWith('A &amp; B')).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(3000);
  });

  it('any reply renders within every limit (property)', () => {
    const str = fc.string({ maxLength: 4000 });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text: str }),
      fc.record({ kind: fc.constant('text' as const), text: str }),
      fc.record({ kind: fc.constant('note' as const), text: str }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(str, { maxLength: 40 }) }),
      fc.record({
        kind: fc.constant('facts' as const),
        facts: fc.array(fc.record({ label: str, value: str }), { maxLength: 25 }),
      }),
      fc.record({
        kind: fc.constant('checklist' as const),
        items: fc.array(
          fc.record({
            tone: fc.constantFrom('pass' as const, 'fail' as const, 'warn' as const, 'info' as const),
            title: str,
            text: str,
          }),
          { maxLength: 30 },
        ),
      }),
      fc.record({
        kind: fc.constant('actions' as const),
        buttons: fc.array(
          fc.record({
            actionId: fc.constantFrom('run.criteria', 'run.roster', 'x'.repeat(300)),
            label: str,
            value: str,
          }),
          { maxLength: 30 },
        ),
      }),
      fc.constant({ kind: 'divider' as const }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), (blocks) => {
        const out = render(blocks);
        expect(out.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
        expect(texts(out).filter((t) => t === '"text":""')).toEqual([]);
        const ids = new Set<string>();
        for (const b of out) {
          if (b.type === 'section') {
            if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
            expect((b.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
            for (const f of b.fields ?? []) expect([...f.text].length).toBeLessThanOrEqual(LIMITS.field);
          }
          if (b.type === 'header') expect([...b.text.text].length).toBeLessThanOrEqual(LIMITS.headerText);
          if (b.type === 'context')
            for (const e of b.elements) expect('text' in e && e.text.length <= LIMITS.sectionText).toBe(true);
          if (b.type === 'actions') {
            expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
            for (const e of b.elements) {
              if (e.type !== 'button') continue;
              expect([...e.text.text].length).toBeLessThanOrEqual(LIMITS.buttonText);
              expect(e.action_id!.length).toBeLessThanOrEqual(LIMITS.actionId);
              expect(ids.has(e.action_id!)).toBe(false);
              ids.add(e.action_id!);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
