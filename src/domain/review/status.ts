// Where this year's review stands, and what is still outstanding for the rep: the only things a
// nudge lists (RULES.md section 6: few, useful messages; nothing outstanding, no nudge).
import { checkCriteria, type CriteriaReport } from '../criteria/index.ts';
import { describeRole, listNames, plural, type Person, type Roster } from '../roster.ts';
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

export type OutstandingKind = 'unconfirmed' | 'leaving' | 'details' | 'changes' | 'questions' | 'plan';

export interface Outstanding {
  kind: OutstandingKind;
  text: string;
}

export interface ReviewStatus {
  year: number;
  season: Season;
  criteria: CriteriaReport;
  members: DocumentMember[];
  others: ReviewDocument['others'];
  confirmations: Map<string, Confirmation>;
  unconfirmed: Person[];
  leaving: Person[];
  detailIssues: string[];
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
  const detailIssues: string[] = [];
  for (const p of unconfirmed) {
    if (!p.email && !linked.has(p.id))
      detailIssues.push(
        `${p.name} has no email address on the roster, so I can’t ask them to confirm: add it, or link their chat account.`,
      );
    else if (unreachable.has(p.id))
      detailIssues.push(
        `I could not reach ${p.name} privately to ask them to confirm: check their chat account is linked (\`/partnership link\`).`,
      );
  }
  for (const m of members) {
    if (m.confirmedOn && m.resident !== m.rosterResident) {
      detailIssues.push(
        `${m.name} confirmed they ${m.resident ? 'live' : 'do not live'} in the area, but the roster says they ${m.rosterResident ? 'do' : 'do not'}: update the roster.`,
      );
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
  if (unconfirmed.length) {
    outstanding.push({
      kind: 'unconfirmed',
      text: `${plural(unconfirmed.length, 'member has', 'members have')} not confirmed their membership yet: ${listNames(unconfirmed.map((p) => p.name))}.`,
    });
  }
  for (const p of leaving)
    outstanding.push({ kind: 'leaving', text: `${p.name} says they are no longer a member: update the roster.` });
  for (const text of detailIssues) outstanding.push({ kind: 'details', text });
  if (changes && changes.length && !changesConfirmed) {
    outstanding.push({
      kind: 'changes',
      text: `${plural(changes.length, 'change')} since the ${lastYear!.year} review to check: ${changes.join(' ')}`,
    });
  }
  const open = questions.filter((q) => !q.answer);
  if (open.length)
    outstanding.push({
      kind: 'questions',
      text: `${open.length} of the four review questions ${open.length === 1 ? 'is' : 'are'} unanswered: ${open.map((q) => q.title).join(' ')}`,
    });
  if (needsPlan && (!plan || !timeline)) {
    const missing = [
      !plan ? 'what the partnership is doing to meet the criteria' : '',
      !timeline ? 'the timeline' : '',
    ].filter(Boolean);
    outstanding.push({
      kind: 'plan',
      text: `The partnership is out of criteria: the review needs ${missing.join(' and ')}.`,
    });
  }

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
