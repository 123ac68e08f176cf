// `/partnership review settings`: the chair or the rep sets the season's dates, the nudge
// cadence, the quiet hours and the confirmation reminders, in a form. Checked whole before saving.
import { reviewSettingsSchema, WEEKDAYS, type ReviewSettings } from '../../domain/review/settings.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { textReply, type Field, type Reply } from '../../domain/chat/reply.ts';
import type { FormHandler, ScopedContext } from './types.ts';

export const SETTINGS_FORM = 'review.settings';

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

export async function settingsForm(ctx: ScopedContext): Promise<Reply[]> {
  const { person, partnership } = ctx.scope;
  if (!can(person, 'review.settings'))
    return [textReply(person ? refusal('review.settings') : 'I don’t know who you are yet.')];
  const r = partnership.settings.review;
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
  return [
    {
      summary: `Review season settings for ${partnership.name}.`,
      visibility: 'private',
      blocks: [
        { kind: 'heading', text: 'Review season settings' },
        {
          kind: 'text',
          text: 'Times are London time. Nudges go only when something is outstanding; nothing is sent in the quiet hours or on quiet days.',
        },
        { kind: 'form', form: { id: SETTINGS_FORM, title: 'Review season settings', submitLabel: 'Save', fields } },
      ],
    },
  ];
}

const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : (v ?? '').split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim();

export const saveSettings: FormHandler = async (ctx, values) => {
  const { person, partnership } = ctx.scope;
  if (!can(person, 'review.settings'))
    return [textReply(person ? refusal('review.settings') : 'I don’t know who you are yet.')];
  const current = partnership.settings.review;
  const candidate: Record<string, unknown> = { ...current };
  for (const id of ['opensOn', 'opensAt', 'deadline', 'nudgeAt', 'quietFrom', 'quietTo'] as const) {
    if (values[id] !== undefined) candidate[id] = one(values[id]);
  }
  for (const id of ['nudgeDays', 'finalMonthNudgeDays', 'quietDays'] as const) {
    if (values[id] !== undefined) candidate[id] = list(values[id]);
  }
  for (const id of ['confirmationReminders', 'confirmationReminderDays'] as const) {
    const v = one(values[id]);
    if (v !== undefined && v !== '') candidate[id] = /^\d+$/.test(v) ? Number(v) : v;
  }
  const parsed = reviewSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${LABELS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    return [textReply(`Nothing was saved:\n${problems.join('\n')}`)];
  }
  await ctx.deps.stores.rosters.updateSettings(
    partnership.id,
    { ...partnership.settings, review: parsed.data },
    person!.id,
  );
  const s = parsed.data;
  return [
    textReply(
      `Saved. The season opens on ${s.opensOn} at ${s.opensAt} and the review is due by ${s.deadline}; nudges on ${s.nudgeDays.join(', ') || 'no day'} (${s.finalMonthNudgeDays.join(', ') || 'no day'} in the deadline’s month) at ${s.nudgeAt}; quiet ${s.quietFrom}–${s.quietTo} and on ${s.quietDays.join(', ') || 'no day'}.`,
    ),
  ];
};
