// Where this year's review stands, and what is still outstanding for the rep: the only things a
// nudge lists (RULES.md section 6: few, useful messages; nothing outstanding, no nudge).
import { checkCriteria, type CriteriaReport } from '../criteria/index.ts';
import { describeRole, type Person, type Roster } from '../roster.ts';
import { isoDay, seasonOf, type Season } from './calendar.ts';
import { changesFingerprint, changesSince } from './changes.ts';
import {
  CHANGES_CONFIRMED,
  PLAN,
  QUESTIONS,
  TIMELINE,
  type Answer,
  type Confirmation,
  type DocumentMember,
  type ReviewDocument,
  type ReviewRecord,
  type Submission,
} from './types.ts';

/** A detail the rep should check or fix (src/bot/views/review-outstanding.ts words it). */
export type DetailIssue =
  /** an unconfirmed member the bot cannot ask: no email address and no linked chat account */
  | { kind: 'no-address'; name: string }
  /** an unconfirmed member a request could not reach privately */
  | { kind: 'unreachable'; name: string }
  /** a member confirmed a resident status the roster does not have */
  | { kind: 'resident-differs'; name: string; resident: boolean; rosterResident: boolean };

export type OutstandingKind = Outstanding['kind'];

/** One thing still to do before the review is complete, as facts (src/bot/views/review-outstanding.ts words it). */
export type Outstanding =
  | { kind: 'unconfirmed'; names: string[] }
  | { kind: 'leaving'; name: string }
  | { kind: 'details'; issue: DetailIssue }
  | { kind: 'changes'; changes: string[]; lastYear: number }
  /** the titles of the questions not answered yet */
  | { kind: 'questions'; titles: string[] }
  /** out of criteria: what the review still lacks */
  | { kind: 'plan'; missingPlan: boolean; missingTimeline: boolean };

export interface ReviewStatus {
  year: number;
  season: Season;
  criteria: CriteriaReport;
  members: DocumentMember[];
  others: ReviewDocument['others'];
  confirmations: Map<string, Confirmation>;
  unconfirmed: Person[];
  leaving: Person[];
  detailIssues: DetailIssue[];
  /** null: no review from last year on record */
  changes: string[] | null;
  changesFingerprint: string;
  changesConfirmed: boolean;
  lastYear: Submission | null;
  questions: { id: string; title: string; answer: Answer | null }[];
  plan: Answer | null;
  timeline: Answer | null;
  needsPlan: boolean;
  submission: Submission | null;
  outstanding: Outstanding[];
}

export function memberRows(
  roster: Roster,
  confirmations: Map<string, Confirmation>,
  settings = roster.partnership.settings,
) {
  const members: DocumentMember[] = [];
  const others: ReviewDocument['others'] = [];
  for (const p of roster.people) {
    if (p.kind !== 'member') {
      others.push({ personId: p.id, name: p.name, role: describeRole(p) });
      continue;
    }
    const c = confirmations.get(p.id);
    members.push({
      personId: p.id,
      name: p.name,
      role: describeRole(p),
      resident: c?.member ? c.resident : p.resident,
      rosterResident: p.resident,
      confirmedOn: c?.member ? isoDay(c.confirmedAt, settings) : null,
      leaving: c?.member === false,
      formSignedOn: p.membershipForm?.signedOn ?? null,
    });
  }
  return { members, others };
}

/** This year's confirmations, by person. */
export const confirmationsOf = (record: ReviewRecord): Map<string, Confirmation> =>
  new Map(record.confirmations.filter((c) => c.year === record.year).map((c) => [c.personId, c]));

/** Members who have not confirmed their membership this year (the sweep asks them, without working out the whole status). */
export const unconfirmedMembers = (roster: Roster, confirmations: Map<string, Confirmation>): Person[] =>
  roster.people.filter((p) => p.kind === 'member' && !confirmations.has(p.id));

const answered = (a: Answer | undefined): Answer | null => (a && (a.choice !== null || a.text.trim()) ? a : null);

/** The review of `record.year` as it stands with this roster. */
export function reviewStatus(roster: Roster, record: ReviewRecord): ReviewStatus {
  const settings = roster.partnership.settings;
  const season = seasonOf(record.year, settings);
  const criteria = checkCriteria(roster);
  const confirmations = confirmationsOf(record);
  const { members, others } = memberRows(roster, confirmations, settings);
  const people = roster.people.filter((p) => p.kind === 'member');
  const unconfirmed = unconfirmedMembers(roster, confirmations);
  const leaving = people.filter((p) => confirmations.get(p.id)?.member === false);

  const linked = new Set(record.linked);
  const unreachable = new Set(record.unreachable);
  const detailIssues: DetailIssue[] = [];
  for (const p of unconfirmed) {
    if (!p.email && !linked.has(p.id)) detailIssues.push({ kind: 'no-address', name: p.name });
    else if (unreachable.has(p.id)) detailIssues.push({ kind: 'unreachable', name: p.name });
  }
  for (const m of members) {
    if (m.confirmedOn && m.resident !== m.rosterResident) {
      detailIssues.push({
        kind: 'resident-differs',
        name: m.name,
        resident: m.resident,
        rosterResident: m.rosterResident,
      });
    }
  }

  const lastYear = record.lastYear;
  const changes = lastYear
    ? changesSince(lastYear.document, lastYear.year, { members, others, criteria: criteriaSummary(criteria) })
    : null;
  const fingerprint = changesFingerprint(changes ?? []);
  const byQuestion = new Map(record.answers.map((a) => [a.question, a]));
  const changesConfirmed = byQuestion.get(CHANGES_CONFIRMED)?.text === fingerprint;
  const questions = QUESTIONS.map((q) => ({ id: q.id, title: q.title, answer: answered(byQuestion.get(q.id)) }));
  const plan = answered(byQuestion.get(PLAN));
  const timeline = answered(byQuestion.get(TIMELINE));
  const needsPlan = !criteria.inCriteria;

  const outstanding: Outstanding[] = [];
  if (unconfirmed.length) outstanding.push({ kind: 'unconfirmed', names: unconfirmed.map((p) => p.name) });
  for (const p of leaving) outstanding.push({ kind: 'leaving', name: p.name });
  for (const issue of detailIssues) outstanding.push({ kind: 'details', issue });
  if (changes && changes.length && !changesConfirmed)
    outstanding.push({ kind: 'changes', changes, lastYear: lastYear!.year });
  const open = questions.filter((q) => !q.answer);
  if (open.length) outstanding.push({ kind: 'questions', titles: open.map((q) => q.title) });
  if (needsPlan && (!plan || !timeline))
    outstanding.push({ kind: 'plan', missingPlan: !plan, missingTimeline: !timeline });

  return {
    year: record.year,
    season,
    criteria,
    members,
    others,
    confirmations,
    unconfirmed,
    leaving,
    detailIssues,
    changes,
    changesFingerprint: fingerprint,
    changesConfirmed,
    lastYear,
    questions,
    plan,
    timeline,
    needsPlan,
    submission: record.submission,
    outstanding,
  };
}

export function criteriaSummary(r: CriteriaReport): ReviewDocument['criteria'] {
  return {
    inCriteria: r.inCriteria,
    conformsToCoiGuidance: r.conformsToCoiGuidance,
    members: r.members,
    residents: r.residents,
    headline: `${r.inCriteria ? 'In criteria' : 'Not in criteria'}: ${r.members} members, ${r.residents} of them residents${r.conformsToCoiGuidance ? '' : '; the make-up breaks the conflicts of interest guidance'}.`,
    checks: r.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      message: c.message,
      ...(c.fix && c.status !== 'pass' ? { fix: c.fix } : {}),
    })),
  };
}
