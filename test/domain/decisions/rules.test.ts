import { describe, expect, it } from 'vitest';
import { mayCreate, validateDraft } from '../../../src/domain/decisions/create.ts';
import { createRefusal, refusedText } from '../../../src/bot/views/decision-words.ts';
import type { Person } from '../../../src/domain/roster.ts';
import type { Plan } from '../../../src/domain/decisions/types.ts';
import { assess } from '../../../src/domain/decisions/standing.ts';
import {
  planDeclare,
  planVote,
  validateDeclaration,
  type DeclareOutcome,
  type VoteOutcome,
} from '../../../src/domain/decisions/respond.ts';
import { can } from '../../../src/domain/permissions.ts';
import { parseSettings } from '../../../src/domain/settings.ts';
import { CLOSES, NOW, decisionFor, demoRoster, none, person, stateOf, voteOf } from './fixtures.ts';

const roster = demoRoster();
const id = (name: string) => person(roster, name).id;
/** What the person is told of a plan's refusal (src/bot/views/decision-words.ts). */
const said = (plan: Plan<DeclareOutcome | VoteOutcome>, who: Person) =>
  plan.outcome.kind === 'refused' ? refusedText(decisionFor(roster), plan.outcome, who) : null;

describe('who may put a decision', () => {
  it('the chair, vice-chair and secretary; the rep only when the partnership allows it', () => {
    const settings = roster.partnership.settings;
    const allowed = roster.people.filter((p) => mayCreate(p, settings)).map((p) => p.name);
    expect(allowed).toEqual(['Margaret Okafor', 'David Hughes', 'Priya Patel']);
    const repAllowed = parseSettings({ repMayCreateDecisions: true });
    expect(mayCreate(person(roster, 'Sam Taylor'), repAllowed)).toBe(true);
    expect(mayCreate(person(roster, 'Jo Brooks'), repAllowed)).toBe(false);
    expect(mayCreate(null, repAllowed)).toBe(false);
    // the one authorisation table agrees for everyone but the rep, whose permission is a setting
    for (const p of roster.people.filter((x) => x.kind !== 'rep'))
      expect(can(p, 'decision.create')).toBe(mayCreate(p, settings));
    expect(createRefusal(person(roster, 'Sam Taylor'), settings)).toMatch(/has not allowed the rep to put decisions/);
    expect(createRefusal(person(roster, 'Rosa Novak'), settings)).toBe(
      'Only the chair, the vice-chair or the secretary can put a decision to the partnership. Ask one of them to start the vote.',
    );
  });
});

describe('a valid decision', () => {
  const context = {
    partnershipId: 'p1',
    creator: person(roster, 'Margaret Okafor'),
    settings: roster.partnership.settings,
    now: NOW,
  };

  it('defaults to For / Against / Abstain, an open ballot and live results, and freezes the rules', () => {
    const r = validateDraft({ title: '  Summer fun day  budget ', closes: 'Friday 5pm' }, context);
    expect(r.ok && r.value).toMatchObject({
      title: 'Summer fun day budget',
      kind: 'general',
      options: ['For', 'Against', 'Abstain'],
      ballot: 'open',
      visibility: 'live',
      closesAt: CLOSES,
      rules: {
        quorum: { type: 'fraction', value: 0.5 },
        loyaltyConflicts: 'withdraw',
        reminderHoursBeforeClose: 24,
        timeZone: 'Europe/London',
      },
    });
  });

  it('reports every problem at once, each saying how to fix it', () => {
    const r = validateDraft(
      {
        title: 'x',
        kind: 'procurement',
        options: 'Yes; yes',
        closes: 'someday',
        ballot: 'hidden',
        visibility: 'never',
      },
      context,
    );
    expect(r.ok).toBe(false);
    const where = !r.ok ? r.error.map((p) => p.where) : [];
    expect(where).toEqual(['Title', 'Organisations', 'Options', 'Closes', 'Ballot', 'Results']);
    expect(!r.ok && r.error[1]!.message).toMatch(/procurement decision needs the organisations involved/);
  });

  it('refuses a secret ballot with live results, saying what to choose instead; left empty, a secret ballot’s results come after close', () => {
    const r = validateDraft(
      { title: 'Chair’s honorarium', closes: 'Friday 5pm', ballot: 'secret', visibility: 'live' },
      context,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual([
      {
        where: 'Results',
        message:
          'a secret ballot’s results can only be shown after voting closes: live counts would show how someone voted when the count drops after they are recused or leave. Choose “After close” for Results, or an open ballot if the counts should be live.',
      },
    ]);
    const empty = validateDraft({ title: 'Chair’s honorarium', closes: 'Friday 5pm', ballot: 'secret' }, context);
    expect(empty.ok && [empty.value.ballot, empty.value.visibility]).toEqual(['secret', 'after-close']);
    const open = validateDraft(
      { title: 'Chair’s honorarium', closes: 'Friday 5pm', ballot: 'open', visibility: 'live' },
      context,
    );
    expect(open.ok).toBe(true);
  });

  it('reads organisations and options separated by semicolons or lines', () => {
    const r = validateDraft(
      {
        title: 'Grant round',
        kind: 'grant',
        organisations: 'Riverside Youth Trust;\nNorthfield Food Bank; riverside youth trust',
        options: 'Fund both\nFund one; Fund neither',
        closes: 'tomorrow 9am',
      },
      context,
    );
    expect(r.ok && r.value.organisations).toEqual(['riverside youth trust', 'Northfield Food Bank']);
    expect(r.ok && r.value.options).toEqual(['Fund both', 'Fund one', 'Fund neither']);
  });
});

describe('recusal and eligibility (the coi engine, under the decision’s frozen rules)', () => {
  it('recuses from the register (direct financial) and from relationships (indirect financial)', () => {
    const s = assess({ ...stateOf(roster, decisionFor(roster)), recusals: [] }, roster);
    const reasons = Object.fromEntries(
      s.newRecusals.map((r) => [
        roster.people.find((p) => p.id === r.personId)!.name,
        r.reasons.map((x) => `${x.kind}/${x.source}`),
      ]),
    );
    expect([...s.recused.keys()]).toEqual(s.newRecusals.map((r) => r.personId));
    expect(reasons).toEqual({
      'Sarah Whitfield': ['direct-financial/register'],
      'Tom Whitfield': ['indirect-financial/relationship'],
    });
    expect(s.eligible.map((p) => p.name)).toEqual([
      'Margaret Okafor',
      'David Hughes',
      'Priya Patel',
      'Aisha Rahman',
      'Gareth Jones',
      'Kwame Mensah',
      'Helen Brooks',
      'Rosa Novak',
    ]);
  });

  it('recuses a member by their own declaration', () => {
    const gareth = id('Gareth Jones');
    const plan = planDeclare(
      stateOf(roster, decisionFor(roster)),
      roster,
      person(roster, 'Gareth Jones'),
      {
        outcome: 'interest',
        kind: 'direct-financial',
        detail: 'I supply the café’s bread',
        organisation: 'northfield community cafe limited',
      },
      NOW,
    );
    expect(plan.outcome).toMatchObject({ kind: 'declared', outcome: 'interest' });
    const recusal = plan.changes.find((c) => c.type === 'recuse' && c.personId === gareth);
    expect(recusal && recusal.type === 'recuse' && recusal.reasons).toEqual([
      expect.objectContaining({
        kind: 'direct-financial',
        source: 'declaration',
        organisation: 'Northfield Community Café Ltd',
      }),
    ]);
  });

  it('treats loyalty conflicts as the partnership’s setting says: withdraw, or declare and stay', () => {
    const decision = { organisations: ['Riverside Youth Trust'], kind: 'grant' as const };
    const withdraw = assess(stateOf(roster, decisionFor(roster, decision)), roster);
    expect(withdraw.recused.has(id('Priya Patel'))).toBe(true);
    const stayRoster = demoRoster({ loyaltyConflicts: 'declare-and-stay' });
    const stay = assess(stateOf(stayRoster, decisionFor(stayRoster, decision)), stayRoster);
    expect(stay.recused.has(id('Priya Patel'))).toBe(false);
    expect(stay.eligible.map((p) => p.name)).toContain('Priya Patel');
    // the rule frozen at creation applies, not today's setting
    const frozen = assess({ ...stateOf(roster, decisionFor(roster, decision)), recusals: [] }, stayRoster);
    expect(frozen.recused.has(id('Priya Patel'))).toBe(true);
  });

  it('never lets paid workers, reps or non-voting members vote; councillors follow the key-decision setting', () => {
    const s = assess(stateOf(roster, decisionFor(roster)), roster);
    for (const name of ['Jo Brooks', 'Sam Taylor', 'Linda Marsh'])
      expect(s.eligible.map((p) => p.name)).not.toContain(name);
    const strict = demoRoster({ councillorsVoteOnKeyDecisions: false });
    expect(assess(stateOf(strict, decisionFor(strict)), strict).notEligible.map((n) => n.person.name)).toEqual([
      'Aisha Rahman',
    ]);
    expect(
      assess(stateOf(strict, decisionFor(strict, { kind: 'general', organisations: [] })), strict).eligible.map(
        (p) => p.name,
      ),
    ).toContain('Aisha Rahman');
    for (const [name, why] of [
      ['Jo Brooks', /Paid workers never vote/],
      ['Sam Taylor', /rep supports the partnership but does not vote/],
      ['Linda Marsh', /non-voting member/],
    ] as const) {
      const plan = planVote(stateOf(roster, decisionFor(roster)), roster, person(roster, name), 0, NOW);
      expect(plan.outcome).toMatchObject({ kind: 'refused', code: 'no-vote' });
      expect(said(plan, person(roster, name))).toMatch(why);
      expect(plan.changes.filter((c) => c.type === 'vote')).toEqual([]);
    }
  });

  it('recomputes the quorum after recusals', () => {
    const count = (n: number) => demoRoster({ quorum: { type: 'count', value: n } });
    expect(assess(stateOf(count(8), decisionFor(count(8))), count(8))).toMatchObject({ required: 8, canBeTaken: true });
    expect(assess(stateOf(count(9), decisionFor(count(9))), count(9))).toMatchObject({
      required: 9,
      canBeTaken: false,
    });
    // the default: half of the 10 voting members
    expect(assess(stateOf(roster, decisionFor(roster)), roster)).toMatchObject({ required: 5, canBeTaken: true });
    // a declaration that drops the eligible below the quorum says so, for the chair to be warned
    const r8 = count(8);
    const plan = planDeclare(
      stateOf(r8, decisionFor(r8)),
      r8,
      person(r8, 'Gareth Jones'),
      { outcome: 'interest', kind: 'loyalty', detail: 'I volunteer at the café' },
      NOW,
    );
    expect(plan.outcome).toMatchObject({ kind: 'declared', quorumLost: true });
  });
});

describe('declaring, then voting', () => {
  const decision = decisionFor(roster);
  const rosa = person(roster, 'Rosa Novak');

  it('asks for a declaration before taking a vote', () => {
    const plan = planVote(stateOf(roster, decision), roster, rosa, 0, NOW);
    expect(plan.outcome).toMatchObject({ kind: 'refused', code: 'declare-first' });
    expect(said(plan, rosa)).toMatch(/^Please declare first/);
  });

  it('counts a double click once and records a change', () => {
    const declared = stateOf(roster, decision, { declarations: [none(rosa.id)] });
    const first = planVote(declared, roster, rosa, 0, NOW);
    expect(first.changes).toEqual([{ type: 'vote', personId: rosa.id, option: 'For' }]);
    const voted = stateOf(roster, decision, { declarations: [none(rosa.id)], votes: [voteOf(rosa.id, 'For')] });
    const again = planVote(voted, roster, rosa, 0, NOW);
    expect(again.changes).toEqual([]);
    expect(again.outcome).toMatchObject({ kind: 'voted', unchanged: true });
    const change = planVote(voted, roster, rosa, 1, NOW);
    expect(change.changes).toEqual([{ type: 'vote', personId: rosa.id, option: 'Against', replaces: 'For' }]);
  });

  it('refuses an option that is not on the decision (a tampered button)', () => {
    const declared = stateOf(roster, decision, { declarations: [none(rosa.id)] });
    const plan = planVote(declared, roster, rosa, 7, NOW);
    expect(plan.outcome).toMatchObject({ kind: 'refused', code: 'no-such-option' });
    expect(said(plan, rosa)).toMatch(/not on this decision/);
  });

  it('closes when every eligible member has voted', () => {
    const s = assess(stateOf(roster, decision), roster);
    const others = s.eligible.filter((p) => p.id !== rosa.id);
    const state = stateOf(roster, decision, {
      declarations: s.eligible.map((p) => none(p.id)),
      votes: others.map((p) => voteOf(p.id, 'Against')),
    });
    const plan = planVote(state, roster, rosa, 0, NOW);
    expect(plan.outcome).toMatchObject({ kind: 'voted', closed: 'all-voted' });
    const close = plan.changes.find((c) => c.type === 'close');
    expect(close && close.type === 'close' && close.snapshot).toMatchObject({
      eligible: 8,
      voted: 8,
      tally: [
        { option: 'For', count: 1 },
        { option: 'Against', count: 7 },
        { option: 'Abstain', count: 0 },
      ],
    });
  });

  it('after the closing time takes nothing, and closes the decision', () => {
    const declared = stateOf(roster, decision, { declarations: [none(rosa.id)] });
    const late = new Date(CLOSES.getTime() + 1000);
    const plan = planVote(declared, roster, rosa, 0, late);
    expect(plan.outcome).toMatchObject({ kind: 'refused', code: 'closed' });
    expect(said(plan, rosa)).toMatch(/closed at Fri 23 Oct, 5pm/);
    expect(plan.changes.map((c) => c.type)).toEqual(['close']);
    expect(planDeclare(declared, roster, rosa, { outcome: 'none' }, late).changes.at(-1)).toMatchObject({
      type: 'close',
      reason: 'time',
    });
  });

  it('keeps declarations on the record: no withdrawing an interest', () => {
    const stay = demoRoster({ loyaltyConflicts: 'declare-and-stay' });
    const stayDecision = decisionFor(stay);
    const loyal = {
      personId: rosa.id,
      outcome: 'interest' as const,
      kind: 'loyalty' as const,
      organisation: null,
      detail: 'I volunteer there',
      at: NOW,
    };
    const kept = planDeclare(
      stateOf(stay, stayDecision, { declarations: [loyal] }),
      stay,
      rosa,
      { outcome: 'none' },
      NOW,
    );
    expect(kept.outcome).toMatchObject({ kind: 'refused', code: 'interest-on-record' });
    expect(said(kept, rosa)).toMatch(/stays on the record/);
    // under the default policy the same interest has recused her: she is told so, privately
    const recused = planDeclare(
      stateOf(roster, decision, { declarations: [loyal] }),
      roster,
      rosa,
      { outcome: 'none' },
      NOW,
    );
    expect(recused.outcome).toMatchObject({ kind: 'refused', code: 'recused' });
    expect(said(recused, rosa)).toMatch(/^You must not take part in Decision 1/);
    const plan = planDeclare(
      stateOf(roster, decision, { declarations: [none(rosa.id)] }),
      roster,
      rosa,
      { outcome: 'interest', kind: 'loyalty', detail: 'I volunteer there' },
      NOW,
    );
    expect(plan.changes[0]).toMatchObject({ type: 'declare', outcome: 'interest', replaces: 'none' });
    expect(plan.changes[1]).toMatchObject({ type: 'recuse', personId: rosa.id });
  });

  it('checks the declaration form', () => {
    expect(validateDeclaration({ kind: 'loyalty', detail: ' I volunteer   there ' }, decision)).toEqual({
      ok: true,
      value: {
        outcome: 'interest',
        kind: 'loyalty',
        detail: 'I volunteer there',
        organisation: 'Northfield Community Café Ltd',
      },
    });
    const bad = validateDeclaration({ kind: 'indirect-financial', detail: '', register: ['register'] }, decision);
    expect(!bad.ok && bad.error.map((p) => p.where)).toEqual(['Detail', 'Add to my register']);
    const noLink = validateDeclaration(
      { kind: 'direct-financial', detail: 'I own it', register: 'true' },
      decisionFor(roster, { kind: 'general', organisations: [] }),
    );
    expect(!noLink.ok && noLink.error.map((p) => p.where)).toEqual(['Your link to it', 'Organisation']);
    expect(
      validateDeclaration(
        { kind: 'direct-financial', detail: 'I own it', register: ['register'], link: 'owner' },
        decision,
      ),
    ).toMatchObject({ ok: true, value: { register: 'owner' } });
  });
});
