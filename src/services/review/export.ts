// The review as a file: for the rep and the chair in chat (exportReview), and for the operator's
// CLI (reviewFile, which has no chat person to check). A submitted review is exported exactly as
// it was submitted; this year's, as it stands now. Earlier years exist only if marked submitted.
import { isoDay, reviewYear } from '../../domain/review/calendar.ts';
import { reviewDocument } from '../../domain/review/document.ts';
import { exportFilename, exportMimeType, renderReview, type ExportFormat } from '../../domain/review/export.ts';
import type { ReviewDocument } from '../../domain/review/types.ts';
import type { Roster } from '../../domain/roster.ts';
import { authorize, type Actor } from '../actor.ts';
import type { ServiceDeps } from '../deps.ts';
import type { PolicyStore, ReviewStore } from '../ports/index.ts';
import { loadReview } from './load.ts';
import type { ReviewRefusal, ReviewResult } from './refusals.ts';

export interface ExportFile {
  year: number;
  format: ExportFormat;
  document: ReviewDocument;
  submittedOn: string | null;
  filename: string;
  mimeType: string;
  content: string;
}

/** The review of `year` as a file, whoever asks (the CLI is the operator's). */
export async function reviewFile(
  reviews: ReviewStore,
  roster: Roster,
  year: number,
  format: ExportFormat,
  now: Date,
  policies?: PolicyStore,
): Promise<{ ok: true; value: ExportFile } | { ok: false; error: ReviewRefusal }> {
  const settings = roster.partnership.settings;
  const current = reviewYear(now, settings);
  if (year > current) return { ok: false, error: { code: 'review-not-started', year, current } };
  const { record, status } = await loadReview(reviews, roster, now, year);
  let document: ReviewDocument;
  let submittedOn: string | null = null;
  if (record.submission) {
    document = record.submission.document;
    submittedOn = isoDay(record.submission.submittedAt, settings);
  } else if (year < current) {
    return { ok: false, error: { code: 'review-not-on-record', year, current } };
  } else {
    const evidence = await reviews.decisionEvidence(roster.partnership.id!, year);
    document = reviewDocument(
      status,
      roster,
      evidence,
      now,
      policies ? await policies.list(roster.partnership.id!) : [],
    );
  }
  return {
    ok: true,
    value: {
      year,
      format,
      document,
      submittedOn,
      filename: exportFilename(document, format),
      mimeType: exportMimeType(format),
      content: renderReview(document, format, submittedOn),
    },
  };
}

/** The review of `year` (this review year when not given) for the rep or the chair. */
export async function exportReview(
  deps: ServiceDeps,
  actor: Actor,
  input: { format: ExportFormat; year?: number | undefined },
): Promise<ReviewResult<ExportFile>> {
  const allowed = authorize(actor, 'review.export');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const now = deps.clock.now();
  const year = input.year ?? reviewYear(now, actor.roster.partnership.settings);
  return reviewFile(deps.stores.reviews, actor.roster, year, input.format, now, deps.stores.policies);
}
