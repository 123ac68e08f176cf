// The four review questions as a form, with the bot's own evidence beside each (the criteria
// result and the diversity advisory, the make-up checks, the decisions and their conflicts logs),
// plus the plan and timeline when the partnership is out of criteria.
import { MAKE_UP_CHECKS, type CheckResult } from '../../domain/criteria/index.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import { CHECK_LABELS } from '../../domain/review/export.ts';
import {
  CHOICE_LABELS,
  CHOICES,
  MAX_ANSWER,
  PLAN,
  TIMELINE,
  type DecisionEvidence,
  type QuestionId,
} from '../../domain/review/types.ts';
import { describeQuorum } from '../../domain/settings.ts';
import { plural, type Roster } from '../../domain/roster.ts';
import type { Block, CheckItem, Field, Form, Reply } from '../../domain/chat/reply.ts';
import type { Problem } from '../../domain/result.ts';
import type { AnswerProblem, ReviewRefusal } from '../../services/review/refusals.ts';
import { formAgain, type Typed } from './form-again.ts';
import { FIX } from './form-problems.ts';
import { answerProblemText, answersRefusedText, NOTHING_TO_SAVE } from './review-refusals.ts';
import type { Policy } from '../../domain/policies.ts';
import { isoDay } from '../../domain/review/calendar.ts';
import { policyLine } from './policies.ts';

export const ANSWERS_FORM = 'review.answers';
export const commentField = (id: string): string => `${id}.comment`;

const check = (s: ReviewStatus, id: string): CheckResult | undefined => s.criteria.checks.find((c) => c.id === id);

function decisionLines(decisions: readonly DecisionEvidence[]): string[] {
  return decisions.map(
    (d) =>
      `Decision ${d.number}, “${d.title}” (${d.status}): ${plural(d.declarations, 'declaration')}, ${plural(d.interestsDeclared, 'interest')} declared, ${plural(d.recusals, 'member')} stepped back, ${plural(d.votes, 'vote')}.`,
  );
}

/** One evidence item per question: a short line for the field's hint, and the full lines. */
export function questionEvidence(
  s: ReviewStatus,
  roster: Roster,
  decisions: readonly DecisionEvidence[],
  policies: readonly Policy[] = [],
  now?: Date,
): Record<QuestionId, CheckItem> {
  const today = now ? isoDay(now, roster.partnership.settings) : undefined;
  const overdue = today ? policies.filter((p) => p.reviewOn && p.reviewOn < today) : [];
  const policyText = policies.length
    ? ` ${plural(policies.length, 'local policy')} recorded${overdue.length ? `, ${overdue.length} overdue for review` : ''}.`
    : ' No local policies are recorded (`/partnership policies`).';
  const c = s.criteria;
  const diversity = check(s, 'diversity');
  const ownRight = check(s, 'own-right');
  const makeUp = c.checks.filter((x) => MAKE_UP_CHECKS.includes(x.id));
  const failing = makeUp.filter((x) => x.status === 'fail');
  const watching = makeUp.filter((x) => x.status === 'warn');
  const withConflicts = decisions.filter((d) => d.interestsDeclared > 0 || d.recusals > 0);
  const recorded = decisions.length
    ? `${plural(decisions.length, 'decision')} recorded this year, ${withConflicts.length} with interests declared or members stepping back.`
    : 'No decisions are recorded in the bot this year.';
  return {
    'reflects-community': {
      tone: c.inCriteria ? 'pass' : 'fail',
      title: 'Evidence: who is on the partnership',
      text: `${c.inCriteria ? 'In criteria' : 'Not in criteria'}: ${c.members} members, ${c.residents} of them residents.`,
      details: [diversity?.message ?? '', ownRight?.message ?? ''].filter(Boolean),
    },
    'followed-policies': {
      tone: 'info',
      title: 'Evidence: decisions and local rules',
      text: `${recorded}${policyText} Quorum: ${describeQuorum(roster.partnership.settings.quorum)}; loyalty conflicts: ${roster.partnership.settings.loyaltyConflicts === 'withdraw' ? 'step back' : 'declare and stay'}.`,
      details: [...policies.map((p) => `Policy: ${policyLine(p, today)}`), ...decisionLines(decisions)],
    },
    'ethos-values': {
      tone: 'info',
      title: 'Evidence: resident-led and open',
      text: `${c.residents} of ${c.members} members live in the area (${check(s, 'resident-majority')?.status === 'fail' ? 'not' : 'still'} a resident majority). ${recorded}`,
      details: [
        'The bot cannot judge this one: think of how the partnership has involved residents and made decisions openly this year.',
      ],
    },
    'coi-guidance': {
      tone: failing.length ? 'fail' : watching.length ? 'warn' : 'pass',
      title: 'Evidence: make-up checks and conflicts logs',
      text: failing.length
        ? `${plural(failing.length, 'make-up check')} failing: ${failing.map((x) => x.title).join('; ')}.`
        : watching.length
          ? `No make-up check fails; ${watching.length} to watch: ${watching.map((x) => x.title).join('; ')}.`
          : 'Every make-up check passes.',
      details: [
        ...makeUp.map((x) => `${CHECK_LABELS[x.status]}: ${x.title}: ${x.message}`),
        ...decisionLines(withConflicts),
      ],
    },
  };
}

/** The field of the answers form a problem is about. */
function answerField(p: AnswerProblem): string {
  if (p.kind === 'choice') return p.question;
  if (p.kind === 'comment-too-long') return commentField(p.question);
  return p.field === 'plan' ? PLAN : TIMELINE;
}

/** The answers form sent back because nothing was saved: each problem beside its field, what was typed kept. */
export function answersFormAgain(
  refused: Extract<ReviewRefusal, { code: 'answers-invalid' | 'nothing-to-save' }>,
  typed: Typed,
): Reply {
  const problems: Problem[] =
    refused.code === 'nothing-to-save'
      ? [{ where: '', message: NOTHING_TO_SAVE }]
      : refused.problems.map((p) => ({ where: answerField(p), message: answerProblemText(p) }));
  const summary = refused.code === 'nothing-to-save' ? NOTHING_TO_SAVE : answersRefusedText(refused.problems);
  const { status, roster, evidence, policies, now } = refused.form;
  return answersFormReply(status, roster, evidence, policies, now, { problems, typed, summary });
}

export function answersFormReply(
  s: ReviewStatus,
  roster: Roster,
  decisions: readonly DecisionEvidence[],
  policies: readonly Policy[] = [],
  now?: Date,
  again?: { problems: readonly Problem[]; typed: Typed; summary: string },
): Reply {
  const evidence = questionEvidence(s, roster, decisions, policies, now);
  const options = CHOICES.map((value) => ({ value, label: CHOICE_LABELS[value] }));
  const fields: Field[] = s.questions.flatMap((q): Field[] => {
    const e = evidence[q.id as QuestionId];
    return [
      {
        id: q.id,
        label: q.title,
        type: 'select',
        options,
        ...(q.answer?.choice ? { initial: q.answer.choice } : {}),
        hint: `${e.text}`.slice(0, 1900),
      },
      {
        id: commentField(q.id),
        label: 'Comment (optional)',
        type: 'textarea',
        maxLength: MAX_ANSWER,
        ...(q.answer?.text ? { initial: q.answer.text } : {}),
      },
    ];
  });
  if (s.needsPlan) {
    const missing = s.criteria.checks.filter(
      (x) => x.status === 'fail' && x.fix && (x.id === 'min-members' || x.id === 'resident-majority'),
    );
    fields.push(
      {
        id: PLAN,
        label: 'What is the partnership doing to meet the criteria?',
        type: 'textarea',
        maxLength: MAX_ANSWER,
        hint: missing
          .map((x) => x.fix)
          .join(' ')
          .slice(0, 1900),
        ...(s.plan?.text ? { initial: s.plan.text } : {}),
      },
      {
        id: TIMELINE,
        label: 'By when? (the timeline)',
        type: 'textarea',
        maxLength: MAX_ANSWER,
        ...(s.timeline?.text ? { initial: s.timeline.text } : {}),
      },
    );
  }
  const form: Form = {
    id: ANSWERS_FORM,
    title: `Review ${s.year}: the four questions`,
    submitLabel: 'Save answers',
    fields,
    context: String(s.year),
  };
  const blocks: Block[] = [
    // sent back: what happened first
    ...(again ? [{ kind: 'text' as const, text: `Nothing was saved. ${FIX}` }] : []),
    { kind: 'heading', text: `Partnership review ${s.year}: the four questions` },
    {
      kind: 'text',
      text: 'Beside each question is what the bot knows. Answer what you can; you can come back to the rest.',
    },
    { kind: 'checklist', items: s.questions.map((q) => evidence[q.id as QuestionId]) },
    { kind: 'form', form: again ? formAgain(form, again.problems, again.typed) : form },
  ];
  return {
    summary: again
      ? again.summary
      : `The four review questions for ${roster.partnership.name}, ${s.year}, with the bot's evidence.`,
    blocks,
    visibility: 'private',
  };
}
