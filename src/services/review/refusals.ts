// Why a review operation did not do what was asked, as values: the chat layer words each one
// (src/bot/views/review-refusals.ts), the CLI too for the export.
import type { Refusal } from '../actor.ts';
import type { Outstanding } from '../../domain/review/status.ts';
import type { OpenItem } from '../../domain/review/submit.ts';

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
  /** what still stops the review from being marked as submitted, and what else is open */
  | { code: 'submit-blocked'; blockers: Outstanding[]; others: OpenItem[] }
  /** "yes, mark it as submitted" for a list of open items that has changed since: here it is now */
  | { code: 'open-changed'; year: number; open: OpenItem[]; fingerprint: string; deadline: Date }
  /** reopen: this year's review is not marked as submitted */
  | { code: 'not-submitted'; year: number }
  | { code: 'review-not-started'; year: number; current: number }
  | { code: 'review-not-on-record'; year: number; current: number };

export type ReviewResult<T> = { ok: true; value: T } | { ok: false; error: ReviewRefusal };
