// The review season's settings form (the season's dates, the nudge cadence, the quiet hours, the
// confirmation reminders) and what the chair or the rep is told when it is saved or refused.
import { WEEKDAYS, type ReviewSettings } from '../../domain/review/settings.ts';
import { textReply, type Field, type Form, type Reply } from '../../domain/chat/reply.ts';
import type { SettingIssue } from '../../services/settings.ts';
import { formAgain, type Typed } from './form-again.ts';
import { FIX } from './form-problems.ts';
import { formatClock } from './text.ts';

export const SETTINGS_FORM = 'review.settings';

/** Typed `review settings` from someone the roster does not know. */
export const SETTINGS_UNKNOWN = 'I don’t know who you are yet.';

const DAY_OPTIONS = WEEKDAYS.map((d) => ({ value: d, label: `${d.charAt(0).toUpperCase()}${d.slice(1)}` }));

const LABELS: Record<string, string> = {
  opensOn: 'Season opens on (MM-DD)',
  opensAt: 'at (HH:MM)',
  deadline: 'Deadline (MM-DD)',
  nudgeDays: 'Nudge the rep on',
  finalMonthNudgeDays: 'In the deadline’s month, nudge on',
  nudgeAt: 'Nudge time (HH:MM)',
  quietFrom: 'Quiet from (HH:MM)',
  quietTo: 'Quiet until (HH:MM)',
  quietDays: 'Quiet all day on',
  confirmationReminders: 'Reminders to confirm membership (at most two)',
  confirmationReminderDays: 'Days between reminders',
};

const issueText = (i: SettingIssue): string => `${LABELS[i.field] ?? i.field}: ${i.message}`;

/**
 * The review season's form; `again`: sent back with each issue beside its field (one the form has
 * no field for stays on top), what was typed kept.
 */
export function settingsFormReply(
  partnershipName: string,
  r: ReviewSettings,
  again?: { issues: readonly SettingIssue[]; typed: Typed },
): Reply {
  const text = (id: keyof ReviewSettings, hint?: string): Field => ({
    id,
    label: LABELS[id]!,
    type: 'text',
    required: true,
    initial: String(r[id] ?? ''),
    ...(hint ? { hint } : {}),
  });
  const days = (id: 'nudgeDays' | 'finalMonthNudgeDays' | 'quietDays'): Field => ({
    id,
    label: LABELS[id]!,
    type: 'multiselect',
    options: DAY_OPTIONS,
    initial: r[id].join(','),
  });
  const fields: Field[] = [
    text('opensOn', 'For example 09-01 for 1 September.'),
    text('opensAt'),
    text('deadline', 'For example 12-31 for 31 December.'),
    days('nudgeDays'),
    days('finalMonthNudgeDays'),
    text('nudgeAt'),
    text('quietFrom'),
    text('quietTo'),
    days('quietDays'),
    {
      id: 'confirmationReminders',
      label: LABELS.confirmationReminders!,
      type: 'select',
      options: ['0', '1', '2'].map((v) => ({ value: v, label: v })),
      initial: String(r.confirmationReminders),
    },
    {
      id: 'confirmationReminderDays',
      label: LABELS.confirmationReminderDays!,
      type: 'number',
      initial: String(r.confirmationReminderDays),
    },
  ];
  const form: Form = { id: SETTINGS_FORM, title: 'Review season settings', submitLabel: 'Save', fields };
  const problems = (again?.issues ?? []).map((i) =>
    fields.some((f) => f.id === i.field)
      ? { where: i.field, message: i.message }
      : { where: '', message: issueText(i) },
  );
  return {
    summary: again ? settingsRefusedText(again.issues) : `Review season settings for ${partnershipName}.`,
    visibility: 'private',
    blocks: [
      ...(again ? [{ kind: 'text' as const, text: `Nothing was saved. ${FIX}` }] : []),
      { kind: 'heading', text: 'Review season settings' },
      {
        kind: 'text',
        text: 'Times are London time. Nudges go only when something is outstanding; nothing is sent in the quiet hours or on quiet days.',
      },
      { kind: 'form', form: again ? formAgain(form, problems, again.typed) : form },
    ],
  };
}

export const settingsRefusedText = (issues: readonly SettingIssue[]): string =>
  `Nothing was saved:\n${issues.map(issueText).join('\n')}`;

export const settingsSavedReply = (s: ReviewSettings): Reply =>
  textReply(
    `Saved. The season opens on ${s.opensOn} at ${s.opensAt} and the review is due by ${s.deadline}; nudges on ${s.nudgeDays.join(', ') || 'no day'} (${s.finalMonthNudgeDays.join(', ') || 'no day'} in the deadline’s month) at ${formatClock(s.nudgeAt)}; quiet ${formatClock(s.quietFrom)} to ${formatClock(s.quietTo)} and on ${s.quietDays.join(', ') || 'no day'}. A nudge goes only in season, when something is outstanding, and never once the review is marked as submitted: \`/partnership review\` shows when the next one would come.`,
  );
