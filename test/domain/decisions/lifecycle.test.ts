import { describe, expect, it } from 'vitest';
import { planAmend, planClose, planReminders, type AmendOutcome } from '../../../src/domain/decisions/lifecycle.ts';
import { buildRecord } from '../../../src/domain/decisions/record.ts';
import { assess, leadingOption } from '../../../src/domain/decisions/standing.ts';
import type { DecisionState } from '../../../src/domain/decisions/types.ts';
import { mayManage } from '../../../src/domain/decisions/who.ts';
import { manageRefusal, refusedText } from '../../../src/bot/views/decision-words.ts';
import { CLOSES, NOW, decisionFor, demoRoster, none, person, stateOf, voteOf } from './fixtures.ts';

const roster = demoRoster();
const chair = person(roster, 'Margaret Okafor');
const rosa = person(roster, 'Rosa Novak');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
/** What the person is told of a plan's refusal (src/bot/views/decision-words.ts). */
const said = (state: DecisionState, outcome: AmendOutcome) =>
  outcome.kind === 'refused' ? refusedText(state.decision, outcome, chair) : null;

describe('a secret ballot, and results hidden until close', () => {
  it('a secret ballot can never be made open', () => {
    const secret = stateOf(roster, decisionFor(roster, { ballot: 'secret' }));
    const plan = planAmend(secret, chair, { ballot: 'open' }, NOW);
    expect(plan.changes).toEqual([]);
    expect(plan.outcome).toMatchObject({ kind: 'refused', code: 'secret-stays-secret' });
    expect(said(secret, plan.outcome)).toBe(
      'A secret ballot can never be made open: members voted on the promise that their choice stays private.',
    );
  });

  it('a secret ballot never has live results: making a live decision secret needs “After close” too', () => {
    const live = stateOf(roster, decisionFor(roster));
    for (const request of [{ ballot: 'secret' as const }, { ballot: 'secret' as const, visibility: 'live' as const }]) {
      const plan = planAmend(live, chair, request, NOW);
      expect(plan.changes).toEqual([]);
      expect(plan.outcome).toEqual({ kind: 'refused', code: 'secret-never-live' });
      expect(said(live, plan.outcome)).toBe(
        'A secret ballot can’t have live results: the counts would show how someone voted when they drop after a member is recused or leaves. To make it secret, choose “After close” for Results as well.',
      );
    }
    const secret = stateOf(roster, decisionFor(roster, { ballot: 'secret', visibility: 'after-close' }));
    const outcome = planAmend(secret, chair, { visibility: 'live' }, NOW).outcome;
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(said(secret, outcome)).toMatch(/^A secret ballot can’t have live results/);
  });

  it('results hidden until close can never be revealed early', () => {
    const hidden = stateOf(roster, decisionFor(roster, { visibility: 'after-close' }));
    const outcome = planAmend(hidden, chair, { visibility: 'live' }, NOW).outcome;
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(said(hidden, outcome)).toMatch(/can’t be revealed early/);
  });

  it('open to secret, or live to hidden, only before anyone has voted', () => {
    const fresh = stateOf(roster, decisionFor(roster));
    expect(planAmend(fresh, chair, { ballot: 'secret', visibility: 'after-close' }, NOW).changes).toEqual([
      { type: 'amend', ballot: 'secret', visibility: 'after-close' },
    ]);
    const voted = stateOf(roster, decisionFor(roster), {
      declarations: [none(rosa.id)],
      votes: [voteOf(rosa.id, 'For')],
    });
    expect(planAmend(voted, chair, { ballot: 'secret' }, NOW).outcome).toMatchObject({ kind: 'refused' });
    expect(planAmend(voted, chair, { visibility: 'after-close' }, NOW).outcome).toMatchObject({ kind: 'refused' });
    expect(planAmend(voted, chair, { closesAt: later(48) }, NOW).changes).toEqual([
      { type: 'amend', closesAt: later(48) },
    ]);
  });

  // The rule is asked once, by the service's permission check (src/services/decisions/authorize.ts).
  it('only the chair or whoever put the decision may amend or close it', () => {
    const state = stateOf(roster, decisionFor(roster, { createdById: person(roster, 'Priya Patel').id }));
    expect(mayManage(rosa, state.decision)).toBe(false);
    expect(manageRefusal).toBe('Only the chair, or the person who put this decision, can do that.');
    expect(mayManage(person(roster, 'David Hughes'), state.decision)).toBe(false);
    expect(mayManage(person(roster, 'Priya Patel'), state.decision)).toBe(true);
    expect(mayManage(chair, state.decision)).toBe(true);
    expect(mayManage(null, state.decision)).toBe(false);
    expect(planClose(state, roster, person(roster, 'Priya Patel'), NOW).outcome).toEqual({
      kind: 'closed',
      reason: 'chair',
    });
    expect(planClose(state, roster, chair, NOW).outcome).toEqual({ kind: 'closed', reason: 'chair' });
  });

  it('a secret ballot’s record never names voters; hidden results stay hidden until close', () => {
    const votes = [voteOf(rosa.id, 'For'), voteOf(chair.id, 'Against')];
    const declarations = [none(rosa.id), none(chair.id)];
    const secret = buildRecord(
      stateOf(roster, decisionFor(roster, { ballot: 'secret' }), { declarations, votes }),
      roster,
    );
    expect(secret.voters).toBeNull();
    // stored as live before that combination was refused: still no counts until close
    expect(secret.tally).toBeNull();
    const closed = decisionFor(roster, { ballot: 'secret', status: 'closed', closedAt: NOW });
    expect(buildRecord(stateOf(roster, closed, { declarations, votes }), roster).tally).toEqual([
      { option: 'For', count: 1 },
      { option: 'Against', count: 1 },
      { option: 'Abstain', count: 0 },
    ]);
    const hidden = buildRecord(
      stateOf(roster, decisionFor(roster, { visibility: 'after-close' }), { declarations, votes }),
      roster,
    );
    expect(hidden.tally).toBeNull();
    expect(hidden.leading).toBeNull();
    expect(hidden.voters?.map((v) => [v.name, v.option])).toEqual([
      ['Rosa Novak', null],
      ['Margaret Okafor', null],
    ]);
  });
});

describe('closing', () => {
  it('by the scheduler only when due: the closing time, or everyone eligible has voted', () => {
    const state = stateOf(roster, decisionFor(roster));
    expect(planClose(state, roster, null, NOW).outcome).toEqual({ kind: 'not-due' });
    const due = planClose(state, roster, null, CLOSES);
    expect(due.outcome).toEqual({ kind: 'closed', reason: 'time' });
    expect(due.changes.at(-1)).toMatchObject({
      type: 'close',
      reason: 'time',
      snapshot: { votingMembers: 10, required: 5, eligible: 8, voted: 0 },
    });
    const closed = { ...state, decision: { ...state.decision, status: 'closed' as const, closedAt: CLOSES } };
    expect(planClose(closed, roster, null, later(500))).toMatchObject({
      changes: [],
      outcome: { kind: 'already-closed' },
    });
  });

  it('freezes the tally, the quorum and the resident share of those who voted', () => {
    const eligible = assess(stateOf(roster, decisionFor(roster)), roster).eligible;
    // Helen Brooks is not a resident; the rest of these six are
    const voters = [
      'Margaret Okafor',
      'David Hughes',
      'Gareth Jones',
      'Kwame Mensah',
      'Rosa Novak',
      'Helen Brooks',
    ].map((n) => person(roster, n));
    const state = stateOf(roster, decisionFor(roster), {
      declarations: eligible.map((p) => none(p.id)),
      votes: voters.map((p, i) => voteOf(p.id, i < 4 ? 'For' : i === 4 ? 'Against' : 'Abstain')),
    });
    const plan = planClose(state, roster, chair, NOW);
    expect(plan.changes.at(-1)).toMatchObject({
      type: 'close',
      snapshot: {
        voted: 6,
        residentsVoted: 5,
        residentMajority: true,
        tally: [
          { option: 'For', count: 4 },
          { option: 'Against', count: 1 },
          { option: 'Abstain', count: 1 },
        ],
      },
    });
    const record = buildRecord(state, roster);
    expect(record.quorum).toEqual({ required: 5, canBeTaken: true, met: true });
    expect(record.residents).toEqual({ voted: 6, residents: 5, majority: true });
    expect(record.leading).toEqual({ kind: 'winner', option: 'For', count: 4 });
  });

  it('sets aside the vote of a member recused after voting (the register changed), with its own change', () => {
    const state = stateOf(roster, decisionFor(roster), {
      declarations: [none(rosa.id), none(chair.id)],
      votes: [voteOf(rosa.id, 'For'), voteOf(chair.id, 'Against')],
    });
    const rosaNow = {
      ...rosa,
      interests: [{ organisation: 'Northfield Community Cafe Limited', kind: 'director' as const }],
    };
    const changed = { ...roster, people: roster.people.map((p) => (p.id === rosa.id ? rosaNow : p)) };
    const plan = planClose(state, changed, chair, NOW);
    expect(plan.changes.map((c) => c.type)).toEqual(['recuse', 'withdraw-vote', 'close']);
    expect(plan.changes[1]).toEqual({ type: 'withdraw-vote', personId: rosa.id, why: 'recused after voting' });
    expect(plan.changes[2]).toMatchObject({
      snapshot: {
        voted: 1,
        eligible: 7,
        tally: [
          { option: 'For', count: 0 },
          { option: 'Against', count: 1 },
          { option: 'Abstain', count: 0 },
        ],
      },
    });
  });

  it('names the most-voted option, leaving abstentions aside', () => {
    expect(
      leadingOption([
        { option: 'For', count: 2 },
        { option: 'Against', count: 2 },
        { option: 'Abstain', count: 5 },
      ]),
    ).toEqual({ kind: 'tie', options: ['For', 'Against'], count: 2 });
    expect(
      leadingOption([
        { option: 'For', count: 0 },
        { option: 'Abstain', count: 3 },
      ]),
    ).toEqual({ kind: 'none' });
  });
});

describe('reminders', () => {
  const decision = decisionFor(roster); // closes Fri 17:00; reminders 24 hours before
  const eligible = assess(stateOf(roster, decision), roster).eligible;
  const [a, b, c] = eligible;

  it('go once, 24 hours before close, only to eligible members who have not declared or not voted', () => {
    const state = stateOf(roster, decision, {
      declarations: [none(a!.id), none(b!.id)],
      votes: [voteOf(a!.id, 'For')],
    });
    expect(planReminders(state, roster, new Date(CLOSES.getTime() - 24 * 3_600_000 - 60_000)).outcome).toEqual({
      kind: 'not-due',
    });
    const due = planReminders(state, roster, new Date(CLOSES.getTime() - 24 * 3_600_000));
    expect(due.changes.at(-1)).toEqual({ type: 'reminders-sent' });
    const targets = due.outcome.kind === 'remind' ? due.outcome.targets : [];
    expect(targets).toContainEqual({ personId: b!.id, needs: 'vote' });
    expect(targets).toContainEqual({ personId: c!.id, needs: 'declare' });
    expect(targets.map((t) => t.personId)).not.toContain(a!.id); // declared and voted: never reminded
    const never = ['Sarah Whitfield', 'Tom Whitfield', 'Jo Brooks', 'Sam Taylor', 'Linda Marsh'].map(
      (n) => person(roster, n).id,
    );
    expect(targets.filter((t) => never.includes(t.personId))).toEqual([]); // recused or without a vote
    expect(targets).toHaveLength(eligible.length - 1);
    const sent = { ...state, decision: { ...state.decision, remindersSentAt: CLOSES } };
    expect(planReminders(sent, roster, new Date(CLOSES.getTime() - 3_600_000)).outcome).toEqual({ kind: 'not-due' });
  });

  it('follow the partnership’s setting, and skip a decision put inside the reminder window', () => {
    const off = demoRoster({ reminderHoursBeforeClose: 0 });
    expect(planReminders(stateOf(off, decisionFor(off)), off, new Date(CLOSES.getTime() - 3_600_000)).outcome).toEqual({
      kind: 'not-due',
    });
    const late = stateOf(roster, decisionFor(roster, { createdAt: new Date(CLOSES.getTime() - 10 * 3_600_000) }));
    const plan = planReminders(late, roster, new Date(CLOSES.getTime() - 9 * 3_600_000));
    expect(plan.outcome).toEqual({ kind: 'remind', targets: [] });
    expect(plan.changes).toEqual([{ type: 'reminders-sent' }]);
  });
});
