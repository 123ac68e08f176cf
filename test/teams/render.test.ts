// The Adaptive Card renderer: the structure of each block kind, what a click sends back, and
// every card valid against the Adaptive Card 1.5 schema subset (adaptive-card-1.5.subset.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../adapters/teams/cards/render.ts';
import { parseSubmission } from '../../adapters/teams/cards/submit.ts';
import { toActivity } from '../../adapters/teams/messages.ts';
import { COMMANDS } from '../../src/bot/commands/index.ts';
import { makeHelp } from '../../src/bot/commands/help.ts';
import type { Block, Form, Reply } from '../../src/domain/chat/reply.ts';
import { checkCriteria } from '../../src/domain/criteria/index.ts';
import { criteriaReply } from '../../src/bot/views/criteria.ts';
import { coiReply } from '../../src/bot/views/coi.ts';
import { checkConflicts } from '../../src/domain/coi.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

const schema = JSON.parse(readFileSync(new URL('./adaptive-card-1.5.subset.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const expectValid = (card: unknown) => {
  const ok = validate(card);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

const card = (...blocks: Block[]) => renderCard({ summary: 'Summary line', blocks, visibility: 'private' });

const FORM: Form = {
  id: 'decision.create',
  title: 'New decision',
  submitLabel: 'Open the vote',
  context: 'ctx-42',
  fields: [
    { id: 'title', label: 'Title', type: 'text', required: true, maxLength: 120, placeholder: 'What is being decided' },
    { id: 'details', label: 'Details', type: 'textarea', hint: 'Plain words.' },
    {
      id: 'kind',
      label: 'Kind',
      type: 'select',
      options: [
        { value: 'grant', label: 'Grant' },
        { value: 'procurement', label: 'Procurement' },
      ],
      initial: 'grant',
    },
    {
      id: 'orgs',
      label: 'Organisations',
      type: 'multiselect',
      options: [
        { value: 'o1', label: 'Acme Ltd' },
        { value: 'o2', label: 'Riverside Youth Trust' },
      ],
    },
    { id: 'closes', label: 'Voting closes', type: 'datetime', initial: '2026-12-01T19:00', required: true },
    { id: 'amount', label: 'Amount (£)', type: 'number', initial: '2500' },
    { id: 'secret', label: 'Secret ballot', type: 'checkbox', initial: 'true' },
  ],
};

describe('block kinds', () => {
  it('card envelope: schema 1.5, summary as fallback text', () => {
    const c = card({ kind: 'text', text: 'Hi' });
    expect(c).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      fallbackText: 'Summary line',
    });
    expectValid(c);
  });

  it('heading, text, note', () => {
    const c = card(
      { kind: 'heading', text: 'Title' },
      { kind: 'text', text: 'Body' },
      { kind: 'note', text: 'Small print' },
    );
    expect(c.body).toEqual([
      { type: 'TextBlock', text: 'Title', wrap: true, style: 'heading', size: 'medium', weight: 'bolder' },
      { type: 'TextBlock', text: 'Body', wrap: true },
      { type: 'TextBlock', text: 'Small print', wrap: true, isSubtle: true, size: 'small' },
    ]);
    expectValid(c);
  });

  it('facts become a FactSet', () => {
    const c = card({
      kind: 'facts',
      facts: [
        { label: 'Members', value: '11' },
        { label: 'Residents', value: '8' },
      ],
    });
    expect(c.body).toEqual([
      {
        type: 'FactSet',
        facts: [
          { title: 'Members', value: '11' },
          { title: 'Residents', value: '8' },
        ],
      },
    ]);
    expectValid(c);
  });

  it('a list is one line per item', () => {
    const c = card({ kind: 'list', items: ['One', 'Two'] });
    expect(c.body[0]).toMatchObject({ type: 'Container', items: [{ text: '• One' }, { text: '• Two' }] });
    expectValid(c);
  });

  it('checklist: tone icon and colour, title, text, fix and details', () => {
    const c = card({
      kind: 'checklist',
      items: [
        { tone: 'pass', title: 'Eight members', text: '11 counted.' },
        {
          tone: 'fail',
          title: 'Resident majority',
          text: '4 of 9.',
          fix: 'Recruit residents.',
          details: ['Counted: A, B'],
        },
        { tone: 'warn', title: 'Worker relative', text: 'Take care.' },
        { tone: 'info', title: 'Reflects community', text: 'Advisory.' },
      ],
    });
    const items = (c.body[0] as any).items;
    expect(items.map((i: any) => i.style)).toEqual(['good', 'attention', 'warning', 'emphasis']);
    const icons = items.map((i: any) => i.items[0].columns[0].items[0]);
    expect(icons.map((i: any) => i.text)).toEqual(['✔', '!', '⚠', 'ℹ']);
    expect(icons.map((i: any) => i.color)).toEqual(['good', 'attention', 'warning', 'accent']);
    const failing = items[1].items[0].columns[1].items.map((e: any) => e.text);
    expect(failing).toEqual(['Resident majority: To fix', '4 of 9.', '**Fix:** Recruit residents.', '• Counted: A, B']);
    expectValid(c);
  });

  it('buttons are Action.Execute with the action in verb and data, and an Action.Submit fallback', () => {
    const c = card({
      kind: 'actions',
      buttons: [
        { actionId: 'criteria.details', label: 'Details', value: 'd', style: 'primary' },
        { actionId: 'vote.cancel', label: 'Cancel', value: 'x', style: 'danger' },
      ],
    });
    const [details, cancel] = (c.body[0] as any).actions;
    expect(details).toMatchObject({
      type: 'Action.Execute',
      title: 'Details',
      verb: 'criteria.details',
      style: 'positive',
      data: { pb: { kind: 'action', actionId: 'criteria.details', value: 'd' } },
    });
    expect(details.fallback).toMatchObject({ type: 'Action.Submit', data: details.data });
    expect(cancel.style).toBe('destructive');
    expect(parseSubmission(details.data)).toEqual({ type: 'action', actionId: 'criteria.details', value: 'd' });
    expectValid(c);
  });

  it('a form: one input per field type, and a submit that routes to the form', () => {
    const c = card({ kind: 'form', form: FORM });
    const form = c.body[0] as any;
    const types = form.items.map((e: any) => e.type);
    expect(types).toEqual([
      'TextBlock',
      'Input.Text',
      'Input.Text',
      'TextBlock',
      'Input.ChoiceSet',
      'Input.ChoiceSet',
      'Input.Date',
      'Input.Time',
      'Input.Number',
      'Input.Toggle',
      'ActionSet',
    ]);
    const byId = Object.fromEntries(form.items.filter((e: any) => e.id).map((e: any) => [e.id, e]));
    expect(byId['field.title']).toMatchObject({
      label: 'Title',
      isRequired: true,
      maxLength: 120,
      errorMessage: 'Title is required.',
    });
    expect(byId['field.details'].isMultiline).toBe(true);
    expect(byId['field.kind']).toMatchObject({
      style: 'compact',
      value: 'grant',
      choices: [
        { title: 'Grant', value: 'grant' },
        { title: 'Procurement', value: 'procurement' },
      ],
    });
    expect(byId['field.orgs'].isMultiSelect).toBe(true);
    expect(byId['field.closes.date'].value).toBe('2026-12-01');
    expect(byId['field.closes.time'].value).toBe('19:00');
    expect(byId['field.amount'].value).toBe(2500);
    expect(byId['field.secret']).toMatchObject({
      title: 'Secret ballot',
      value: 'true',
      valueOn: 'true',
      valueOff: 'false',
    });
    const submit = form.items.at(-1).actions[0];
    expect(submit).toMatchObject({
      type: 'Action.Execute',
      title: 'Open the vote',
      verb: 'decision.create',
      associatedInputs: 'auto',
    });
    expectValid(c);

    // What Teams sends back: the submit's data merged with every input's value (all strings).
    const returned = {
      ...submit.data,
      'field.title': 'Garden grant',
      'field.details': '',
      'field.kind': 'grant',
      'field.orgs': 'o1,o2',
      'field.closes.date': '2026-12-02',
      'field.closes.time': '18:30',
      'field.amount': '3000',
      'field.secret': 'false',
    };
    expect(parseSubmission(returned)).toEqual({
      type: 'form',
      formId: 'decision.create',
      context: 'ctx-42',
      values: {
        title: 'Garden grant',
        details: '',
        kind: 'grant',
        orgs: ['o1', 'o2'],
        closes: '2026-12-02T18:30',
        amount: '3000',
        secret: 'false',
      },
    });
  });

  it('a divider separates the next element', () => {
    const c = card({ kind: 'text', text: 'Above' }, { kind: 'divider' }, { kind: 'text', text: 'Below' });
    expect(c.body).toHaveLength(2);
    expect(c.body[1]).toMatchObject({ text: 'Below', separator: true });
    expectValid(c);
  });

  it('a one-paragraph reply is sent as text; anything else as a card with the summary for notifications', () => {
    expect(
      toActivity({ summary: 's', blocks: [{ kind: 'text', text: 'Just this.' }], visibility: 'private' }),
    ).toMatchObject({ text: 'Just this.' });
    const activity = toActivity({
      summary: 'Two things',
      blocks: [
        { kind: 'heading', text: 'H' },
        { kind: 'text', text: 'T' },
      ],
      visibility: 'private',
    });
    expect(activity.summary).toBe('Two things');
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('every card validates against the Adaptive Card 1.5 schema', () => {
  const parsed = parseRosterJson(readFileSync(DEMO_ROSTER, 'utf8'), DEMO_ROSTER);
  if (!parsed.ok) throw new Error('demo roster does not parse');
  const roster = parsed.value.roster;

  it("the core's real replies: help, criteria (channel and private), conflicts of interest", async () => {
    const report = checkCriteria(roster);
    const replies: Reply[] = [
      ...(await makeHelp(() => COMMANDS).run({} as never)),
      criteriaReply(report, { showDetails: false, visibility: 'channel', offerDetails: true }),
      criteriaReply(report, { showDetails: true, visibility: 'private' }),
      coiReply(checkConflicts(roster, { organisations: ['Riverside Youth Trust'], keyDecision: true })),
    ];
    for (const r of replies) expectValid(renderCard(r));
  });

  it('any reply the core could build', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 });
    const id = fc.stringMatching(/^[a-z][a-z0-9.]{0,15}$/);
    const field = fc.record({
      id,
      label: text,
      type: fc.constantFrom('text', 'textarea', 'select', 'multiselect', 'datetime', 'number', 'checkbox'),
      required: fc.boolean(),
      options: fc.array(fc.record({ value: id, label: text }), { maxLength: 3 }),
      placeholder: text,
      hint: text,
      initial: fc.option(fc.constantFrom('2026-01-31T09:15', '12', 'true', 'grant'), { nil: undefined }),
    });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text }),
      fc.record({ kind: fc.constant('text' as const), text }),
      fc.record({ kind: fc.constant('note' as const), text }),
      fc.record({ kind: fc.constant('divider' as const) }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(text, { maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('facts' as const),
        facts: fc.array(fc.record({ label: text, value: text }), { maxLength: 4 }),
      }),
      fc.record({
        kind: fc.constant('checklist' as const),
        items: fc.array(
          fc.record({
            tone: fc.constantFrom('pass', 'fail', 'warn', 'info'),
            title: text,
            text,
            fix: fc.option(text, { nil: undefined }),
            details: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
      }),
      fc.record({
        kind: fc.constant('actions' as const),
        buttons: fc.array(
          fc.record({
            actionId: id,
            label: text,
            value: text,
            style: fc.option(fc.constantFrom('primary', 'danger'), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant('form' as const),
        form: fc.record({
          id,
          title: text,
          submitLabel: text,
          fields: fc.array(field, { maxLength: 5 }),
          context: fc.option(text, { nil: undefined }),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), text, (blocks, summary) => {
        const c = renderCard({ summary, blocks, visibility: 'private' });
        if (!validate(c)) throw new Error(JSON.stringify(validate.errors));
      }),
      { numRuns: 300 },
    );
  });

  it('the schema is not a rubber stamp: it rejects what Teams would refuse', () => {
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] })).toBe(false);
    expect(
      validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', colour: 'good' }] }),
    ).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }] })).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [], msteams: { width: 'Full' } })).toBe(false);
  });
});
