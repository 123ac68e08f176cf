// The review export, in Markdown (to read and paste into Local Trust's form) and CSV (one table,
// a `section` column saying what each row is: member, other, question, criteria, plan, timeline,
// change, policy, decision). Both carry the same content.
import { stringify } from 'csv-stringify/sync';
import type { CheckStatus } from '../criteria/index.ts';
import { CHOICE_LABELS, type DocumentMember, type ReviewDocument } from './types.ts';

export type ExportFormat = 'md' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv'];

const yn = (b: boolean): string => (b ? 'yes' : 'no');

/**
 * A check's result in words that say what to do (docs/house-style.md): a check names people (a
 * relative on the roster), so no verdict word ("fail") stands beside them.
 */
export const CHECK_LABELS: Record<CheckStatus, string> = {
  pass: 'Met',
  fail: 'To act on',
  warn: 'To watch',
  info: 'Note',
};

const residentCell = (m: DocumentMember): string =>
  m.confirmedOn && m.resident !== m.rosterResident
    ? `${yn(m.resident)} (the roster says ${yn(m.rosterResident)})`
    : yn(m.resident);

const confirmedCell = (m: DocumentMember): string =>
  m.leaving ? 'says they are no longer a member' : (m.confirmedOn ?? 'not confirmed');

const formCell = (m: DocumentMember): string => m.formSignedOn ?? 'not recorded';

const answerText = (q: ReviewDocument['questions'][number]): string =>
  q.choice ? CHOICE_LABELS[q.choice] : 'Not answered yet';

export const exportFilename = (d: ReviewDocument, format: ExportFormat): string =>
  `${d.partnership.slug || 'partnership'}-review-${d.year}.${format}`;

export const exportMimeType = (format: ExportFormat): string => (format === 'md' ? 'text/markdown' : 'text/csv');

/** Markdown table cells: no pipes or line breaks from people's text can break the table. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const para = (s: string): string => s.trim().replace(/\r?\n/g, '  \n');

export function reviewMarkdown(d: ReviewDocument, submittedOn?: string | null): string {
  const out: string[] = [`# Partnership review ${d.year}: ${d.partnership.name}`, ''];
  out.push(
    `Generated ${d.generatedOn}; deadline ${d.deadline}; ${submittedOn ? `submitted ${submittedOn}` : 'not yet submitted'}.`,
    '',
  );
  out.push(
    '## Members',
    '',
    '| Name | Role | Resident | Membership confirmed | Membership form signed |',
    '|---|---|---|---|---|',
  );
  for (const m of d.members)
    out.push(`| ${cell(m.name)} | ${cell(m.role)} | ${residentCell(m)} | ${confirmedCell(m)} | ${formCell(m)} |`);
  if (d.others.length) out.push('', `Not members: ${d.others.map((o) => `${o.name} (${o.role})`).join('; ')}.`);
  out.push('', '## The four questions', '');
  d.questions.forEach((q, i) => {
    out.push(
      `${i + 1}. **${q.title}** ${answerText(q)}.${q.comment.trim() ? `  \n   ${para(q.comment).replace(/\n/g, '\n   ')}` : ''}`,
    );
  });
  out.push('', '## Criteria', '', `**${d.criteria.headline}**`, '');
  for (const c of d.criteria.checks)
    out.push(`- ${CHECK_LABELS[c.status]}: ${c.title}. ${c.message}${c.fix ? ` To do: ${c.fix}` : ''}`);
  if (!d.criteria.inCriteria) {
    out.push('', '## What the partnership is doing to meet the criteria, and the timeline', '');
    out.push(
      `**Plan:** ${d.plan?.trim() ? para(d.plan) : 'not given yet'}`,
      '',
      `**Timeline:** ${d.timeline?.trim() ? para(d.timeline) : 'not given yet'}`,
    );
  }
  out.push('', `## What changed since last year${d.lastYear ? ` (${d.lastYear})` : ''}`, '');
  if (d.changes === null) out.push(`No review from ${d.year - 1} is on record, so there is nothing to compare with.`);
  else if (d.changes.length === 0) out.push(`Nothing changed since the ${d.lastYear} review.`);
  else for (const c of d.changes) out.push(`- ${c}`);
  if (d.policies) {
    out.push('', '## Local policies (evidence for question 2)', '');
    if (!d.policies.length) out.push('No local policies are recorded in the bot.');
    else {
      out.push('| Policy | Adopted | Next review | Link or file |', '|---|---|---|---|');
      for (const p of d.policies)
        out.push(
          `| ${cell(p.name)} | ${p.adoptedOn} | ${p.reviewOn ?? 'not set'}${p.reviewOn && p.reviewOn < d.generatedOn ? ' (overdue)' : ''} | ${cell(p.link ?? '')} |`,
        );
    }
  }
  if (d.decisions.length) {
    out.push(
      '',
      '## Decisions recorded this year',
      '',
      '| Decision | Status | Interests declared | Stepped back |',
      '|---|---|---|---|',
    );
    for (const x of d.decisions)
      out.push(`| ${x.number}. ${cell(x.title)} | ${x.status} | ${x.interestsDeclared} | ${x.recusals} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Spreadsheet programs run cells that start with = + - @ as formulas: such text is quoted. */
const safe = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function reviewCsv(d: ReviewDocument): string {
  const rows: string[][] = [
    ['section', 'item', 'role', 'resident', 'membership_confirmed', 'membership_form_signed', 'answer', 'notes'],
  ];
  for (const m of d.members) {
    const note =
      m.confirmedOn && m.resident !== m.rosterResident ? `the roster says resident: ${yn(m.rosterResident)}` : '';
    rows.push([
      'member',
      m.name,
      m.role,
      yn(m.resident),
      m.leaving ? 'no longer a member' : (m.confirmedOn ?? 'not confirmed'),
      '',
      note,
    ]);
  }
  for (const o of d.others) rows.push(['other', o.name, o.role, '', '', '', 'not a member']);
  for (const q of d.questions)
    rows.push(['question', q.title, '', '', '', q.choice ? CHOICE_LABELS[q.choice] : 'not answered', q.comment]);
  rows.push([
    'criteria',
    'Result',
    '',
    '',
    '',
    d.criteria.inCriteria ? 'in criteria' : 'not in criteria',
    d.criteria.headline,
  ]);
  for (const c of d.criteria.checks)
    rows.push([
      'criteria',
      c.title,
      '',
      '',
      '',
      CHECK_LABELS[c.status].toLowerCase(),
      c.fix ? `${c.message} To do: ${c.fix}` : c.message,
    ]);
  if (!d.criteria.inCriteria) {
    rows.push(['plan', 'What the partnership is doing to meet the criteria', '', '', '', '', d.plan ?? '']);
    rows.push(['timeline', 'Timeline', '', '', '', '', d.timeline ?? '']);
  }
  if (d.changes === null) rows.push(['change', `No review from ${d.year - 1} on record`, '', '', '', '', '']);
  else if (d.changes.length === 0) rows.push(['change', `Nothing changed since ${d.lastYear}`, '', '', '', '', '']);
  else for (const c of d.changes) rows.push(['change', c, '', '', '', '', '']);
  for (const p of d.policies ?? [])
    rows.push([
      'policy',
      p.name,
      '',
      '',
      '',
      `adopted ${p.adoptedOn}`,
      `next review: ${p.reviewOn ?? 'not set'}${p.reviewOn && p.reviewOn < d.generatedOn ? ' (overdue)' : ''}${p.link ? `; ${p.link}` : ''}`,
    ]);
  for (const x of d.decisions)
    rows.push([
      'decision',
      `${x.number}. ${x.title}`,
      '',
      '',
      '',
      x.status,
      `interests declared: ${x.interestsDeclared}; stepped back: ${x.recusals}`,
    ]);
  // the form's column sits after the confirmation's: members have a date there, other rows none
  const members = new Map(d.members.map((m) => [m.name, formCell(m)]));
  const withForms = rows.map((r, i) =>
    i === 0 ? r : [...r.slice(0, 5), r[0] === 'member' ? (members.get(r[1] ?? '') ?? '') : '', ...r.slice(5)],
  );
  return stringify(withForms.map((r) => r.map(safe)));
}

export const renderReview = (d: ReviewDocument, format: ExportFormat, submittedOn?: string | null): string =>
  format === 'md' ? reviewMarkdown(d, submittedOn) : reviewCsv(d);
