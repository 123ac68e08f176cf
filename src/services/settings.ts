// Reading and changing a partnership's settings. Any member reads them all; the chair or the rep
// changes them (all of them, or the review season's in its own form), checked whole by the
// settings' schema before the one write. The roster store audits each write with the settings
// before and after, and who made it.
import { can } from '../domain/permissions.ts';
import { reviewSettingsSchema, type ReviewSettings } from '../domain/review/settings.ts';
import type { PartnershipSettings } from '../domain/settings.ts';
import { applySettingTexts, settingKey, type SettingIssue, type SettingKey } from '../domain/settings-text.ts';
import { authorize, type Actor, type Refusal } from './actor.ts';
import type { ServiceDeps } from './deps.ts';
import type { SettingsAudit } from './ports/index.ts';

export type { SettingIssue };

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

export interface SettingsView {
  settings: PartnershipSettings;
  /** the viewer may change them (the chair or the rep) */
  mayChange: boolean;
  /** the latest recorded changes, newest first */
  history: SettingsAudit[];
}

/** Every setting as it is, for any member; with the last changes made, from the audit log. */
export async function viewSettings(deps: ServiceDeps, actor: Actor, input: { history?: number } = {}) {
  const allowed = authorize(actor, 'settings.view');
  if (!allowed.ok) return { ok: false as const, error: allowed.refusal as SettingsRefusal };
  const history = await deps.stores.rosters.settingsHistory(actor.partnership.id, input.history ?? 1);
  const value: SettingsView = {
    settings: actor.partnership.settings,
    mayChange: can(allowed.person, 'settings.change'),
    history,
  };
  return { ok: true as const, value };
}

/** The settings as they are, for the form that changes them (the chair or the rep). */
export function settingsForChange(actor: Actor): SettingsResult<PartnershipSettings> {
  const allowed = authorize(actor, 'settings.change');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  return { ok: true, value: actor.partnership.settings };
}

export interface SettingsChanged {
  before: PartnershipSettings;
  after: PartnershipSettings;
  /** the settings whose value changed; empty: nothing was written */
  changed: SettingKey[];
}

/** Reads `changes` (setting name -> text as typed); an unknown name is an issue like a bad value. */
export function readSettingChanges(
  current: PartnershipSettings,
  changes: Record<string, string>,
): { ok: true; value: SettingsChanged } | { ok: false; issues: SettingIssue[] } {
  const typed = new Map<SettingKey, string>();
  const unknown: SettingIssue[] = [];
  for (const [name, text] of Object.entries(changes)) {
    const key = settingKey(name);
    if (key) typed.set(key, text);
    else unknown.push({ field: name, message: 'is not a setting' });
  }
  if (unknown.length) return { ok: false, issues: unknown };
  const applied = applySettingTexts(current, typed);
  if (!applied.ok) return { ok: false, issues: applied.error };
  return { ok: true, value: { before: current, after: applied.value.settings, changed: applied.value.changed } };
}

/**
 * The chair or the rep changes settings (`quorum` -> "6"): all are read and the whole is checked
 * before the one write; nothing is written when nothing changes.
 */
export async function changeSettings(
  deps: ServiceDeps,
  actor: Actor,
  changes: Record<string, string>,
): Promise<SettingsResult<SettingsChanged>> {
  const allowed = authorize(actor, 'settings.change');
  if (!allowed.ok) return { ok: false, error: allowed.refusal };
  const read = readSettingChanges(actor.partnership.settings, changes);
  if (!read.ok) return { ok: false, error: { code: 'settings-invalid', issues: read.issues } };
  const reviewer = read.value.changed.includes('concernReviewer') ? read.value.after.concernReviewer : undefined;
  if (reviewer && !actor.roster.people.some((p) => p.name.toLowerCase() === reviewer.toLowerCase()))
    return {
      ok: false,
      error: {
        code: 'settings-invalid',
        issues: [{ field: 'concernReviewer', message: `must be someone on the roster; “${reviewer}” is not` }],
      },
    };
  if (read.value.changed.length)
    await deps.stores.rosters.updateSettings(actor.partnership.id, read.value.after, allowed.person.id);
  return { ok: true, value: read.value };
}
