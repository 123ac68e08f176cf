// `/partnership review settings`: the chair or the rep sets the season's dates, the nudge
// cadence, the quiet hours and the confirmation reminders, in a form; src/services/settings.ts
// checks it whole before saving.
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { changeReviewSettings, reviewSettingsOf } from '../../services/settings.ts';
import { SETTINGS_FORM, SETTINGS_UNKNOWN, settingsFormReply, settingsSavedReply } from '../views/review-settings.ts';
import { answerReviewRefusal } from './review-scope.ts';
import type { FormHandler, ScopedContext } from './types.ts';

export { SETTINGS_FORM };

export function settingsForm(ctx: ScopedContext): Promise<Reply[]> {
  const result = reviewSettingsOf(actorOf(ctx));
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'command', { unknown: SETTINGS_UNKNOWN });
  return Promise.resolve([settingsFormReply(ctx.scope.partnership.name, result.value)]);
}

const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : (v ?? '').split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim();

/** The form's values as typed: only the fields it carries, day lists as lists, counts as numbers. */
function changesFrom(values: Record<string, string | string[]>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const id of ['opensOn', 'opensAt', 'deadline', 'nudgeAt', 'quietFrom', 'quietTo'] as const) {
    if (values[id] !== undefined) changes[id] = one(values[id]);
  }
  for (const id of ['nudgeDays', 'finalMonthNudgeDays', 'quietDays'] as const) {
    if (values[id] !== undefined) changes[id] = list(values[id]);
  }
  for (const id of ['confirmationReminders', 'confirmationReminderDays'] as const) {
    const v = one(values[id]);
    if (v !== undefined && v !== '') changes[id] = /^\d+$/.test(v) ? Number(v) : v;
  }
  return changes;
}

export const saveSettings: FormHandler = async (ctx, values) => {
  const result = await changeReviewSettings(serviceDeps(ctx.deps), actorOf(ctx), changesFrom(values));
  if (!result.ok && result.error.code === 'settings-invalid') {
    // the form again, each problem beside its field, what was typed kept
    const { name, settings } = ctx.scope.partnership;
    return [settingsFormReply(name, settings.review, { issues: result.error.issues, typed: values })];
  }
  if (!result.ok) return answerReviewRefusal(ctx, result.error, 'command', { unknown: SETTINGS_UNKNOWN });
  return [settingsSavedReply(result.value)];
};
