// Every button and form has a guard in the authorisation table, and the decision forms' field
// lists (what a submission may carry) are exactly the fields the bot's own forms have.
import { expect, it } from 'vitest';
import { ACTIONS, FORMS } from '../../src/bot/commands/index.ts';
import { ACTION_GUARDS, FORM_GUARDS } from '../../src/bot/commands/guards.ts';
import { FORM_FIELDS } from '../../src/bot/commands/decision-actions.ts';
import { PERMISSIONS } from '../../src/domain/permissions.ts';
import { amendForm, createForm, interestForm } from '../../src/bot/views/decision-prompts.ts';
import { rulesFrom, type Decision } from '../../src/domain/decisions/types.ts';
import { defaultSettings } from '../../src/domain/settings.ts';

it('every button and every form names the permission it needs at the least, and nothing else is listed', () => {
  const missing = [
    ...Object.keys(ACTIONS).filter((id) => !Object.hasOwn(ACTION_GUARDS, id)),
    ...Object.keys(FORMS).filter((id) => !Object.hasOwn(FORM_GUARDS, id)),
  ];
  expect(missing, `add these to src/bot/commands/guards.ts: ${missing.join(', ')}`).toEqual([]);
  expect(Object.keys(ACTION_GUARDS).filter((id) => !Object.hasOwn(ACTIONS, id))).toEqual([]);
  expect(Object.keys(FORM_GUARDS).filter((id) => !Object.hasOwn(FORMS, id))).toEqual([]);
  for (const g of [...Object.values(ACTION_GUARDS), ...Object.values(FORM_GUARDS)])
    expect(Object.keys(PERMISSIONS)).toContain(g.permission);
});

it('a decision form may carry exactly the fields the bot’s own form has', () => {
  const decision: Decision = {
    id: '3f2a0c52-8f4e-4b0a-9d2e-3f5a7b9c1d2e',
    partnershipId: 'p',
    number: 1,
    title: 'Fun day',
    description: '',
    kind: 'grant',
    organisations: ['Riverside Youth Trust'],
    options: ['For', 'Against'],
    ballot: 'open',
    visibility: 'live',
    rules: rulesFrom(defaultSettings()),
    status: 'open',
    closesAt: new Date('2026-10-23T16:00:00Z'),
    closedAt: null,
    closeReason: null,
    createdById: 'x',
    createdAt: new Date('2026-10-20T09:00:00Z'),
    card: null,
    remindersSentAt: null,
    outcome: null,
  };
  const ids = (f: { fields: { id: string }[] }) => f.fields.map((x) => x.id).sort();
  expect(ids(createForm())).toEqual([...FORM_FIELDS['decision.create']].sort());
  expect(ids(interestForm(decision))).toEqual([...FORM_FIELDS['decision.declare']].sort());
  expect(ids(amendForm(decision))).toEqual([...FORM_FIELDS['decision.amend']].sort());
});
