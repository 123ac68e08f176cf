// The review's refusals in words. The same refusal reads differently by where it came from (a
// member's confirmation button, the answers form, the rep's commands), so each is worded for its place.
import { formatDay } from './text.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import type { Refusal } from '../../services/actor.ts';
import type { AnswerProblem, ReviewRefusal } from '../../services/review/refusals.ts';
import { MAX_ANSWER } from '../../domain/review/types.ts';
import { refusalText } from './refusals.ts';
import { REOPEN_HINT } from './review-nudges.ts';
import { openItemText, outstandingText } from './review-outstanding.ts';

/** Typed review commands from someone the roster does not know. */
export const REVIEW_UNKNOWN =
  'I don’t know who you are yet, so I can’t show the review. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.';
export const MEMBERS_ONLY = 'Only partnership members confirm their membership: this button is not for you.';
export const STALE =
  'That button is from an older message that I can no longer act on. Type `/partnership review` to start again.';

export const NOTHING_TO_SAVE =
  'Nothing to save: choose Yes, Partly or No for at least one question, or write a comment.';

/** Where a refusal is answered: its wording depends on it. */
export type ReviewPlace = 'confirm' | 'answer-form' | 'answers' | 'command' | 'submit';

const SHARED = ['not-permitted', 'unknown-person', 'not-found', 'invalid'];

/** The refusals every feature shares (answered through src/bot/refused.ts, which audits refused clicks). */
export const isSharedRefusal = (r: { code: string }): r is Refusal => SHARED.includes(r.code);

const lowerFirst = (t: string): string => t.charAt(0).toLowerCase() + t.slice(1);

/** What is wrong with one answer, as said under its field on the form. */
export function answerProblemText(p: AnswerProblem): string {
  switch (p.kind) {
    case 'choice':
      return `Choose Yes, Partly or No (got “${p.got.slice(0, 20)}”).`;
    case 'comment-too-long':
      return `The comment is ${p.length} characters; keep it under ${MAX_ANSWER}.`;
    case 'too-long':
      return `${p.field === 'plan' ? 'The plan' : 'The timeline'} is ${p.length} characters; keep it under ${MAX_ANSWER}.`;
  }
}

/** The same, said away from the form: which question it is about first. */
const problemText = (p: AnswerProblem): string =>
  p.kind === 'too-long' ? answerProblemText(p) : `“${p.title}”: ${lowerFirst(answerProblemText(p))}`;

export const answersRefusedText = (problems: readonly AnswerProblem[]): string =>
  `Nothing was saved:\n${problems.map(problemText).join('\n')}`;

export function reviewRefusalText(r: ReviewRefusal, settings: PartnershipSettings, place: ReviewPlace): string {
  switch (r.code) {
    case 'stale':
      return STALE;
    case 'review-over':
      if (place === 'submit')
        return `That button was for the ${r.year} review; the current review is ${r.current}. Type \`/partnership review\` to see where it stands.`;
      return `That button was for the ${r.year} review, which is over. Type \`/partnership review\` to confirm your membership for ${r.current}.`;
    case 'review-closed':
      return place === 'confirm'
        ? `The ${r.year} review closed on ${formatDay(r.closes, settings)}. If something has changed, tell your rep.`
        : `The ${r.year} review closed on ${formatDay(r.closes, settings)}.`;
    case 'review-submitted':
      if (place === 'submit')
        return `The ${r.year} review was already marked as submitted on ${formatDay(r.submittedAt, settings)}. ${REOPEN_HINT}`;
      if (place === 'confirm')
        return `The ${r.year} review was already submitted on ${formatDay(r.submittedAt, settings)}. If something has changed, tell your rep.`;
      if (place === 'answers')
        return `The ${r.year} review was already marked as submitted; its answers are kept as submitted.`;
      return `The ${r.year} review was marked as submitted on ${formatDay(r.submittedAt, settings)}; its answers are kept as submitted.`;
    case 'wrong-form':
      return `That form was for the ${r.context ?? 'an earlier'} review. Type \`/partnership review answer\` for the ${r.year} questions.`;
    case 'answers-invalid':
      return answersRefusedText(r.problems);
    case 'nothing-to-save':
      return NOTHING_TO_SAVE;
    case 'no-changes':
      return 'There are no changes since last year’s review to check.';
    case 'changes-changed':
      return 'The changes since last year have changed since that message. Here they are now:';
    case 'submit-blocked': {
      const also = r.others.length ? `\nAlso still open:\n${r.others.map(openItemText).join('\n')}` : '';
      return `Not yet: before the review is marked as submitted, ${r.blockers.map((o) => lowerFirst(outstandingText(o))).join(' ')} Type \`/partnership review answer\`.${also}`;
    }
    case 'open-changed':
      return `What is still open for the ${r.year} review has changed since that message.`;
    case 'not-submitted':
      return `The ${r.year} review is not marked as submitted, so there is nothing to reopen. Type \`/partnership review\` to see where it stands.`;
    case 'review-not-started':
      return `The ${r.year} review has not started yet: the current review year is ${r.current}.`;
    case 'review-not-on-record':
      return `No ${r.year} review was marked as submitted, so there is no record of it to export. The current review year is ${r.current}.`;
    default:
      return refusalText(r);
  }
}
