// settings.csv, beside people.csv: one row per setting, `setting,value`, each value as it would be
// typed on the command line (`quorum,6`). Only the rows given change; every problem names its line.
// csv.ts reads the file like the others; this reads its rows.
import type { PartnershipSettings } from '../../domain/settings.ts';
import {
  applySettingTexts,
  issueLine,
  SETTING_KEYS,
  settingKey,
  settingText,
  type SettingKey,
} from '../../domain/settings-text.ts';
import type { Problem } from '../../domain/result.ts';
import { stringify } from 'csv-stringify/sync';
import { oneOf } from '../../domain/choices.ts';

/** The headings settings.csv may use, as csv.ts reads them (lower case, letters only). */
export const SETTINGS_COLUMNS: Record<string, string> = {
  setting: 'setting',
  key: 'setting',
  name: 'setting',
  value: 'value',
};
export const SETTINGS_REQUIRED = ['setting', 'value'];

/** settings.csv as csv.ts read it: each row's line and cells by field, and each field's heading as written. */
export interface SettingsTable {
  rows: { line: number; cells: Map<string, string> }[];
  columnOf: Map<string, string>;
}

/** The settings in the table over `base`; problems are added to `problems` (and `base` is returned). */
export function settingsFromTable(
  file: string,
  table: SettingsTable,
  base: PartnershipSettings,
  problems: Problem[],
): PartnershipSettings {
  const at = (line: number, field: string) => {
    const column = table.columnOf.get(field);
    return `${file} line ${line}${column ? `, column "${column}"` : ''}`;
  };
  const typed = new Map<SettingKey, string>();
  const lineOf = new Map<SettingKey, number>();
  const found: Problem[] = [];
  for (const row of table.rows) {
    const name = row.cells.get('setting') ?? '';
    const key = settingKey(name);
    if (!key) {
      found.push({
        where: at(row.line, 'setting'),
        message: name
          ? `"${name}" is not a setting; the settings are ${oneOf(SETTING_KEYS)}`
          : 'is empty; write the setting’s name, such as quorum',
      });
      continue;
    }
    const earlier = lineOf.get(key);
    if (earlier !== undefined) {
      found.push({ where: at(row.line, 'setting'), message: `${key} is already set on line ${earlier}; give it once` });
      continue;
    }
    lineOf.set(key, row.line);
    typed.set(key, row.cells.get('value') ?? '');
  }
  if (found.length) {
    problems.push(...found);
    return base;
  }
  const applied = applySettingTexts(base, typed);
  if (applied.ok) return applied.value.settings;
  for (const issue of applied.error) {
    const line = lineOf.get(issue.field as SettingKey);
    problems.push({
      where: line === undefined ? file : at(line, 'value'),
      message: issueLine(issue),
    });
  }
  return base;
}

/** Every setting as settings.csv (the inverse of readSettingsCsv). */
export const settingsToCsv = (s: PartnershipSettings): string =>
  stringify([['setting', 'value'], ...SETTING_KEYS.map((k) => [k, settingText(s, k)])]);
