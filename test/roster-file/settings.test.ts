// Roster files carry every setting: a `settings` object in JSON, a settings.csv beside the CSV
// people file. Only what a file lists changes; bad values are refused at their field or line.
import { describe, expect, it } from 'vitest';
import { defaultSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { parseRosterCsv } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { rosterToCsv, rosterToJson } from '../../src/services/roster-file/export.ts';

const PEOPLE = [{ name: 'Ann Lee', kind: 'member', resident: true, voting: true, roles: ['chair'] }];
const json = (partnership: Record<string, unknown>, base?: PartnershipSettings) =>
  parseRosterJson(JSON.stringify({ partnership: { name: 'P', ...partnership }, people: PEOPLE }), 'r.json', base);
const settingsOf = (partnership: Record<string, unknown>, base?: PartnershipSettings) => {
  const r = json(partnership, base);
  if (!r.ok) throw new Error(formatProblems(r.error));
  return r.value.roster.partnership.settings;
};
const problemsOf = (partnership: Record<string, unknown>) => {
  const r = json(partnership);
  if (r.ok) throw new Error('expected problems');
  return r.error.map((p) => `${p.where}: ${p.message}`);
};

const PEOPLE_CSV = 'name,kind,resident\nAnn Lee,member,yes\n';
const csv = (settings: string, base?: PartnershipSettings) =>
  parseRosterCsv(
    {
      partnershipName: 'P',
      people: { file: 'people.csv', text: PEOPLE_CSV },
      settings: { file: 'settings.csv', text: settings },
    },
    base,
  );

describe('JSON: partnership.settings', () => {
  it('sets what it lists; everything else keeps the stored value', () => {
    const stored = { ...defaultSettings(), retentionMonths: 36, ltoOrganisation: 'Old LTO' };
    const s = settingsOf(
      {
        settings: {
          quorum: { type: 'count', value: 6 },
          loyaltyConflicts: 'declare-and-stay',
          ltoOrganisation: 'Northfield Community Trust',
          review: { quietDays: ['saturday', 'sunday'] },
        },
      },
      stored,
    );
    expect(s).toMatchObject({
      quorum: { type: 'count', value: 6 },
      loyaltyConflicts: 'declare-and-stay',
      ltoOrganisation: 'Northfield Community Trust',
      retentionMonths: 36,
      residentThreshold: 0.51,
      review: { quietDays: ['saturday', 'sunday'], nudgeDays: ['monday'] },
    });
    // no settings at all: the stored ones stay, every one of them
    expect(settingsOf({}, stored)).toEqual(stored);
    // null (or "") clears the LTO's name
    expect(settingsOf({ settings: { ltoOrganisation: null } }, stored).ltoOrganisation).toBeUndefined();
  });

  it('refuses bad values and unknown settings at their field, all at once', () => {
    expect(
      problemsOf({
        settings: {
          quorum: { type: 'fraction', value: 2 },
          residentThreshold: '51%',
          councillorsVoteOnKeyDecisions: 'yes',
          quorom: 6,
          review: { deadline: '08-01', quietFrom: '8pm' },
        },
      }),
    ).toEqual([
      'r.json: partnership.settings: has unknown field "quorom" (check the spelling against docs/roster-format.md)',
    ]);
    expect(
      problemsOf({
        settings: {
          quorum: { type: 'fraction', value: 2 },
          residentThreshold: '51%',
          councillorsVoteOnKeyDecisions: 'yes',
          timeZone: 'Mars/Olympus',
          review: { deadline: '08-01', quietFrom: '8pm' },
        },
      }),
    ).toEqual([
      'r.json: partnership.settings.residentThreshold: must be a number, such as 0.5',
      'r.json: partnership.settings.quorum.value: must be a fraction no more than 1, such as 0.5',
      'r.json: partnership.settings.councillorsVoteOnKeyDecisions: must be true or false',
      'r.json: partnership.settings.review.quietFrom: The start of quiet hours must be a 24-hour time HH:MM, for example 09:00',
      'r.json: partnership.settings.review.deadline: The deadline must come after the opening day, in the same year',
    ]);
    expect(problemsOf({ settings: { timeZone: 'Mars/Olympus' } })).toEqual([
      'r.json: partnership.settings.timeZone: must be a time zone name such as Europe/London',
    ]);
    expect(problemsOf({ residentThreshold: 0.6, settings: { residentThreshold: 0.7 } })).toEqual([
      'r.json: partnership.residentThreshold: differs from partnership.settings.residentThreshold; give it once, in "settings"',
    ]);
  });

  it('an export carries every setting and imports back to the same settings', () => {
    const stored = settingsOf({
      settings: {
        quorum: { type: 'count', value: 7 },
        ltoOrganisation: 'Northfield Community Trust',
        countLtoRepresentatives: false,
        review: { quietFrom: '21:30' },
      },
    });
    const first = json({ settings: { quorum: { type: 'count', value: 7 } } }, stored);
    if (!first.ok) throw new Error(formatProblems(first.error));
    const text = rosterToJson(first.value.roster);
    expect(JSON.parse(text).partnership.settings).toMatchObject({
      quorum: { type: 'count', value: 7 },
      ltoOrganisation: 'Northfield Community Trust',
      countLtoRepresentatives: false,
      review: { quietFrom: '21:30' },
    });
    // into a partnership with every default, the file brings every setting with it
    const back = parseRosterJson(text, 'export.json', defaultSettings());
    if (!back.ok) throw new Error(formatProblems(back.error));
    expect(back.value.roster.partnership.settings).toEqual(stored);
  });
});

describe('CSV: settings.csv', () => {
  it('reads one row per setting, as typed on the command line', () => {
    const r = csv(
      [
        'Setting,Value',
        'quorum,6',
        'residentThreshold,55%',
        'ltoOrganisation,"Northfield Community Trust, Ltd"',
        'councillorsVoteOnKeyDecisions,no',
        'review.quietDays,saturday;sunday',
        '',
      ].join('\n'),
    );
    if (!r.ok) throw new Error(formatProblems(r.error));
    expect(r.value.roster.partnership.settings).toMatchObject({
      quorum: { type: 'count', value: 6 },
      residentThreshold: 0.55,
      ltoOrganisation: 'Northfield Community Trust, Ltd',
      councillorsVoteOnKeyDecisions: false,
      review: { quietDays: ['saturday', 'sunday'] },
      retentionMonths: 24,
    });
  });

  it('names the line and column of every bad row', () => {
    const r = csv(['setting,value', 'quorum,half', 'quorm,6', 'reminderHoursBeforeClose,-3', 'quorum,5'].join('\n'));
    if (r.ok) throw new Error('expected problems');
    expect(r.error.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'settings.csv line 3, column "setting": "quorm" is not a setting; the settings are "residentThreshold", "quorum", "loyaltyConflicts", "councillorsVoteOnKeyDecisions", "countLtoRepresentatives", "ltoOrganisation", "repMayCreateDecisions", "proxyVotes", "reminderHoursBeforeClose", "timeZone", "retentionMonths", "concernReviewer", "review.opensOn", "review.opensAt", "review.deadline", "review.nudgeDays", "review.finalMonthNudgeDays", "review.nudgeAt", "review.quietFrom", "review.quietTo", "review.quietDays", "review.confirmationReminders" or "review.confirmationReminderDays"',
      'settings.csv line 5, column "setting": quorum is already set on line 2; give it once',
    ]);
    const values = csv(
      ['setting,value', 'quorum,half', 'reminderHoursBeforeClose,-3', 'review.deadline,08-01'].join('\n'),
    );
    if (values.ok) throw new Error('expected problems');
    expect(values.error.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'settings.csv line 2, column "value": quorum must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
      'settings.csv line 3, column "value": reminderHoursBeforeClose must be a whole number of hours from 0 (no reminder) to 336 (two weeks), e.g. 24',
    ]);
    const whole = csv(['setting,value', 'review.deadline,08-01'].join('\n'));
    if (whole.ok) throw new Error('expected problems');
    expect(formatProblems(whole.error)).toBe(
      'settings.csv line 2, column "value": review.deadline: The deadline must come after the opening day, in the same year',
    );
  });

  it('export writes settings.csv, which imports back to the same settings; without it the stored ones stay', () => {
    const stored = {
      ...defaultSettings(),
      quorum: { type: 'fraction' as const, value: 1 },
      ltoOrganisation: 'Northfield Community Trust',
      review: { ...defaultSettings().review, quietDays: [] },
    };
    const r = parseRosterCsv({ partnershipName: 'P', people: { file: 'people.csv', text: PEOPLE_CSV } }, stored);
    if (!r.ok) throw new Error(formatProblems(r.error));
    expect(r.value.roster.partnership.settings).toEqual(stored);
    const files = rosterToCsv(r.value.roster);
    expect(files.settings).toContain('quorum,1.0\n');
    expect(files.settings).toContain('review.quietDays,\n');
    const back = csv(files.settings, defaultSettings());
    if (!back.ok) throw new Error(formatProblems(back.error));
    expect(back.value.roster.partnership.settings).toEqual(stored);
  });
});
