// Why a review operation did not do what was asked, as values: the chat layer words each one
// (src/bot/views/review-refusals.ts), the CLI too for the export.
import type { Refusal } from '../actor.ts';
import type { Policy } from '../../domain/policies.ts';
import type { Outstanding, ReviewStatus } from '../../domain/review/status.ts';
import type { OpenItem } from '../../domain/review/submit.ts';
import type { DecisionEvidence } from '../../domain/review/types.ts';
import type { Roster } from '../../domain/roster.ts';

/** One thing wrong with the answers form, for its question (by id and title) or the plan and timeline. */
export type AnswerProblem =
  | { kind: 'choice'; question: string; title: string; got: string }
  | { kind: 'comment-too-long'; question: string; title: string; length: number }
  | { kind: 'too-long'; field: 'plan' | 'timeline'; length: number };

/** What the answers form is drawn from: where the review stands and the bot's evidence for each question. */
export interface AnswersForm {
  status: ReviewStatus;
  roster: Roster;
  evidence: DecisionEvidence[];
  policies: Policy[];
  now: Date;
}

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
  /** `form`: to send the form back with its problems */
  | { code: 'answers-invalid'; problems: AnswerProblem[]; form: AnswersForm }
  | { code: 'nothing-to-save'; form: AnswersForm }
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
