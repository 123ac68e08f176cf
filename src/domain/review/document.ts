// The review document: what the rep submits to Local Trust (RULES.md section 5), built from the
// status. Exported as Markdown or CSV, and kept as JSON when the rep marks the review submitted.
import type { Roster } from '../roster.ts';
import { isoDay } from './calendar.ts';
import { criteriaSummary, type ReviewStatus } from './status.ts';
import type { DecisionEvidence, PolicyEvidence, ReviewDocument } from './types.ts';

export function reviewDocument(
  status: ReviewStatus,
  roster: Roster,
  decisions: readonly DecisionEvidence[],
  now: Date,
  policies: readonly PolicyEvidence[] = [],
): ReviewDocument {
  const settings = roster.partnership.settings;
  return {
    version: 1,
    partnership: { name: roster.partnership.name, slug: roster.partnership.slug ?? '' },
    year: status.year,
    generatedOn: isoDay(now, settings),
    deadline: isoDay(status.season.closes, settings),
    members: status.members,
    others: status.others,
    questions: status.questions.map((q) => ({
      id: q.id,
      title: q.title,
      choice: q.answer?.choice ?? null,
      comment: q.answer?.text ?? '',
    })),
    criteria: criteriaSummary(status.criteria),
    plan: status.needsPlan ? (status.plan?.text ?? null) : null,
    timeline: status.needsPlan ? (status.timeline?.text ?? null) : null,
    changes: status.changes,
    lastYear: status.lastYear?.year ?? null,
    decisions: decisions.map((d) => ({
      number: d.number,
      title: d.title,
      status: d.status,
      interestsDeclared: d.interestsDeclared,
      recusals: d.recusals,
    })),
    policies: policies.map((p) => ({
      name: p.name,
      kind: p.kind,
      adoptedOn: p.adoptedOn,
      reviewOn: p.reviewOn,
      link: p.link,
    })),
  };
}

/** Reads a stored snapshot; null when it is not a review document this version understands. */
export function parseReviewDocument(value: unknown): ReviewDocument | null {
  if (!value || typeof value !== 'object') return null;
  const d = value as Partial<ReviewDocument>;
  if (
    d.version !== 1 ||
    typeof d.year !== 'number' ||
    !Array.isArray(d.members) ||
    !Array.isArray(d.others) ||
    !d.criteria
  )
    return null;
  return d as ReviewDocument;
}
