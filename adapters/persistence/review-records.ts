// Reading the review's rows (confirmations, answers, submissions, sends) into the core's types,
// for one partnership or a page of them at once.
import { parseReviewDocument } from '../../src/domain/review/document.ts';
import {
  CHOICES,
  type Answer,
  type Choice,
  type Confirmation,
  type ReviewRecord,
  type SendRecord,
  type SendStatus,
  type Submission,
} from '../../src/domain/review/types.ts';
import { safeJson } from './person-rows.ts';

export const REVIEW_SEND_KINDS = ['review-open', 'review-nudge', 'review-confirm'];

type AnswerRow = { question: string; answer: string; answeredById: string; updatedAt: Date };
type ConfirmationRow = { personId: string; year: number; resident: boolean; member: boolean; confirmedAt: Date };
type SubmissionRow = { year: number; snapshot: string; submittedById: string | null; submittedAt: Date };
type SendRow = {
  key: string;
  kind: string;
  recipientId: string | null;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  claimedUntil: Date | null;
};

/** Answers are stored as JSON `{ choice, text }`. */
export const encodeAnswer = (choice: string | null, text: string): string => JSON.stringify({ choice, text });

export function toAnswer(row: AnswerRow): Answer {
  const value = safeJson(row.answer) as { choice?: unknown; text?: unknown } | undefined;
  const choice = CHOICES.includes(value?.choice as Choice) ? (value!.choice as Choice) : null;
  const text = typeof value?.text === 'string' ? value.text : value === undefined ? row.answer : '';
  return { question: row.question, choice, text, answeredById: row.answeredById, updatedAt: row.updatedAt };
}

export const toConfirmation = (r: ConfirmationRow): Confirmation => ({
  personId: r.personId,
  year: r.year,
  resident: r.resident,
  member: r.member,
  confirmedAt: r.confirmedAt,
});

export function toSubmission(row: SubmissionRow): Submission | null {
  const document = parseReviewDocument(safeJson(row.snapshot));
  return document ? { year: row.year, submittedAt: row.submittedAt, submittedById: row.submittedById, document } : null;
}

export const toSendRecord = (r: SendRow): SendRecord => ({
  key: r.key,
  kind: r.kind,
  recipientId: r.recipientId,
  status: r.status as SendStatus,
  attempts: r.attempts,
  createdAt: r.createdAt,
  sentAt: r.sentAt,
  nextAttemptAt: r.nextAttemptAt,
  claimedUntil: r.claimedUntil,
});

/** Confirmation requests that could not be delivered after every attempt: the rep is told. */
export const unreachableOf = (sends: readonly SendRecord[], year: number): string[] =>
  sends
    .filter(
      (s) =>
        s.kind === 'review-confirm' &&
        s.status === 'failed' &&
        s.nextAttemptAt === null &&
        s.key.startsWith(`confirm:${year}:`),
    )
    .flatMap((s) => (s.recipientId ? [s.recipientId] : []));

export interface RecordRows {
  confirmations: ConfirmationRow[];
  answers: AnswerRow[];
  submissions: SubmissionRow[];
  linked: string[];
  sends: SendRecord[];
}

export function toRecord(year: number, rows: RecordRows): ReviewRecord {
  const submission = rows.submissions.find((s) => s.year === year);
  const lastYear = rows.submissions.find((s) => s.year === year - 1);
  return {
    year,
    confirmations: rows.confirmations.filter((c) => c.year === year).map(toConfirmation),
    answers: rows.answers.map(toAnswer),
    submission: submission ? toSubmission(submission) : null,
    lastYear: lastYear ? toSubmission(lastYear) : null,
    linked: [...new Set(rows.linked)],
    unreachable: unreachableOf(rows.sends, year),
  };
}

/** From the start of the review year (with a margin for time zones): sends of earlier years are not needed. */
export const yearStart = (year: number): Date => new Date(Date.UTC(year, 0, 1) - 24 * 60 * 60_000);

/** Groups rows by a key (partnership id), keeping order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
