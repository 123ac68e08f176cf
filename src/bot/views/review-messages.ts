// The review season's scheduled messages: the season opening (rep and chair), the rep's nudge
// (only what is outstanding), and a member's one-click membership confirmation. All private.
import { formatDay, formatClock } from './text.ts';
import { CONFIRM_CHOICES, type ConfirmChoice } from '../../domain/review/types.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import { listNames, plural, type Person, type Roster } from '../../domain/roster.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import type { Button, CheckItem, Reply } from '../../domain/chat/reply.ts';
import { criteriaHeadline, criteriaItems } from './criteria.ts';
import { detailIssueText, outstandingText } from './review-outstanding.ts';

export const CONFIRM_ACTION = 'review.confirm';

export const CONFIRM_LABELS: Record<ConfirmChoice, string> = {
  resident: 'Yes, I’m a member and I live in the area',
  'non-resident': 'Yes, I’m a member but I don’t live in the area',
  left: 'I’m no longer a member',
};

export const answerButton: Button = {
  actionId: 'review.answer',
  label: 'Answer the four questions',
  value: 'answer',
  style: 'primary',
};
export const statusButton: Button = { actionId: 'run.review', label: 'Review status', value: 'review' };
export const snoozeButton: Button = { actionId: 'review.snooze', label: 'Snooze nudges for a week', value: 'snooze' };

export const confirmButtons = (year: number): Button[] =>
  CONFIRM_CHOICES.map((choice): Button => ({
    actionId: CONFIRM_ACTION,
    label: CONFIRM_LABELS[choice],
    value: `${year}:${choice}`,
    ...(choice === 'resident' ? { style: 'primary' as const } : choice === 'left' ? { style: 'danger' as const } : {}),
  }));

/** The review at a glance, as a checklist: what is done and what is not. */
export function reviewChecklist(s: ReviewStatus, showNames: boolean): CheckItem[] {
  const total = s.members.length;
  const confirmed = total - s.unconfirmed.length;
  const names = (people: Person[]) =>
    showNames && people.length ? { details: [people.map((p) => p.name).join(', ')] } : {};
  const items: CheckItem[] = [
    {
      tone: s.unconfirmed.length ? 'warn' : 'pass',
      title: 'Membership confirmed',
      text: `${confirmed} of ${plural(total, 'member')} confirmed their membership and resident status.`,
      ...(s.unconfirmed.length
        ? { fix: 'I ask each member privately, with one click; they can also type `/partnership review`.' }
        : {}),
      ...names(s.unconfirmed),
    },
  ];
  if (s.leaving.length)
    items.push({
      tone: 'fail',
      title: 'No longer members',
      text: `${plural(s.leaving.length, 'person says', 'people say')} they are no longer a member: update the roster.`,
      ...names(s.leaving),
    });
  if (s.detailIssues.length)
    items.push({
      tone: 'warn',
      title: 'Details to check',
      text: plural(s.detailIssues.length, 'detail'),
      ...(showNames ? { details: s.detailIssues.map(detailIssueText) } : {}),
    });
  if (s.changes === null)
    items.push({
      tone: 'info',
      title: 'Changes since last year',
      text: 'No review from last year is on record, so the export lists everyone as they are now.',
    });
  else if (s.changes.length === 0)
    items.push({
      tone: 'pass',
      title: 'Changes since last year',
      text: `Nothing changed since the ${s.lastYear?.year} review.`,
    });
  else
    items.push({
      tone: s.changesConfirmed ? 'pass' : 'warn',
      title: 'Changes since last year',
      text: `${plural(s.changes.length, 'change')} since the ${s.lastYear?.year} review${s.changesConfirmed ? ', checked by the rep' : ' to check'}.`,
      ...(showNames ? { details: s.changes } : {}),
    });
  const answered = s.questions.filter((q) => q.answer).length;
  items.push({
    tone: answered === 4 ? 'pass' : 'warn',
    title: 'The four questions',
    text: `${answered} of 4 answered.`,
  });
  if (s.needsPlan) {
    const done = !!s.plan && !!s.timeline;
    items.push({
      tone: done ? 'pass' : 'fail',
      title: 'Plan and timeline',
      text: done
        ? 'Given: what the partnership is doing to meet the criteria, and when.'
        : 'Out of criteria: the review must say what the partnership is doing to meet them, and the timeline.',
    });
  }
  return items;
}

/** The quiet hours and days as the partnership has them set (not the defaults). */
function quietText(settings: PartnershipSettings): string {
  const r = settings.review;
  const days = r.quietDays.map((d) => `${d.charAt(0).toUpperCase()}${d.slice(1)}s`);
  const hours = r.quietFrom === r.quietTo ? '' : `between ${formatClock(r.quietFrom)} and ${formatClock(r.quietTo)}`;
  const parts = [hours, days.length ? `on ${listNames(days)}` : ''].filter(Boolean);
  return parts.length ? `nothing is sent ${parts.join(' or ')}` : 'they may come at any hour of any day';
}

export function seasonOpenMessage(s: ReviewStatus, roster: Roster, recipient: Person): Reply {
  const settings = roster.partnership.settings;
  const name = roster.partnership.name;
  const deadline = formatDay(s.season.closes, settings);
  const summary = `The ${s.year} partnership review for ${name} is open: it is due by ${deadline}.`;
  const rep = roster.people.find((p) => p.kind === 'rep');
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'heading', text: `Partnership review ${s.year} is open` },
      {
        kind: 'text',
        text: `${summary} Between now and then ${rep ? `${rep.name}, the rep,` : 'the rep'} submits updated information about the partnership to Local Trust. Here is what it needs, and where ${name} stands today.`,
      },
      { kind: 'checklist', items: reviewChecklist(s, true) },
      { kind: 'heading', text: 'Criteria today' },
      { kind: 'text', text: criteriaHeadline(s.criteria) },
      { kind: 'checklist', items: criteriaItems(s.criteria, true) },
      { kind: 'actions', buttons: recipient.kind === 'rep' ? [answerButton, statusButton] : [statusButton] },
      {
        kind: 'note',
        text: `I have asked each member privately to confirm their membership. Nudges go to the rep only when something is outstanding, and list only that; ${quietText(settings)}. \`/partnership review pause\` pauses them for a week.`,
      },
    ],
  };
}

export function nudgeMessage(s: ReviewStatus, roster: Roster): Reply {
  const deadline = formatDay(s.season.closes, roster.partnership.settings);
  const summary = `Partnership review ${s.year} for ${roster.partnership.name}: ${plural(s.outstanding.length, 'thing')} still to do before ${deadline}.`;
  const buttons: Button[] = [];
  if (s.outstanding.some((o) => o.kind === 'questions' || o.kind === 'plan')) buttons.push(answerButton);
  if (s.outstanding.some((o) => o.kind === 'changes'))
    buttons.push({ actionId: 'review.changes-ok', label: 'The changes are right', value: s.changesFingerprint });
  buttons.push(statusButton, snoozeButton);
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'heading', text: `Partnership review ${s.year}: still to do` },
      { kind: 'text', text: summary },
      { kind: 'list', items: s.outstanding.map(outstandingText) },
      { kind: 'actions', buttons },
    ],
  };
}

export function confirmationRequest(
  person: Person,
  roster: Roster,
  year: number,
  reminder: number,
  deadline: Date,
): Reply {
  const name = roster.partnership.name;
  const summary =
    reminder === 0
      ? `Please confirm that you are a member of ${name} (partnership review ${year}).`
      : `A reminder: please confirm that you are a member of ${name} (partnership review ${year}).`;
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'heading', text: `Are you still on ${name}?` },
      {
        kind: 'text',
        text:
          `Hello ${person.name}. Every year the partnership tells Local Trust who its members are, and each member confirms it (the partnership membership form). ` +
          `${reminder === 0 ? 'One click is enough' : `This is reminder ${reminder} of at most ${roster.partnership.settings.review.confirmationReminders}; one click is enough`}, before ${formatDay(deadline, roster.partnership.settings)}:`,
      },
      { kind: 'actions', buttons: confirmButtons(year) },
      {
        kind: 'note',
        text: 'Only you see this. Where you live goes into the partnership review; it is never shown in a channel.',
      },
    ],
  };
}

/** To the rep when a member says they have left. */
export function memberLeftMessage(person: Person, roster: Roster, year: number): Reply {
  const summary = `${person.name} says they are no longer a member of ${roster.partnership.name} (partnership review ${year}).`;
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'text', text: summary },
      {
        kind: 'text',
        text: 'Please update the roster (`partnership-bot roster import`), so that the criteria count and the review are right.',
      },
      { kind: 'actions', buttons: [statusButton] },
    ],
  };
}
