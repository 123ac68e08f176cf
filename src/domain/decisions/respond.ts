// A member's part in a decision: declare (no interest, or an interest), then vote. Pure: given the
// state read inside the store's transaction, say what to write and what to tell them.
import { CONFLICT_KINDS, type ConflictKind, type ConflictReason } from '../coi.ts';
import { organisationKey } from '../organisations.ts';
import { INTEREST_KINDS, type InterestKind, type Person, type Roster } from '../roster.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';
import { closeChanges, closedMessage, isOverdue, refused, syncChanges, type Refusal } from './lifecycle.ts';
import { assess } from './standing.ts';
import type { Change, CloseReason, Decision, DecisionState, Plan } from './types.ts';
import { ineligibleReason, noVoteReason, recusalNotice } from './who.ts';

export type DeclareInput =
  | { outcome: 'none' }
  | { outcome: 'interest'; kind: ConflictKind; organisation?: string; detail: string; register?: InterestKind };

export type DeclareOutcome =
  | {
      kind: 'declared';
      outcome: 'none' | 'interest';
      unchanged: boolean;
      recused: ConflictReason[] | null;
      quorumLost: boolean;
      closed: CloseReason | null;
    }
  | (Refusal & { recused?: boolean });

export type VoteOutcome =
  | { kind: 'voted'; option: string; previous: string | null; unchanged: boolean; closed: CloseReason | null }
  | (Refusal & { offerDeclare?: boolean; recused?: boolean });

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

function plan<T>(person: Person | null, now: Date, changes: Change[], outcome: T): Plan<T> {
  return { actorId: person?.id ?? null, at: now, changes, outcome };
}

/** Changes after a response: close if everyone eligible has now voted, else just keep in step. */
function follow(
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

export function planDeclare(
  state: DecisionState,
  roster: Roster,
  person: Person | null,
  input: DeclareInput,
  now: Date,
): Plan<DeclareOutcome> {
  const d = state.decision;
  if (d.status === 'closed') return plan(person, now, [], refused(closedMessage(state)));
  const standing = assess(state, roster);
  if (isOverdue(state, now))
    return plan(
      person,
      now,
      closeChanges(state, standing, roster, 'time'),
      refused(closedMessage({ ...state, decision: { ...d, closedAt: d.closesAt } })),
    );
  const noVote = noVoteReason(person);
  if (noVote || !person) return plan(person, now, [], refused(noVote ?? ''));
  const already = standing.recused.get(person.id);
  if (already)
    return plan(person, now, syncChanges(standing), { ...refused(recusalNotice(d, already)), recused: true });

  const existing = state.declarations.find((x) => x.personId === person.id);
  if (input.outcome === 'none' && existing?.outcome === 'none') {
    return plan(person, now, syncChanges(standing), {
      kind: 'declared',
      outcome: 'none',
      unchanged: true,
      recused: null,
      quorumLost: false,
      closed: null,
    });
  }
  if (existing?.outcome === 'interest') {
    return plan(
      person,
      now,
      [],
      refused(
        'You have already declared an interest in this decision, and a declaration stays on the record. If something was wrong or is missing, tell the chair so it is noted in the minutes.',
      ),
    );
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
    unchanged: false,
    recused: after.recused(person.id),
    quorumLost: standing.canBeTaken && after.quorumLost,
    closed: after.closed,
  });
}

export function planVote(
  state: DecisionState,
  roster: Roster,
  person: Person | null,
  optionIndex: number,
  now: Date,
): Plan<VoteOutcome> {
  const d = state.decision;
  if (d.status === 'closed') return plan(person, now, [], refused(closedMessage(state)));
  const standing = assess(state, roster);
  if (isOverdue(state, now))
    return plan(
      person,
      now,
      closeChanges(state, standing, roster, 'time'),
      refused(closedMessage({ ...state, decision: { ...d, closedAt: d.closesAt } })),
    );
  const option = Number.isInteger(optionIndex) ? d.options[optionIndex] : undefined;
  if (option === undefined)
    return plan(
      person,
      now,
      [],
      refused('That option is not on this decision. Open the ballot again from the decision’s card.'),
    );
  const noVote = noVoteReason(person);
  if (noVote || !person) return plan(person, now, [], refused(noVote ?? ''));
  const recused = standing.recused.get(person.id);
  if (recused)
    return plan(person, now, syncChanges(standing), { ...refused(recusalNotice(d, recused)), recused: true });
  const ineligible = ineligibleReason(person, standing);
  if (ineligible) return plan(person, now, syncChanges(standing), refused(ineligible));
  if (!standing.declared.has(person.id)) {
    return plan(person, now, syncChanges(standing), {
      ...refused(
        `Please declare first: before your vote on Decision ${d.number} counts, say whether you have any interest in it (“No interest” or “I have an interest”).`,
      ),
      offerDeclare: true,
    });
  }
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
  return plan(person, now, [vote, ...after.changes], {
    kind: 'voted',
    option,
    previous: existing?.option ?? null,
    unchanged: false,
    closed: after.closed,
  });
}
