// `/partnership review`: this year's review. The rep and chair see all of it (names and resident
// details only in private); a member sees their own confirmation, with the buttons to change it.
import { isOpen } from '../../domain/review/calendar.ts';
import { formatClock, formatDay, formatWhen } from './text.ts';
import type { NudgeOutlook } from '../../domain/review/nudges.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import { CHOICE_LABELS, type Confirmation } from '../../domain/review/types.ts';
import { plural, type Person, type Roster } from '../../domain/roster.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import { criteriaHeadline } from './criteria.ts';
import { answerButton, confirmButtons, reviewChecklist, snoozeButton } from './review-messages.ts';
import { nudgeFact } from './review-nudges.ts';
import { reopenButton } from './review-submit.ts';

function seasonFact(s: ReviewStatus, roster: Roster, now: Date): string {
  const settings = roster.partnership.settings;
  if (now < s.season.opens) return `opens ${formatWhen(s.season.opens, settings)}`;
  if (isOpen(now, s.season)) return `open until ${formatDay(s.season.closes, settings)}`;
  return `closed on ${formatDay(s.season.closes, settings)}`;
}

export function reviewStatusReply(
  s: ReviewStatus,
  roster: Roster,
  now: Date,
  outlook: NudgeOutlook,
  options: { showDetails: boolean },
): Reply {
  const settings = roster.partnership.settings;
  const name = roster.partnership.name;
  const state = s.submission
    ? `submitted on ${formatDay(s.submission.submittedAt, settings)}`
    : s.outstanding.length
      ? `${plural(s.outstanding.length, 'thing')} outstanding`
      : 'ready to submit';
  const summary = `Partnership review ${s.year} for ${name}: ${state}.`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Partnership review ${s.year}: ${name}` },
    {
      kind: 'facts',
      facts: [
        { label: 'Season', value: seasonFact(s, roster, now) },
        { label: 'Submitted', value: s.submission ? formatDay(s.submission.submittedAt, settings) : 'not yet' },
        { label: 'Nudges to the rep', value: nudgeFact(outlook, settings, nudgeCadence(roster)) },
      ],
    },
    { kind: 'checklist', items: reviewChecklist(s, options.showDetails) },
  ];
  if (options.showDetails) {
    blocks.push(
      { kind: 'heading', text: 'The four questions' },
      {
        kind: 'list',
        items: s.questions.map(
          (q) =>
            `${q.title} ${q.answer ? `${q.answer.choice ? CHOICE_LABELS[q.answer.choice] : 'Answered'}${q.answer.text ? `: ${q.answer.text}` : ''}` : 'Not answered yet.'}`,
        ),
      },
    );
    if (s.needsPlan)
      blocks.push({
        kind: 'list',
        items: [`Plan: ${s.plan?.text || 'not given yet'}`, `Timeline: ${s.timeline?.text || 'not given yet'}`],
      });
  }
  blocks.push({ kind: 'text', text: criteriaHeadline(s.criteria) });
  const buttons: Button[] = [];
  if (!s.submission) {
    buttons.push(answerButton);
    if (s.outstanding.some((o) => o.kind === 'changes'))
      buttons.push({ actionId: 'review.changes-ok', label: 'The changes are right', value: s.changesFingerprint });
  }
  buttons.push(
    { actionId: 'review.export', label: 'Download (Markdown)', value: 'md' },
    { actionId: 'review.export', label: 'Download (CSV)', value: 'csv' },
  );
  if (!s.submission && s.outstanding.every((o) => o.kind !== 'questions' && o.kind !== 'plan')) {
    buttons.push({ actionId: 'review.submit', label: 'Mark as submitted to Local Trust', value: String(s.year) });
  }
  if (!s.submission) buttons.push(snoozeButton);
  else buttons.push(reopenButton(s.year));
  blocks.push({ kind: 'actions', buttons });
  if (!options.showDetails)
    blocks.push({ kind: 'note', text: 'Ask me in a direct message to see names, resident details and the answers.' });
  return { summary, blocks, visibility: 'private' };
}

function nudgeCadence(roster: Roster): string {
  const r = roster.partnership.settings.review;
  const days = (d: readonly string[]) =>
    d.length ? d.map((x) => `${x.charAt(0).toUpperCase()}${x.slice(1)}s`).join(' and ') : 'never';
  return `${days(r.nudgeDays)} at ${formatClock(r.nudgeAt)}; in the deadline’s month ${days(r.finalMonthNudgeDays)} (only when something is outstanding)`;
}

/** What a member sees: their own confirmation for the year. */
export function memberReviewReply(
  person: Person,
  roster: Roster,
  year: number,
  confirmation: Confirmation | null,
  open: boolean,
): Reply {
  const settings = roster.partnership.settings;
  const name = roster.partnership.name;
  let text: string;
  if (!confirmation) text = `You have not confirmed your membership of ${name} for the ${year} review yet.`;
  else if (!confirmation.member)
    text = `On ${formatDay(confirmation.confirmedAt, settings)} you said you are no longer a member of ${name}; the rep has been told.`;
  else
    text = `On ${formatDay(confirmation.confirmedAt, settings)} you confirmed that you are a member of ${name} and that you ${confirmation.resident ? 'live' : 'do not live'} in the area.`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Partnership review ${year}` },
    { kind: 'text', text },
  ];
  if (open) {
    blocks.push(
      { kind: 'text', text: confirmation ? 'If that has changed, choose again:' : 'One click is enough:' },
      { kind: 'actions', buttons: confirmButtons(year) },
    );
  }
  blocks.push({ kind: 'note', text: `Hello ${person.name}: only you see this.` });
  return { summary: text, blocks, visibility: 'private' };
}
