// Marking the review as submitted, and reopening it, in words: the list of what is still open
// with the button that confirms it, what submitting stops, and what reopening brings back.
import { formatDay } from './text.ts';
import { plural, type Roster } from '../../domain/roster.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import type { Reopened, Submitted, SubmitPrompt } from '../../services/review/submit.ts';
import { answerButton, statusButton } from './review-messages.ts';
import { nudgeOutlookText, REOPEN_HINT, remindersText } from './review-nudges.ts';
import { openItemText } from './review-outstanding.ts';

export const SUBMIT_CONFIRM_ACTION = 'review.submit.confirm';
export const REOPEN_ACTION = 'review.reopen';

export const reopenButton = (year: number): Button => ({
  actionId: REOPEN_ACTION,
  label: 'Reopen the review',
  value: String(year),
});

const stops = (year: number): string =>
  `Marking it as submitted records that the review went to Local Trust, keeps a snapshot for next year’s review, and stops every review message for ${year}: no more nudges to the rep and no more reminders to members. \`/partnership review reopen\` undoes it.`;

/** `/partnership review submit`: what is still open, and the button that confirms it. */
export function submitPromptReply(roster: Roster, p: SubmitPrompt, changed = false): Reply {
  const name = roster.partnership.name;
  const summary = changed
    ? `What is still open for the ${p.year} review has changed since that message. Here it is now: ${plural(p.open.length, 'thing')}.`
    : p.open.length
      ? `Before you mark the ${p.year} review of ${name} as submitted: ${plural(p.open.length, 'thing is', 'things are')} still open.`
      : `Nothing is outstanding for the ${p.year} review of ${name}. Mark it as submitted to Local Trust?`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Mark the ${p.year} review as submitted?` },
    { kind: 'text', text: summary },
  ];
  if (p.open.length) blocks.push({ kind: 'list', items: p.open.map(openItemText) });
  blocks.push(
    { kind: 'text', text: stops(p.year) },
    {
      kind: 'actions',
      buttons: [
        {
          actionId: SUBMIT_CONFIRM_ACTION,
          label: p.open.length ? 'Mark as submitted anyway' : 'Yes, mark as submitted',
          value: `${p.year}:${p.fingerprint}`,
          style: p.open.length ? 'danger' : 'primary',
        },
        statusButton,
      ],
    },
    {
      kind: 'note',
      text: `Nothing has changed yet. Or type \`/partnership review submit confirm\`. The review is due by ${formatDay(p.deadline, roster.partnership.settings)}.`,
    },
  );
  return { summary, blocks, visibility: 'private' };
}

export function submittedReply(roster: Roster, { submission: s, open }: Submitted): Reply {
  const summary = `Recorded: the ${s.year} review of ${roster.partnership.name} was submitted to Local Trust on ${formatDay(s.submittedAt, roster.partnership.settings)}.`;
  const blocks: Block[] = [
    { kind: 'text', text: summary },
    {
      kind: 'text',
      text: `No more review messages will be sent for ${s.year}: no nudges to the rep, no reminders to members. Next year’s review will show what changed since this one.`,
    },
  ];
  if (open.length)
    blocks.push(
      { kind: 'text', text: `Still open when it was marked (${plural(open.length, 'thing')}):` },
      { kind: 'list', items: open.map(openItemText) },
    );
  blocks.push({ kind: 'actions', buttons: [reopenButton(s.year)] }, { kind: 'note', text: REOPEN_HINT });
  return { summary, blocks, visibility: 'private' };
}

export function reopenedReply(roster: Roster, r: Reopened): Reply {
  const settings = roster.partnership.settings;
  const summary = `The ${r.year} review of ${roster.partnership.name} is open again: it is no longer marked as submitted (it was on ${formatDay(r.submittedAt, settings)}).`;
  const lines = [
    nudgeOutlookText(r.outlook, settings),
    r.outlook.state === 'scheduled' ? remindersText(r.outlook) : null,
  ].filter((l): l is string => !!l);
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'text', text: summary },
      ...lines.map((text): Block => ({ kind: 'text', text })),
      { kind: 'actions', buttons: [statusButton, answerButton] },
    ],
  };
}
