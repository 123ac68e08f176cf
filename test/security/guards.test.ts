// No button and no form goes unchecked: every id in ACTIONS and FORMS, clicked or sent through the
// real bot by someone the authorisation table refuses (a user the roster does not know, a paid
// worker), is refused, audited as `security.refused`, and writes nothing. There is no separate list
// of guards to keep in step: a new button whose handler forgets its service's check fails here.
// And the decision forms' field lists (what a submission may carry) are exactly the fields the
// bot's own forms have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, FORMS } from '../../src/bot/commands/index.ts';
import { FORM_FIELDS } from '../../src/bot/commands/decision-actions.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { createForm } from '../../src/bot/views/decision-create-form.ts';
import { amendForm, interestForm } from '../../src/bot/views/decision-prompts.ts';
import { reasonFormReply } from '../../src/bot/views/decision-follow-up.ts';
import { rulesFrom, type Decision } from '../../src/domain/decisions/types.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { CHANNEL, createWorld, userIdOf, type World } from '../decisions/world.ts';

/**
 * What a paid worker may use (the table allows paid workers criteria.view, interests.own,
 * relationships.own and decision.view). Every other id must refuse them: a new button meant for
 * paid workers is added here on purpose, never by default.
 */
const PAID_WORKER_MAY = new Set([
  // issue 18: anyone on the roster may declare an interest in a decision (a paid worker never votes)
  'decision.declare',
  'decision.declare.none',
  'decision.declare.interest',
  'criteria.details',
  'interests.add',
  'interests.edit',
  'interests.remove',
  'interests.remove.confirm',
  'interests.none',
  'interests.use',
  'interests.keep',
  'relationships.page',
  'decision.view',
  // issue 21: anyone on the roster may raise a concern; reading and closing one is then checked
  // against the concern itself (only the person it went to), not the table
  'concerns.raise',
  'concerns.view',
  'concerns.outcome',
]);

describe('every button and every form, by someone the table refuses', () => {
  let world: World;
  let decisionId: string;
  beforeAll(async () => {
    world = await createWorld();
    decisionId = await world.start({ title: 'Community garden tools', kind: 'general' });
  });
  afterAll(() => world.close());

  /** A value of the shape the bot's own buttons carry, so that only the permission can refuse it. */
  const valueFor = (actionId: string): string =>
    actionId === 'decision.vote'
      ? `${decisionId}:0`
      : actionId === 'coi.share'
        ? JSON.stringify({ n: ['Riverside Youth Trust'], k: [] })
        : actionId === 'review.confirm'
          ? '2026:resident'
          : decisionId;

  const inbounds = (): Inbound[] => [
    ...Object.keys(ACTIONS).map((actionId): Inbound => ({ type: 'action', actionId, value: valueFor(actionId) })),
    ...Object.keys(FORMS).map((formId): Inbound => ({
      type: 'form',
      formId,
      values:
        formId === 'decision.create'
          ? { title: 'A forged decision', closes: 'Friday 5pm' }
          : formId === 'decision.declare'
            ? { kind: 'loyalty', detail: 'I am a trustee' }
            : formId === 'decision.amend'
              ? { closes: 'Saturday 5pm' }
              : formId === 'decision.reason'
                ? { reason: 'A forged reason' }
                : {},
      context: formId.startsWith('decision.') && formId !== 'decision.create' ? decisionId : undefined,
    })),
  ];

  const counts = async () => {
    const db = world.db.database.db;
    return {
      votes: await db.vote.count(),
      declarations: await db.declaration.count(),
      decisions: await db.decision.count(),
      recusals: await db.recusal.count(),
      interests: await db.interest.count(),
      relationships: await db.relationship.count(),
      organisations: await db.organisation.count(),
      confirmations: await db.membershipConfirmation.count(),
      answers: await db.reviewAnswer.count(),
    };
  };
  const refusals = () =>
    world.db.database.db.auditEvent.findMany({ where: { action: 'security.refused' }, orderBy: { at: 'asc' } });

  /** Sends each inbound as `userId` in the partnership's channel; returns the ids not refused and audited. */
  async function unrefused(userId: string, actorId: string | null, inbounds: Inbound[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const inbound of inbounds) {
      const id = inbound.type === 'action' ? inbound.actionId : inbound.type === 'form' ? inbound.formId : '';
      const before = await counts();
      const audited = (await refusals()).length;
      const replies = await world.bot.handle({
        conversation: CHANNEL,
        speaker: { userId, workspaceId: 'local' },
        inbound,
      });
      const rows = (await refusals()).slice(audited);
      const written = JSON.stringify(await counts()) !== JSON.stringify(before);
      const row = rows[0];
      if (replies.length === 0 || rows.length !== 1 || written || row?.subjectId !== id || row.actorId !== actorId)
        wrong.push(`${id}: ${rows.length} refusals audited${written ? ', something written' : ''}`);
    }
    return wrong;
  }

  it('someone the roster does not know is refused every button and form, and each refusal is audited', async () => {
    expect(await unrefused('u-not-on-the-roster', null, inbounds())).toEqual([]);
  });

  it('a paid worker is refused every button and form the table does not allow paid workers', async () => {
    const refused = inbounds().filter(
      (i) => !PAID_WORKER_MAY.has(i.type === 'action' ? i.actionId : i.type === 'form' ? i.formId : ''),
    );
    expect(refused.length).toBeGreaterThan(20);
    expect(await unrefused(userIdOf('Jo Brooks'), world.id('Jo Brooks'), refused)).toEqual([]);
  });

  it('lists only ids that exist: a paid worker’s allowance cannot outlive its button', () => {
    const ids = new Set([...Object.keys(ACTIONS), ...Object.keys(FORMS)]);
    expect([...PAID_WORKER_MAY].filter((id) => !ids.has(id))).toEqual([]);
  });
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
  const reasonForm = reasonFormReply({ decision, option: 'For', reason: null }).blocks.find((b) => b.kind === 'form');
  expect(reasonForm?.kind === 'form' && ids(reasonForm.form)).toEqual([...FORM_FIELDS['decision.reason']].sort());
});
