// The rep's answers to the four questions, and the plan and timeline when the partnership is out
// of criteria: checked whole, saved together, for the year the form was opened for.
import { CHOICES, MAX_ANSWER, PLAN, QUESTIONS, TIMELINE, type Choice } from '../../domain/review/types.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadReview } from './load.ts';
import { answersForm } from './service.ts';
import type { AnswerProblem, ReviewResult } from './refusals.ts';

/** The form as typed: by question id, the choice (lower case, '' for none) and the comment; the plan and timeline. */
export interface AnswersInput {
  /** the review year the form was opened for */
  context: string | undefined;
  questions: Record<string, { choice: string; comment: string }>;
  plan: string;
  timeline: string;
}

export async function saveReviewAnswers(
  deps: ServiceDeps,
  actor: Actor,
  input: AnswersInput,
): Promise<ReviewResult<{ year: number; saved: number; after: ReviewStatus }>> {
  const allowed = authorize(actor, 'review.answer');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const now = deps.clock.now();
  const { roster } = actor;
  const { year, status } = await loadReview(deps.stores.reviews, roster, now);
  if (input.context !== String(year)) return { ok: false, error: { code: 'wrong-form', context: input.context, year } };
  if (status.submission)
    return { ok: false, error: { code: 'review-submitted', year, submittedAt: status.submission.submittedAt } };
  if (now > status.season.closes)
    return { ok: false, error: { code: 'review-closed', year, closes: status.season.closes } };

  const problems: AnswerProblem[] = [];
  const answers: { question: string; choice: string | null; text: string }[] = [];
  for (const q of QUESTIONS) {
    const { choice = '', comment = '' } = input.questions[q.id] ?? {};
    if (choice && !CHOICES.includes(choice as Choice))
      problems.push({ kind: 'choice', question: q.id, title: q.title, got: choice });
    if (comment.length > MAX_ANSWER)
      problems.push({ kind: 'comment-too-long', question: q.id, title: q.title, length: comment.length });
    if (choice || comment) answers.push({ question: q.id, choice: choice || null, text: comment });
  }
  if (status.needsPlan) {
    for (const [id, field] of [
      [PLAN, 'plan'],
      [TIMELINE, 'timeline'],
    ] as const) {
      const value = input[field];
      if (value.length > MAX_ANSWER) problems.push({ kind: 'too-long', field, length: value.length });
      if (value) answers.push({ question: id, choice: null, text: value });
    }
  }
  // nothing saved: the form goes back with its evidence, so it is drawn as it was opened
  if (problems.length)
    return {
      ok: false,
      error: { code: 'answers-invalid', problems, form: await answersForm(deps, actor, year, status) },
    };
  if (!answers.length)
    return { ok: false, error: { code: 'nothing-to-save', form: await answersForm(deps, actor, year, status) } };
  await deps.stores.reviews.saveAnswers(roster.partnership.id!, year, answers, allowed.person.id, now);
  const after = (await loadReview(deps.stores.reviews, roster, now)).status;
  return { ok: true, value: { year, saved: answers.length, after } };
}
