// The review's buttons and form: a member's one-click confirmation, the rep's answers, "the
// changes are right", snooze, download, submit (the list of what is open, then its confirmation)
// and reopen. Each parses what was clicked or typed and
// hands it to one review service, which checks who clicked, which year it was for and whether the
// review is still open (src/services/review).
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { CONFIRM_CHOICES, PLAN, QUESTIONS, TIMELINE } from '../../domain/review/types.ts';
import { confirmChanges, confirmMembership } from '../../services/review/confirm.ts';
import { saveReviewAnswers, type AnswersInput } from '../../services/review/answers.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { answersFormAgain, commentField } from '../views/review-form.ts';
import { MEMBERS_ONLY } from '../views/review-refusals.ts';
import { REOPEN_ACTION, SUBMIT_CONFIRM_ACTION } from '../views/review-submit.ts';
import { answersSavedReply, changesCheckedReply, changesNowReply, confirmedReply } from '../views/review-replies.ts';
import { answerForm, confirmSubmit, download, reopen, snooze, submit } from './review.ts';
import { saveSettings, SETTINGS_FORM } from './review-settings.ts';
import { answerReviewRefusal } from './review-scope.ts';
import type { ActionHandler, FormHandler, ScopedContext } from './types.ts';

/** `2026:resident`: the year and the choice, each null when the value does not carry one. */
function parseConfirmation(value: string) {
  const [yearText = '', choiceText = ''] = value.split(':');
  return {
    year: /^\d{4}$/.test(yearText) ? Number(yearText) : null,
    choice: CONFIRM_CHOICES.find((c) => c === choiceText) ?? null,
  };
}

const yearOf = (text: string): number | null => (/^\d{4}$/.test(text) ? Number(text) : null);

/** `2026:3f9a…`: the year and the fingerprint of the open list the rep was shown, each null when missing. */
function parseShownList(value: string) {
  const [yearText = '', fingerprint = ''] = value.split(':');
  return { year: yearOf(yearText), fingerprint: /^[0-9a-f]{16}$/.test(fingerprint) ? fingerprint : null };
}

async function confirm(ctx: ScopedContext, value: string): Promise<Reply[]> {
  const result = await confirmMembership(serviceDeps(ctx.deps), actorOf(ctx), parseConfirmation(value));
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'confirm', { notPermitted: MEMBERS_ONLY });
  return [confirmedReply(result.value, ctx.scope.roster, ctx.scope.partnership.settings)];
}

async function changesOk(ctx: ScopedContext, fingerprint: string): Promise<Reply[]> {
  const result = await confirmChanges(serviceDeps(ctx.deps), actorOf(ctx), { fingerprint });
  if (!result.ok)
    return result.error.code === 'changes-changed'
      ? [changesNowReply(result.error.changes, result.error.fingerprint)]
      : answerReviewRefusal(ctx, result.error, 'command');
  return [changesCheckedReply(result.value.count, result.value.lastYear)];
}

const text = (v: string | string[] | undefined): string =>
  (typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '').trim();

function answersFrom(values: Record<string, string | string[]>, context: string | undefined): AnswersInput {
  return {
    context,
    questions: Object.fromEntries(
      QUESTIONS.map((q) => [
        q.id,
        { choice: text(values[q.id]).toLowerCase(), comment: text(values[commentField(q.id)]) },
      ]),
    ),
    plan: text(values[PLAN]),
    timeline: text(values[TIMELINE]),
  };
}

const saveAnswers: FormHandler = async (ctx, values, context) => {
  const result = await saveReviewAnswers(serviceDeps(ctx.deps), actorOf(ctx), answersFrom(values, context));
  if (!result.ok && (result.error.code === 'answers-invalid' || result.error.code === 'nothing-to-save'))
    return [answersFormAgain(result.error, values)]; // the form again: each problem beside its field
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'answers');
  const { year, saved, after } = result.value;
  return [answersSavedReply(year, saved, after)];
};

export const reviewActions: Record<string, ActionHandler> = {
  'review.confirm': confirm,
  'review.answer': (ctx) => answerForm(ctx),
  'review.snooze': (ctx) => snooze(ctx, true),
  'review.changes-ok': changesOk,
  'review.export': (ctx, value) => download(ctx, value === 'csv' ? 'csv' : 'md'),
  'review.submit': (ctx) => submit(ctx),
  [SUBMIT_CONFIRM_ACTION]: (ctx, value) => confirmSubmit(ctx, { shown: parseShownList(value) }),
  [REOPEN_ACTION]: (ctx, value) => reopen(ctx, { year: yearOf(value) }),
};

export const reviewForms: Record<string, FormHandler> = {
  'review.answers': saveAnswers,
  [SETTINGS_FORM]: saveSettings,
};
