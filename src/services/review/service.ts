// Review use cases shared by the chat commands and the CLI: load the year's review, export it,
// record its submission. Expected failures come back as values with a message saying what to do.
import { isoDay, reviewYear } from '../../domain/review/calendar.ts';
import { reviewDocument } from '../../domain/review/document.ts';
import { exportFilename, exportMimeType, renderReview, type ExportFormat } from '../../domain/review/export.ts';
import { reviewStatus, type ReviewStatus } from '../../domain/review/status.ts';
import type { ReviewDocument, ReviewRecord, Submission } from '../../domain/review/types.ts';
import type { Roster } from '../../domain/roster.ts';
import type { ReviewStore } from '../ports/index.ts';
import { fail, ok, type Result } from '../../domain/result.ts';

export interface LoadedReview {
  year: number;
  record: ReviewRecord;
  status: ReviewStatus;
}

export async function loadReview(
  reviews: ReviewStore,
  roster: Roster,
  now: Date,
  year = reviewYear(now, roster.partnership.settings),
): Promise<LoadedReview> {
  const record = await reviews.loadRecord(roster.partnership.id!, year);
  return { year, record, status: reviewStatus(roster, record) };
}

export interface ExportFile {
  document: ReviewDocument;
  submittedOn: string | null;
  filename: string;
  mimeType: string;
  content: string;
}

/**
 * The review of `year` as a file. A submitted review is exported exactly as it was submitted;
 * this year's, as it stands now. Earlier years exist only if they were marked as submitted.
 */
export async function exportReview(
  reviews: ReviewStore,
  roster: Roster,
  year: number,
  format: ExportFormat,
  now: Date,
): Promise<Result<ExportFile, string>> {
  const settings = roster.partnership.settings;
  const current = reviewYear(now, settings);
  if (year > current) return fail(`The ${year} review has not started yet: the current review year is ${current}.`);
  const { record, status } = await loadReview(reviews, roster, now, year);
  let document: ReviewDocument;
  let submittedOn: string | null = null;
  if (record.submission) {
    document = record.submission.document;
    submittedOn = isoDay(record.submission.submittedAt, settings);
  } else if (year < current) {
    return fail(
      `No ${year} review was marked as submitted, so there is no record of it to export. The current review year is ${current}.`,
    );
  } else {
    document = reviewDocument(status, roster, await reviews.decisionEvidence(roster.partnership.id!, year), now);
  }
  return ok({
    document,
    submittedOn,
    filename: exportFilename(document, format),
    mimeType: exportMimeType(format),
    content: renderReview(document, format, submittedOn),
  });
}

/** What still stops the review from being marked as submitted (confirmations may still be missing). */
export function submitBlockers(status: ReviewStatus): string[] {
  return status.outstanding.filter((o) => o.kind === 'questions' || o.kind === 'plan').map((o) => o.text);
}

/** Record that the rep submitted this year's review: its snapshot is what next year compares with. */
export async function submitReview(
  reviews: ReviewStore,
  roster: Roster,
  actorId: string,
  now: Date,
): Promise<Result<Submission, string[]>> {
  const { year, status } = await loadReview(reviews, roster, now);
  const blockers = submitBlockers(status);
  if (blockers.length) return fail(blockers);
  const document = reviewDocument(status, roster, await reviews.decisionEvidence(roster.partnership.id!, year), now);
  const submission: Submission = { year, submittedAt: now, submittedById: actorId, document };
  await reviews.saveSubmission(roster.partnership.id!, submission);
  return ok(submission);
}
