// Why a review operation did not do what was asked, as values: the chat layer words each one
// (src/bot/views/review-refusals.ts), the CLI too for the export.
import type { Refusal } from '../actor.ts';
import type { Outstanding } from '../../domain/review/status.ts';

/** One thing wrong with the answers form, for its question (by title) or the plan and timeline. */
export type AnswerProblem =
  | { kind: 'choice'; title: string; got: string }
  | { kind: 'comment-too-long'; title: string; length: number }
  | { kind: 'too-long'; field: 'plan' | 'timeline'; length: number };

export type ReviewRefusal =
  | Refusal
  /** a button whose value is not one the bot's own buttons carry */
  | { code: 'stale' }
  /** a button for an earlier review year */
  | { code: 'review-over'; year: number; current: number }
  | { code: 'review-closed'; year: number; closes: Date }
  | { code: 'review-submitted'; year: number; submittedAt: Date }
  /** the answers form was for another year's review (`context` is the year it carried) */
  | { code: 'wrong-form'; context: string | undefined; year: number }
  | { code: 'answers-invalid'; problems: AnswerProblem[] }
  | { code: 'nothing-to-save' }
  | { code: 'no-changes' }
  /** "the changes are right" for a list that has changed since: here is the list now */
  | { code: 'changes-changed'; changes: string[]; fingerprint: string }
  /** what still stops the review from being marked as submitted */
  | { code: 'submit-blocked'; blockers: Outstanding[] }
  | { code: 'review-not-started'; year: number; current: number }
  | { code: 'review-not-on-record'; year: number; current: number };

export type ReviewResult<T> = { ok: true; value: T } | { ok: false; error: ReviewRefusal };
