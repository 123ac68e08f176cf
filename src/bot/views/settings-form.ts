// The form the chair or the rep changes the partnership's settings in (not the review season's
// dates and nudges: review-settings.ts), and the same form sent back with each problem beside its
// setting, what was typed kept.
import type { Field, Form, Reply } from '../../domain/chat/reply.ts';
import type { Problem } from '../../domain/result.ts';
import { WEEKDAYS } from '../../domain/review/settings.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import {
  issueLine,
  SETTING_KEYS,
  settingText,
  type SettingIssue,
  type SettingKey,
} from '../../domain/settings-text.ts';
import { formAgain, type Typed } from './form-again.ts';
import { FIX } from './form-problems.ts';
import { SETTING_WORDS, SETTINGS_CHANGE_FORM, settingsRefusedText } from './settings.ts';

/** The review season's dates, nudges and reminders: in the season's own form (review-settings.ts), not here. */
const SEASON_ONLY = [
  'review.opensOn',
  'review.opensAt',
  'review.deadline',
  'review.nudgeDays',
  'review.finalMonthNudgeDays',
  'review.nudgeAt',
  'review.confirmationReminders',
  'review.confirmationReminderDays',
] as const satisfies readonly SettingKey[];
type FormKey = Exclude<SettingKey, (typeof SEASON_ONLY)[number]>;
/** The form's fields: every other setting (the quiet hours are in both forms), in SETTING_KEYS' order. */
const FORM_KEYS: readonly FormKey[] = SETTING_KEYS.filter(
  (k): k is FormKey => !(SEASON_ONLY as readonly SettingKey[]).includes(k),
);

/** A form field's id: the setting's name without `review.` (a dot in an id is read as a part by some platforms). */
export const fieldId = (key: SettingKey): string => key.replace(/^review\./, '');
/** The setting a form field is for. */
export const formKey = (id: string): SettingKey | undefined => FORM_KEYS.find((k) => fieldId(k) === id);

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const HINTS: Partial<Record<SettingKey, string>> = {
  residentThreshold: 'A fraction, e.g. 0.51 for 51%.',
  quorum: 'A fraction of the voting members, e.g. 0.5, or a whole number of members, e.g. 6.',
  ltoOrganisation: 'Leave empty if there is none.',
  reminderHoursBeforeClose: '0 for no reminder.',
  timeZone: 'For example Europe/London.',
  retentionMonths: '0 keeps it until erased by hand.',
  concernReviewer: 'A name on the roster; leave empty for the rep.',
  'review.quietFrom': 'HH:MM, 24-hour clock.',
  'review.quietTo': 'HH:MM, 24-hour clock.',
};

function field(key: FormKey, s: PartnershipSettings): Field {
  const base = {
    id: fieldId(key),
    label: SETTING_WORDS[key].label,
    initial: settingText(s, key),
    ...(HINTS[key] ? { hint: HINTS[key] } : {}),
  };
  switch (key) {
    case 'loyaltyConflicts':
      return {
        ...base,
        type: 'select',
        required: true,
        options: [
          { value: 'withdraw', label: 'Withdraw: step back from the decision' },
          { value: 'declare-and-stay', label: 'Declare and stay: may still vote' },
        ],
      };
    case 'councillorsVoteOnKeyDecisions':
    case 'countLtoRepresentatives':
    case 'repMayCreateDecisions':
    case 'proxyVotes':
      return { ...base, type: 'select', required: true, options: YES_NO };
    case 'review.quietDays':
      return {
        ...base,
        type: 'multiselect',
        options: WEEKDAYS.map((d) => ({ value: d, label: `${d.charAt(0).toUpperCase()}${d.slice(1)}` })),
      };
    case 'reminderHoursBeforeClose':
    case 'retentionMonths':
      return { ...base, type: 'number', required: true };
    case 'ltoOrganisation':
    case 'concernReviewer':
      return { ...base, type: 'text', maxLength: 200 };
    default:
      return { ...base, type: 'text', required: true };
  }
}

/** The settings issues of a form, each beside its field (one the form has no field for stays on top). */
function formProblems(issues: readonly SettingIssue[]): Problem[] {
  return issues.map((i) => {
    const key = formKey(fieldId(i.field as SettingKey));
    return key && key === i.field ? { where: fieldId(key), message: i.message } : { where: '', message: issueLine(i) };
  });
}

/** The settings form; `again`: sent back with each issue beside its setting, what was typed kept. */
export function settingsFormReply(
  partnershipName: string,
  s: PartnershipSettings,
  again?: { issues: readonly SettingIssue[]; typed: Typed },
): Reply {
  const form: Form = {
    id: SETTINGS_CHANGE_FORM,
    title: 'Partnership settings',
    submitLabel: 'Save',
    fields: FORM_KEYS.map((k) => field(k, s)),
  };
  const problems = again ? formProblems(again.issues) : [];
  return {
    summary: again ? settingsRefusedText(again.issues) : `Change the settings of ${partnershipName}.`,
    visibility: 'private',
    blocks: [
      ...(again ? [{ kind: 'text' as const, text: `Nothing was saved. ${FIX}` }] : []),
      { kind: 'heading', text: `Change the settings of ${partnershipName}` },
      {
        kind: 'text',
        text: 'Every change is recorded with who made it and the values before and after. The review season’s dates and nudges: `/partnership review settings`.',
      },
      { kind: 'form', form: again ? formAgain(form, problems, again.typed) : form },
    ],
  };
}
