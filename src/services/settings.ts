// Changing a partnership's settings. Today: the review season's (its dates, nudge cadence, quiet
// hours and reminders), by the chair or the rep, checked whole by the settings' schema before the
// one write (the roster store records who changed them).
import { reviewSettingsSchema, type ReviewSettings } from '../domain/review/settings.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';

/** A value the schema refused: the setting's id and the schema's reason. */
export interface SettingIssue {
  field: string;
  message: string;
}

export type SettingsRefusal = Refusal | { code: 'settings-invalid'; issues: SettingIssue[] };
export type SettingsResult<T> = { ok: true; value: T } | { ok: false; error: SettingsRefusal };

/** The review settings as they are, for the form that changes them. */
export function reviewSettingsOf(actor: Actor): SettingsResult<ReviewSettings> {
  const allowed = authorize(actor, 'review.settings');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  return { ok: true, value: actor.partnership.settings.review };
}

/**
 * Applies `changes` (values as typed: strings, day lists, numbers) over the current review
 * settings; saved only when the whole result is valid.
 */
export async function changeReviewSettings(
  deps: ServiceDeps,
  actor: Actor,
  changes: Record<string, unknown>,
): Promise<SettingsResult<ReviewSettings>> {
  const allowed = authorize(actor, 'review.settings');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const { partnership } = actor;
  const parsed = reviewSettingsSchema.safeParse({ ...partnership.settings.review, ...changes });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
    return { ok: false, error: { code: 'settings-invalid', issues } };
  }
  await deps.stores.rosters.updateSettings(
    partnership.id,
    { ...partnership.settings, review: parsed.data },
    allowed.person.id,
  );
  return { ok: true, value: parsed.data };
}
