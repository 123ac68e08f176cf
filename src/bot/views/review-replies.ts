// What the rep, the chair and members are told when a review operation is done: paused or
// resumed, exported, confirmed, answers saved, changes checked (submitting and reopening: review-submit.ts).
import { formatDay, formatWhen } from './text.ts';
import type { ReviewStatus } from '../../domain/review/status.ts';
import { plural, type Roster } from '../../domain/roster.ts';
import { textReply, type Block, type Reply } from '../../domain/chat/reply.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import type { Confirmed } from '../../services/review/confirm.ts';
import type { ExportFile } from '../../services/review/export.ts';
import type { Paused } from '../../services/review/nudges.ts';
import { CONFIRM_LABELS, statusButton } from './review-messages.ts';
import { nextNudgeText, noNudgesText, nudgeOutlookText, remindersText } from './review-nudges.ts';
import { outstandingText } from './review-outstanding.ts';

export const OWN_DETAILS_SENT =
  'I’ve sent you your own review details privately: type `/partnership review` in a direct message to me.';
export const NOT_INVOLVED =
  'The partnership review is run by the rep and the chair; members confirm their own membership. Paid workers have nothing to do for it.';
export const REVIEW_USAGE =
  'Try `/partnership review` (status), `review answer`, `review pause` (or `snooze`), `review resume`, `review export md` or `review export csv`, `review submit`, `review reopen` or `review settings`.';

export const unknownSubcommand = (sub: string): string => `I don’t know “review ${sub.slice(0, 30)}”. ${REVIEW_USAGE}`;

export const exportWordNotUnderstood = (word: string): string =>
  `I didn’t understand “${word.slice(0, 20)}”: type \`/partnership review export md\`, \`review export csv\` or add a year, such as \`review export csv 2025\`.`;

const replaced = (text: string): Reply => ({ ...textReply(text), replaceOriginal: true });

/** Pause or resume: what was done, then what will actually happen to the nudges now. */
export function snoozedReply(roster: Roster, settings: PartnershipSettings, p: Paused): Reply {
  const name = roster.partnership.name;
  const o = p.outlook;
  const stopped = noNudgesText(o, settings);
  const lines: string[] = [];
  if (p.on) {
    lines.push(`Review nudges for ${name} are paused until ${formatWhen(p.until, settings)}.`);
    if (stopped !== null) lines.push(stopped);
    else if (o.state === 'scheduled') {
      if (o.opens)
        lines.push(`Nothing is sent before the ${o.year} review season opens on ${formatWhen(o.opens, settings)}.`);
      lines.push(nextNudgeText(o, settings), remindersText(o) ?? '');
      lines.push('`/partnership review resume` starts the nudges again.');
    }
  } else {
    const on = o.state === 'scheduled' && !o.opens && o.next !== null;
    lines.push(
      `Review nudges for ${name} ${!p.wasPaused ? 'were not paused' : on ? 'are back on' : 'are no longer paused'}.`,
      nudgeOutlookText(o, settings),
    );
  }
  return textReply(lines.filter(Boolean).join(' '));
}

export function exportReply(roster: Roster, file: ExportFile): Reply {
  const summary = `${roster.partnership.name}: partnership review ${file.year} (${file.format === 'md' ? 'Markdown' : 'CSV'}), ${file.submittedOn ? `as submitted on ${file.submittedOn}` : 'as it stands today'}.`;
  return {
    summary,
    visibility: 'private',
    blocks: [
      { kind: 'text', text: summary },
      { kind: 'note', text: 'The file holds members’ resident status: keep it to the rep and the chair.' },
    ],
    attachment: { filename: file.filename, mimeType: file.mimeType, content: file.content },
  };
}

/** A member's confirmation, in place of the message whose button they clicked. */
export function confirmedReply(c: Confirmed, roster: Roster, settings: PartnershipSettings): Reply {
  const when = formatDay(c.at, settings);
  if (c.choice === 'left')
    return replaced(
      `Thank you for letting us know. On ${when} you said you are no longer a member of ${roster.partnership.name}. ${c.told ? 'I have told the rep, who will update the roster.' : 'I could not reach the rep just now: please tell them yourself.'}`,
    );
  const resident = c.choice === 'resident';
  const mismatch =
    c.person.resident !== resident
      ? ` The roster has you as ${c.person.resident ? 'living' : 'not living'} in the area: the rep will see your answer and update it.`
      : '';
  // the yearly confirmation and the signed form are two things (docs/rules.md, "Membership forms")
  const form = c.person.membershipForm
    ? ''
    : ' Your signed partnership membership form is not recorded yet: once you have signed it, record the date with `/partnership forms`.';
  return replaced(
    `Thank you, ${c.person.name}: confirmed on ${when}. ${CONFIRM_LABELS[c.choice]}.${mismatch} You can change this with \`/partnership review\` until the review is submitted.${form}`,
  );
}

export function changesCheckedReply(count: number, lastYear: number | undefined): Reply {
  return replaced(
    `Thanks: the ${plural(count, 'change')} since the ${lastYear} review ${count === 1 ? 'is' : 'are'} marked as checked. They go into the export.`,
  );
}

/** "The changes are right" clicked on a list that has changed since: the list as it is now. */
export function changesNowReply(changes: string[], fingerprint: string): Reply {
  const text = 'The changes since last year have changed since that message. Here they are now:';
  return {
    summary: text,
    visibility: 'private',
    blocks: [
      { kind: 'text', text },
      { kind: 'list', items: changes },
      {
        kind: 'actions',
        buttons: [{ actionId: 'review.changes-ok', label: 'The changes are right', value: fingerprint }],
      },
    ],
  };
}

export function answersSavedReply(year: number, saved: number, after: ReviewStatus): Reply {
  const blocks: Block[] = [{ kind: 'text', text: `Saved ${plural(saved, 'answer')} for the ${year} review.` }];
  if (after.outstanding.length)
    blocks.push(
      { kind: 'text', text: 'Still to do:' },
      { kind: 'list', items: after.outstanding.map(outstandingText) },
    );
  else
    blocks.push({
      kind: 'text',
      text: 'Nothing is outstanding: the review is ready. Download it, submit it to Local Trust, then mark it as submitted.',
    });
  blocks.push({
    kind: 'actions',
    buttons: [statusButton, { actionId: 'review.export', label: 'Download (Markdown)', value: 'md' }],
  });
  return { summary: `Saved ${plural(saved, 'answer')} for the ${year} review.`, blocks, visibility: 'private' };
}
