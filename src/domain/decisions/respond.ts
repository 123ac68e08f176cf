// A member's part in a decision: declare (no interest, or an interest), then vote. Pure: given the
// state read inside the store's transaction, say what to write and what to tell them.
import { CONFLICT_KINDS, type ConflictKind, type ConflictReason } from '../coi.ts';
import { organisationKey } from '../organisations.ts';
import { hasVote, INTEREST_KINDS, type InterestKind, type Person, type Roster } from '../roster.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';
import { closeChanges, closedWhy, isOverdue, refused, syncChanges, type Refusal } from './lifecycle.ts';
import { assess } from './standing.ts';
import type { Change, CloseReason, Decision, DecisionState, Plan } from './types.ts';
import { exclusionOf } from './who.ts';

export type DeclareInput =
  | { outcome: 'none' }
  | { outcome: 'interest'; kind: ConflictKind; organisation?: string; detail: string; register?: InterestKind };

export type DeclareOutcome =
  | {
      kind: 'declared';
      outcome: 'none' | 'interest';
      /** the person has a vote (a non-voting member, a paid worker or the rep declares only) */
      voter: boolean;
      unchanged: boolean;
      recused: ConflictReason[] | null;
      quorumLost: boolean;
      closed: CloseReason | null;
    }
  | Refusal;

export type VoteOutcome =
  { kind: 'voted'; option: string; previous: string | null; unchanged: boolean; closed: CloseReason | null } | Refusal;

const MAX_DETAIL = 500;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const ticked = (v: string | string[] | undefined): boolean =>
  Array.isArray(v) ? v.length > 0 : ['true', 'on', 'yes', '1', 'register'].includes((v ?? '').toLowerCase());

/** The "I have an interest" form, checked. */
export function validateDeclaration(
  values: Record<string, string | string[] | undefined>,
  decision: Decision,
): Result<DeclareInput, Problem[]> {
  const problems: Problem[] = [];
  const kind = CONFLICT_KINDS.find((k) => k === one(values.kind));
  if (!kind)
    problems.push({ where: 'Kind of interest', message: 'choose direct financial, indirect financial or loyalty.' });
  const detail = one(values.detail).replace(/\s+/g, ' ');
  if (!detail)
    problems.push({
      where: 'Detail',
      message: 'say briefly what the interest is, for example “I am a trustee of the youth trust”.',
    });
  else if (detail.length > MAX_DETAIL)
    problems.push({ where: 'Detail', message: `keep it under ${MAX_DETAIL} characters.` });
  let organisation = one(values.organisation).slice(0, 200) || undefined;
  if (!organisation && decision.organisations.length === 1) organisation = decision.organisations[0];
  const named = organisation
    ? decision.organisations.find((o) => organisationKey(o) === organisationKey(organisation!))
    : undefined;
  if (named) organisation = named;
  let register: InterestKind | undefined;
  if (ticked(values.register)) {
    register = INTEREST_KINDS.find((k) => k === one(values.link));
    if (kind === 'indirect-financial')
      problems.push({
        where: 'Add to my register',
        message:
          'the register records your own links to organisations. For a relative’s or friend’s interest, ask your chair to add the relationship to the roster instead, and untick the box.',
      });
    else if (!register)
      problems.push({
        where: 'Your link to it',
        message:
          'to add this to your register, say how you are linked (employee, owner, director, trustee, member, volunteer, contractor or other).',
      });
    if (!organisation)
      problems.push({ where: 'Organisation', message: 'to add this to your register, name the organisation.' });
  }
  if (problems.length || !kind) return fail(problems);
  return ok({
    outcome: 'interest',
    kind,
    detail,
    ...(organisation ? { organisation } : {}),
    ...(register ? { register } : {}),
  });
}

function plan<T>(person: Person, now: Date, changes: Change[], outcome: T): Plan<T> {
  return { actorId: person.id, at: now, changes, outcome };
}

/** Changes after a response (a vote, a proxy vote: ./proxy.ts): close if everyone eligible has now voted, else just keep in step. */
export function follow(
  next: DecisionState,
  roster: Roster,
): {
  changes: Change[];
  closed: CloseReason | null;
  quorumLost: boolean;
  recused: (id: string) => ConflictReason[] | null;
} {
  const standing = assess(next, roster);
  const recused = (id: string) => standing.recused.get(id) ?? null;
  if (standing.allVoted)
    return {
      changes: closeChanges(next, standing, roster, 'all-voted'),
      closed: 'all-voted',
      quorumLost: !standing.canBeTaken,
      recused,
    };
  return { changes: syncChanges(standing), closed: null, quorumLost: !standing.canBeTaken, recused };
}

/** `person` is someone the service has authorised to declare; the decision's own rules are checked here. */
export function planDeclare(
  state: DecisionState,
  roster: Roster,
  person: Person,
  input: DeclareInput,
  now: Date,
): Plan<DeclareOutcome> {
  const d = state.decision;
  if (d.status === 'closed') return plan(person, now, [], refused(closedWhy(d)));
  const standing = assess(state, roster);
  if (isOverdue(state, now))
    return plan(person, now, closeChanges(state, standing, roster, 'time'), refused(closedWhy(d)));
  // Anyone on the roster may declare (001's rule is for every member; paid workers and the rep
  // take part in discussions too): only voting is for members with a vote.
  const already = standing.recused.get(person.id);
  if (already) return plan(person, now, syncChanges(standing), refused({ code: 'recused', reasons: already }));

  const existing = state.declarations.find((x) => x.personId === person.id);
  if (input.outcome === 'none' && existing?.outcome === 'none') {
    return plan(person, now, syncChanges(standing), {
      kind: 'declared',
      outcome: 'none',
      voter: hasVote(person),
      unchanged: true,
      recused: null,
      quorumLost: false,
      closed: null,
    });
  }
  if (existing?.outcome === 'interest') {
    return plan(person, now, [], refused({ code: 'interest-on-record' }));
  }
  const declare: Change =
    input.outcome === 'none'
      ? { type: 'declare', personId: person.id, outcome: 'none' }
      : {
          type: 'declare',
          personId: person.id,
          outcome: 'interest',
          kind: input.kind,
          detail: input.detail,
          ...(input.organisation ? { organisation: input.organisation } : {}),
          ...(existing ? { replaces: 'none' as const } : {}),
        };
  // A first "No interest" changes no conflict, recusal or vote: unless the standing already calls
  // for a close, what follows is the sync it gives, with no second pass over the decision.
  if (input.outcome === 'none' && !standing.allVoted)
    return plan(person, now, [declare, ...syncChanges(standing)], {
      kind: 'declared',
      outcome: 'none',
      voter: hasVote(person),
      unchanged: false,
      recused: null,
      quorumLost: false,
      closed: null,
    });
  const register: Change[] =
    input.outcome === 'interest' && input.register && input.organisation
      ? [
          {
            type: 'register-interest',
            personId: person.id,
            organisation: input.organisation,
            kind: input.register,
            detail: input.detail,
          },
        ]
      : [];
  const next: DecisionState = {
    ...state,
    declarations: [
      ...state.declarations.filter((x) => x.personId !== person.id),
      input.outcome === 'none'
        ? { personId: person.id, outcome: 'none', kind: null, organisation: null, detail: null, at: now }
        : {
            personId: person.id,
            outcome: 'interest',
            kind: input.kind,
            organisation: input.organisation ?? null,
            detail: input.detail,
            at: now,
          },
    ],
  };
  const after = follow(next, roster);
  return plan(person, now, [declare, ...register, ...after.changes], {
    kind: 'declared',
    outcome: input.outcome,
    voter: hasVote(person),
    unchanged: false,
    recused: after.recused(person.id),
    quorumLost: standing.canBeTaken && after.quorumLost,
    closed: after.closed,
  });
}

/** `person` is someone the service has authorised to vote; the decision's own rules are checked here. */
export function planVote(
  state: DecisionState,
  roster: Roster,
  person: Person,
  optionIndex: number,
  now: Date,
): Plan<VoteOutcome> {
  const d = state.decision;
  if (d.status === 'closed') return plan(person, now, [], refused(closedWhy(d)));
  const standing = assess(state, roster);
  if (isOverdue(state, now))
    return plan(person, now, closeChanges(state, standing, roster, 'time'), refused(closedWhy(d)));
  const option = Number.isInteger(optionIndex) ? d.options[optionIndex] : undefined;
  if (option === undefined) return plan(person, now, [], refused({ code: 'no-such-option' }));
  if (!hasVote(person)) return plan(person, now, [], refused({ code: 'no-vote' }));
  const recused = standing.recused.get(person.id);
  if (recused) return plan(person, now, syncChanges(standing), refused({ code: 'recused', reasons: recused }));
  const excluded = exclusionOf(person, standing);
  if (excluded) return plan(person, now, syncChanges(standing), refused({ code: 'not-eligible', why: excluded }));
  if (!standing.declared.has(person.id))
    return plan(person, now, syncChanges(standing), refused({ code: 'declare-first' }));
  const existing = state.votes.find((v) => v.personId === person.id);
  if (existing?.option === option) {
    return plan(person, now, syncChanges(standing), {
      kind: 'voted',
      option,
      previous: option,
      unchanged: true,
      closed: null,
    });
  }
  const vote: Change = {
    type: 'vote',
    personId: person.id,
    option,
    ...(existing ? { replaces: existing.option ?? '' } : {}),
  };
  const outcome = { kind: 'voted', option, previous: existing?.option ?? null, unchanged: false } as const;
  // The voter is eligible (checked above), so their vote changes only the count of eligible votes:
  // recusals, set-aside votes and the roster's changes are as `standing` has them. Unless this
  // vote completes the ballot, the changes that follow are the sync it already gives, with no
  // second pass over every vote (a click's cost, docs/benchmarks.md).
  const eligibleVotes = standing.votes.length - standing.leaverVotes.length + (existing ? 0 : 1);
  if (eligibleVotes < standing.eligible.length)
    return plan(person, now, [vote, ...syncChanges(standing)], { ...outcome, closed: null });
  const next: DecisionState = {
    ...state,
    votes: [
      ...state.votes.filter((v) => v.personId !== person.id),
      {
        personId: person.id,
        option,
        changes: existing ? existing.changes + 1 : 0,
        at: existing?.at ?? now,
        updatedAt: now,
      },
    ],
  };
  const after = follow(next, roster);
  return plan(person, now, [vote, ...after.changes], { ...outcome, closed: after.closed });
}
