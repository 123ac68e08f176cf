// Random and hostile input for the friendly date parser and for every button and form handler,
// sent by every kind of actor through the core (createBot, real SQLite): never a crash or a stack
// trace, always an answer, and nothing written by anyone the table does not allow, nor by any
// request that was refused.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, FORMS } from '../../src/bot/commands/index.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { can } from '../../src/domain/permissions.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { mayCreate } from '../../src/domain/decisions/create.ts';
import { MAX_DAYS_AHEAD, parseClosingTime } from '../../src/domain/decisions/when.ts';
import { createWorld, type World } from '../decisions/world.ts';
import { eastbrookDecision } from './forged.ts';
import { ACTOR_KINDS, ACTORS, personOf, type ActorKind } from './matrix.ts';

const STACK =
  /\n\s+at \S+ \(|TypeError|ReferenceError|RangeError|undefined is not|Cannot read propert|\[object Object\]/;
const hostile = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '31/02 17:00',
    '29/02/2027',
    '25:61',
    'yesterday 5pm',
    'in -3 days',
    'in 999999999 days',
    'next friday and monday',
    '1e309',
    'NaN',
    '00/00',
    '2026-13-45 99:99',
    'x'.repeat(10_000),
  ),
);

describe('the friendly date parser under random input', () => {
  const now = fc.date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('any text, at any moment: a time in the next 60 days, or one sentence saying what to type', () => {
    fc.assert(
      fc.property(hostile, now, (text, at) => {
        const r = parseClosingTime(text, at);
        if (r.ok) {
          expect(r.value.getTime()).toBeGreaterThan(at.getTime());
          expect(r.value.getTime() - at.getTime()).toBeLessThanOrEqual(MAX_DAYS_AHEAD * 86_400_000 + 3_600_000);
        } else {
          expect(r.error.length).toBeGreaterThan(10);
          expect(r.error.length).toBeLessThan(600);
          expect(r.error).not.toMatch(STACK);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('“in N days” is the same time N days on, and “DD/MM HH:MM” is that wall-clock time in London, across the clock changes', () => {
    fc.assert(
      fc.property(now, fc.integer({ min: 1, max: MAX_DAYS_AHEAD - 1 }), (at, n) => {
        const r = parseClosingTime(`in ${n} days`, at);
        expect(r.ok).toBe(true);
        // the same time of day N days on: N × 24 hours, give or take the hour when the clocks change (it keeps hours and minutes)
        if (r.ok) expect(Math.abs(r.value.getTime() - at.getTime() - n * 86_400_000)).toBeLessThanOrEqual(3_660_000);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        now,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (at, days, hour, minute) => {
          const target = DateTime.fromJSDate(at, { zone: 'Europe/London' }).plus({ days });
          const text = `${target.toFormat('dd/MM')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const r = parseClosingTime(text, at);
          expect(r.ok, text).toBe(true);
          if (!r.ok) return;
          const local = DateTime.fromJSDate(r.value, { zone: 'Europe/London' });
          const wanted = target.set({ hour, minute, second: 0, millisecond: 0 });
          // 01:xx on the morning the clocks go forward does not exist: it closes when they have gone forward
          if (wanted.hour !== hour) expect(r.value.getTime(), text).toBe(wanted.toMillis());
          else
            expect([local.day, local.month, local.hour, local.minute], text).toEqual([
              target.day,
              target.month,
              hour,
              minute,
            ]);
        },
      ),
      {
        numRuns: 200,
        examples: [
          [new Date('2030-02-19T00:00:00.000Z'), 40, 1, 0],
          [new Date('2026-10-20T09:15:00Z'), 5, 1, 30],
        ],
      },
    );
  });
});

describe('every button and form, for every kind of actor, under random input', () => {
  let world: World;
  let decisionId: string;
  let eastId: string;
  beforeAll(async () => {
    world = await createWorld();
    decisionId = await world.start({ title: 'Community garden tools', kind: 'general' });
    eastId = await eastbrookDecision({ stores: world.db.stores, bot: world.bot });
  });
  afterAll(() => world.close());

  const counts = async () => {
    const db = world.db.database.db;
    return {
      votes: await db.vote.count(),
      declarations: await db.declaration.count(),
      decisions: await db.decision.count(),
      recusals: await db.recusal.count(),
      confirmations: await db.membershipConfirmation.count(),
      interests: await db.interest.count(),
      refused: await db.auditEvent.count({ where: { action: 'security.refused' } }),
      appointments: await db.auditEvent.count({ where: { action: 'roster.appoint' } }),
      forms: await db.auditEvent.count({ where: { action: 'membership-form.record' } }),
    };
  };

  const value = fc.oneof(
    hostile,
    fc
      .constantFrom('decision', 'east', 'random')
      .chain((which) => fc.nat(12).map((n) => ({ which, n })))
      .map(({ which, n }) => {
        const id =
          which === 'decision' ? decisionId : which === 'east' ? eastId : '6f1c0c52-8f4e-4b0a-9d2e-3f5a7b9c1d2e';
        return n % 3 === 0 ? id : n % 3 === 1 ? `${id}:${n}` : `${id}:${n}:${world.id('Gareth Jones')}`;
      }),
    fc.constantFrom('2026:resident', '2026:non-resident', '2026:left', '1999:resident', 'md', 'csv'),
  );
  const inbound: fc.Arbitrary<Inbound> = fc.oneof(
    fc.record({
      type: fc.constant('action' as const),
      actionId: fc.oneof(fc.constantFrom(...Object.keys(ACTIONS)), fc.string({ maxLength: 20 })),
      value,
    }),
    fc.record({
      type: fc.constant('form' as const),
      formId: fc.oneof(fc.constantFrom(...Object.keys(FORMS)), fc.string({ maxLength: 20 })),
      values: fc.dictionary(
        fc.constantFrom(
          ...['title', 'closes', 'kind', 'detail', 'organisation', 'personId', 'ballot', '__proto__', 'q1'],
          // the meeting, proxy, reason, policy and concern forms
          ...['date', 'present', 'left', 'declarations', 'result', 'for', 'against', 'abstain', 'outcome'],
          ...['reason', 'holder', 'visibility', 'organisations', 'about', 'text', 'name', 'adoptedOn', 'reviewOn'],
          ...['link', 'signed', 'reference'],
        ),
        fc.oneof(
          hostile,
          fc.constantFrom(
            'Friday 5pm',
            'loyalty',
            'secret',
            'yes',
            'consensus',
            'vote',
            '3',
            '2026-10-19',
            '31/02/2026',
          ),
          fc.constantFrom('misuse-of-funds', 'code-of-conduct', 'Rosa Novak', 'Gareth Jones\nTom Whitfield', '-1'),
        ),
        { maxKeys: 8 },
      ),
      context: fc.option(value, { nil: undefined }),
    }),
  );
  /** Clicks our own buttons would send, so that the allowed paths run too. */
  const legit: fc.Arbitrary<Inbound> = fc
    .record({
      actionId: fc.constantFrom(
        'decision.declare.none',
        'decision.vote',
        'decision.ballot',
        'decision.declare',
        'decision.view',
        'review.confirm',
      ),
      option: fc.nat(2),
    })
    .map(({ actionId, option }) => ({
      type: 'action',
      actionId,
      value:
        actionId === 'decision.vote'
          ? `${decisionId}:${option}`
          : actionId === 'review.confirm'
            ? `2026:${['resident', 'non-resident', 'left'][option]}`
            : decisionId,
    }));
  const actor = fc.constantFrom(...ACTOR_KINDS);
  const where = fc.constantFrom('channel', 'direct', 'unbound');

  it('answers clearly, and writes only what the table allows, never on a refusal', async () => {
    const people = (await world.db.stores.rosters.loadRoster(world.partnership.id)).people;
    await fc.assert(
      fc.asyncProperty(actor, fc.oneof(inbound, legit), where, async (who: ActorKind, message, place) => {
        const person = personOf(people, who);
        const ws = who === 'other-workspace' ? 'elsewhere' : 'local';
        const userId = person ? `u-${person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : `u-${who}`;
        const send = (inbound: Inbound) =>
          world.bot.handle({
            conversation: {
              platform: 'web',
              workspaceId: place === 'channel' ? 'local' : ws,
              channelId: place === 'channel' ? 'C-partnership' : place === 'direct' ? `D-${who}` : 'C-unbound',
              kind: place === 'direct' ? 'direct' : 'channel',
            },
            speaker: { userId, workspaceId: ws, email: ACTORS[who].email },
            inbound,
          });
        // a vote counts only after a declaration: our own buttons come in that order
        if (message.type === 'action' && message.actionId === 'decision.vote')
          await send({ type: 'action', actionId: 'decision.declare.none', value: decisionId });
        const before = await counts();
        const replies = await send(message);
        const after = await counts();
        expect(replies.length).toBeGreaterThan(0);
        for (const r of replies) {
          expect(r.summary.trim().length).toBeGreaterThan(0);
          expect(replyText(r)).not.toMatch(STACK);
        }
        if (after.refused > before.refused) expect({ ...after, refused: 0 }).toEqual({ ...before, refused: 0 });
        if (!can(person, 'decision.vote')) expect(after.votes).toBe(before.votes);
        if (!can(person, 'decision.declare')) expect(after.declarations).toBe(before.declarations);
        if (!mayCreate(person, world.partnership.settings)) expect(after.decisions).toBe(before.decisions);
        if (!can(person, 'review.confirm')) expect(after.confirmations).toBe(before.confirmations);
        if (!can(person, 'roster.appoint')) expect(after.appointments).toBe(before.appointments);
        if (!can(person, 'membership-form.own') && !can(person, 'membership-form.manage'))
          expect(after.forms).toBe(before.forms);
      }),
      {
        numRuns: 300,
        examples: [
          ['voting-member', { type: 'action', actionId: 'decision.vote', value: `${decisionId}:1` }, 'direct'],
          // PostgreSQL refuses a NUL in text: it once reached the database from a button's value
          ['rep', { type: 'action', actionId: 'interests.edit', value: '\u0000' }, 'channel'],
          // an empty meeting form once threw inside the date parser instead of answering
          ['chair', { type: 'form', formId: 'decision.meeting', values: {} }, 'channel'],
          [
            'chair',
            { type: 'form', formId: 'decision.create', values: { title: 'Tea\u0000' }, context: '\u0000' },
            'channel',
          ],
        ],
      },
    );
    // the allowed paths ran as well: people with a vote declared and voted
    expect((await counts()).declarations).toBeGreaterThan(0);
    expect((await counts()).votes).toBeGreaterThan(0);
  });
});
