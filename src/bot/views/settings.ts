// The partnership's settings in words: what each one means, its value and its default (for any
// member), and what the chair or the rep is told when a change is saved or refused; the form they
// change them in is settings-form.ts. The command line shows the same words (adapters/cli/commands/settings.ts).
import { textReply, type Block, type Reply } from '../../domain/chat/reply.ts';
import { defaultSettings, describeQuorum, percent, type PartnershipSettings } from '../../domain/settings.ts';
import {
  issueLine,
  SETTING_KEYS,
  settingText,
  type SettingIssue,
  type SettingKey,
} from '../../domain/settings-text.ts';
import type { SettingsAudit } from '../../services/ports/index.ts';
import { formatDate } from './register.ts';
import { formatClock } from './text.ts';

export const SETTINGS_CHANGE_FORM = 'settings.change';
export const SETTINGS_CHANGE_ACTION = 'settings.change';

export const SETTINGS_SET_USAGE =
  'Try `/partnership settings` (every setting, what it means and its default), `settings change` (a form) or `settings set quorum=6 ltoOrganisation="Northfield Community Trust"`.';

/** Typed `settings` from someone the roster does not know. */
export const SETTINGS_UNKNOWN = 'I don’t know who you are yet.';

interface Described {
  label: string;
  /** what the setting does, in plain words */
  meaning: string;
  /** its value in words */
  words(s: PartnershipSettings): string;
}

const yes = (b: boolean, y: string, n: string) => (b ? y : n);
const dayList = (d: readonly string[]) => (d.length ? d.join(', ') : 'no day');
const review = (key: keyof PartnershipSettings['review']) => (s: PartnershipSettings) => {
  const v = s.review[key];
  return Array.isArray(v) ? dayList(v) : String(v ?? '');
};
/** A time of day as replies say it ("8pm"); the value to type is in the settings form and docs. */
const clockSetting = (key: 'opensAt' | 'nudgeAt' | 'quietFrom' | 'quietTo') => (s: PartnershipSettings) =>
  formatClock(s.review[key]);

export const SETTING_WORDS: Record<SettingKey, Described> = {
  residentThreshold: {
    label: 'Resident threshold',
    meaning:
      'The share of members who must live in the Big Local area ("at least 51%", 001); residents must also be more than half.',
    words: (s) => `${percent(s.residentThreshold)} of members`,
  },
  quorum: {
    label: 'Quorum',
    meaning:
      'How many voting members must be able to take part for a decision to be taken: a share of the voting members (rounded up) or a fixed number.',
    words: (s) => describeQuorum(s.quorum),
  },
  loyaltyConflicts: {
    label: 'Loyalty conflicts',
    meaning:
      'What a member does whose only conflict is loyalty (a trustee, member or volunteer of the organisation): step back, or declare it and stay.',
    words: (s) =>
      s.loyaltyConflicts === 'withdraw'
        ? 'withdraw: they step back from the decision'
        : 'declare-and-stay: they declare it and may still vote',
  },
  councillorsVoteOnKeyDecisions: {
    label: 'Councillors vote on key decisions',
    meaning: 'Whether councillors on the partnership vote on procurement and grant decisions.',
    words: (s) => yes(s.councillorsVoteOnKeyDecisions, 'yes', 'no: councillors do not vote on them'),
  },
  countLtoRepresentatives: {
    label: 'Count LTO representatives',
    meaning:
      'Whether LTO representatives who are members count towards the eight members and the resident share (001 counts them; the 2021 review did not).',
    words: (s) => yes(s.countLtoRepresentatives, 'yes', 'no: they are left out of the count'),
  },
  ltoOrganisation: {
    label: 'LTO organisation',
    meaning:
      'The locally trusted organisation’s name: LTO representatives have a conflict in any decision involving it.',
    words: (s) => s.ltoOrganisation ?? 'not set',
  },
  repMayCreateDecisions: {
    label: 'Rep may put decisions',
    meaning: 'Whether the rep may put decisions to the partnership (officers always may).',
    words: (s) => yes(s.repMayCreateDecisions, 'yes', 'no'),
  },
  proxyVotes: {
    label: 'Proxy votes',
    meaning:
      'Whether a voting member who cannot vote may appoint another voting member as their proxy for one decision. Turn it on only if your terms of reference allow proxy votes.',
    words: (s) => yes(s.proxyVotes, 'allowed', 'not allowed'),
  },
  reminderHoursBeforeClose: {
    label: 'Decision reminder',
    meaning: 'How long before a decision closes those who have not declared or voted are reminded, once.',
    words: (s) =>
      s.reminderHoursBeforeClose === 0 ? 'no reminder' : `${s.reminderHoursBeforeClose} hours before it closes`,
  },
  timeZone: {
    label: 'Time zone',
    meaning: 'The time zone of every time the bot reads or shows.',
    words: (s) => s.timeZone,
  },
  retentionMonths: {
    label: 'Keep former members’ data',
    meaning:
      'How long after a membership ends the person’s personal data is erased (decision records are kept, without their name).',
    words: (s) =>
      s.retentionMonths === 0 ? 'until erased by hand' : `${s.retentionMonths} months after their membership ends`,
  },
  concernReviewer: {
    label: 'Concern reviewer',
    meaning:
      'The impartial person, on the roster, who reviews concerns raised privately with `/partnership concern`; never the person a concern is about (then the chair reviews it).',
    words: (s) => s.concernReviewer ?? 'the rep',
  },
  'review.opensOn': {
    label: 'Review season opens on',
    meaning: 'The day (MM-DD) the annual partnership review season opens.',
    words: review('opensOn'),
  },
  'review.opensAt': { label: 'Review opens at', meaning: 'The time it opens.', words: clockSetting('opensAt') },
  'review.deadline': {
    label: 'Review deadline',
    meaning: 'The day (MM-DD) the review is due, in the same year.',
    words: review('deadline'),
  },
  'review.nudgeDays': {
    label: 'Nudge the rep on',
    meaning: 'The weekdays the rep is reminded of what is outstanding in the review.',
    words: review('nudgeDays'),
  },
  'review.finalMonthNudgeDays': {
    label: 'In the deadline’s month, nudge on',
    meaning: 'The weekdays of those reminders in the deadline’s month.',
    words: review('finalMonthNudgeDays'),
  },
  'review.nudgeAt': {
    label: 'Nudge time',
    meaning: 'The time of day of those reminders.',
    words: clockSetting('nudgeAt'),
  },
  'review.quietFrom': {
    label: 'Quiet from',
    meaning: 'No scheduled message is sent from this time…',
    words: clockSetting('quietFrom'),
  },
  'review.quietTo': { label: 'Quiet until', meaning: '…until this time.', words: clockSetting('quietTo') },
  'review.quietDays': {
    label: 'Quiet all day on',
    meaning: 'Days on which no scheduled message is sent.',
    words: review('quietDays'),
  },
  'review.confirmationReminders': {
    label: 'Reminders to confirm membership',
    meaning: 'How many times (at most two) a member is reminded to confirm their membership in the review.',
    words: (s) => String(s.review.confirmationReminders),
  },
  'review.confirmationReminderDays': {
    label: 'Days between those reminders',
    meaning: 'How many days apart those reminders are.',
    words: (s) => `${s.review.confirmationReminderDays} days`,
  },
};

/** One line per setting: its name, its value, its default when different, and what it means. */
export function settingLines(s: PartnershipSettings): string[] {
  const defaults = defaultSettings();
  return SETTING_KEYS.map((key) => {
    const d = SETTING_WORDS[key];
    const now = d.words(s);
    const was = d.words(defaults);
    const isDefault = settingText(s, key) === settingText(defaults, key);
    return `${d.label} (\`${key}\`): ${now}${isDefault ? ' (the default)' : ` (default: ${was})`}. ${d.meaning}`;
  });
}

function lastChange(h: SettingsAudit | undefined, timeZone: string): string | null {
  if (!h) return null;
  const changed = h.before ? SETTING_KEYS.filter((k) => settingText(h.before!, k) !== settingText(h.after, k)) : [];
  const who = h.actorName ?? (h.action === 'roster.import' ? 'a roster import' : 'the command line');
  return `Last changed on ${formatDate(h.at, timeZone)} by ${who}${changed.length ? `: ${changed.map((k) => `\`${k}\``).join(', ')}` : ''}.`;
}

export function settingsReply(
  partnershipName: string,
  view: { settings: PartnershipSettings; mayChange: boolean; history: SettingsAudit[] },
): Reply {
  const s = view.settings;
  const last = lastChange(view.history[0], s.timeZone);
  const blocks: Block[] = [
    { kind: 'heading', text: `Settings of ${partnershipName}` },
    {
      kind: 'text',
      text: 'Each partnership agrees some of its own rules ("locally agreed policies and procedures", 001). These are yours:',
    },
    { kind: 'list', items: settingLines(s) },
    ...(last ? [{ kind: 'note' as const, text: last }] : []),
  ];
  if (view.mayChange) {
    blocks.push(
      { kind: 'actions', buttons: [{ actionId: SETTINGS_CHANGE_ACTION, label: 'Change settings', value: 'form' }] },
      {
        kind: 'note',
        text: 'The review season’s dates and nudges: `/partnership review settings`. From the command line: `partnership-bot settings set --partnership SLUG quorum=6`.',
      },
    );
  } else blocks.push({ kind: 'note', text: 'The chair or the rep can change them.' });
  return { summary: `Settings of ${partnershipName}.`, visibility: 'private', blocks };
}

/** "quorum must be a fraction …": the setting's name, then what it must be. */
export const settingIssueLine = (i: SettingIssue): string => issueLine(i);

export const settingsRefusedText = (issues: readonly SettingIssue[]): string =>
  `Nothing was saved:\n${issues
    .map((i) => {
      const label = SETTING_WORDS[i.field as SettingKey]?.label;
      return label ? `${label}: ${settingIssueLine(i)}` : settingIssueLine(i);
    })
    .join('\n')}`;

export function settingsSavedReply(change: {
  before: PartnershipSettings;
  after: PartnershipSettings;
  changed: readonly SettingKey[];
}): Reply {
  if (!change.changed.length) return textReply('Nothing changed: those are the settings already.');
  const lines = change.changed.map((k) => {
    const d = SETTING_WORDS[k];
    return `${d.label}: ${d.words(change.before)} → ${d.words(change.after)}`;
  });
  return textReply(`Saved, and recorded with who changed what:\n${lines.join('\n')}`);
}
