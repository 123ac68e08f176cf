// This year's review (or another year's), as it stands with the roster loaded for the request.
import { reviewYear } from '../../domain/review/calendar.ts';
import { reviewStatus, type ReviewStatus } from '../../domain/review/status.ts';
import type { ReviewRecord } from '../../domain/review/types.ts';
import type { Roster } from '../../domain/roster.ts';
import type { ReviewStore } from '../ports/index.ts';

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
