// partnership-bot settings show|set|history --partnership SLUG [key=value ...] [--json]
// Every per-partnership setting with what it means and its default; `set` reads each value as
// typed, checks the whole (src/services/settings.ts) and writes once, audited with before and
// after (by the command line: no person).
import { defaultSettings, type PartnershipSettings } from '../../../src/domain/settings.ts';
import { SETTING_KEYS, settingsObjectOf, settingText } from '../../../src/domain/settings-text.ts';
import { readSettingChanges } from '../../../src/services/settings.ts';
import type { SettingsAudit } from '../../../src/services/ports/index.ts';
import { settingIssueLine, settingLines, settingsSavedReply, SETTING_WORDS } from '../../../src/bot/views/settings.ts';
import { CliError, EXIT, findPartnershipOrFail, requireSlug, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

const USAGE =
  'settings needs show, set or history: partnership-bot settings show --partnership SLUG [--json], settings set --partnership SLUG quorum=6 ltoOrganisation="Northfield Trust", settings history --partnership SLUG [--json].';

/** Each setting: its value as typed, in words, its default and what it means. */
export function settingsJson(s: PartnershipSettings) {
  const defaults = defaultSettings();
  return {
    settings: settingsObjectOf(s),
    explained: SETTING_KEYS.map((key) => ({
      key,
      value: settingText(s, key),
      inWords: SETTING_WORDS[key].words(s),
      default: settingText(defaults, key),
      isDefault: settingText(s, key) === settingText(defaults, key),
      meaning: SETTING_WORDS[key].meaning,
    })),
  };
}

/** `key=value` words from the command line (the shell has already removed any quotes). */
function pairs(words: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const at = w.indexOf('=');
    if (at <= 0) throw new CliError(`"${w}" is not key=value (for example quorum=6). ${USAGE}`, EXIT.usage);
    out[w.slice(0, at).trim()] = w.slice(at + 1);
  }
  return out;
}

const historyJson = (h: SettingsAudit) => ({
  at: h.at.toISOString(),
  by: h.actorName ?? (h.action === 'roster.import' ? 'roster import' : 'command line'),
  through: h.action,
  changed: h.before
    ? SETTING_KEYS.filter((k) => settingText(h.before!, k) !== settingText(h.after, k)).map((k) => ({
        key: k,
        before: settingText(h.before!, k),
        after: settingText(h.after, k),
      }))
    : [],
});

export async function settingsCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action, ...rest] = positionals;
  if (action !== 'show' && action !== 'set' && action !== 'history') throw new CliError(USAGE, EXIT.usage);
  if (action !== 'set' && rest.length)
    throw new CliError(`settings ${action} takes no extra words; unexpected: ${rest.join(' ')}`, EXIT.usage);
  const slug = requireSlug(flags);
  const changes = action === 'set' ? pairs(rest) : {};
  if (action === 'set' && !rest.length)
    throw new CliError('settings set needs at least one key=value, for example quorum=6.', EXIT.usage);
  return withStores(io, async (stores) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const s = partnership.settings;
    if (action === 'show') {
      io.out(
        flags.json
          ? `${JSON.stringify({ partnership: { slug, name: partnership.name }, ...settingsJson(s) }, null, 2)}\n`
          : `Settings of ${partnership.name} (${slug}):\n${settingLines(s)
              .map((l) => `- ${l}`)
              .join('\n')}\n`,
      );
      return EXIT.ok;
    }
    if (action === 'history') {
      const history = (await stores.rosters.settingsHistory(partnership.id, 50)).map(historyJson);
      io.out(
        flags.json
          ? `${JSON.stringify({ partnership: { slug, name: partnership.name }, history }, null, 2)}\n`
          : history.length
            ? `${history
                .map(
                  (h) =>
                    `${h.at} by ${h.by}: ${h.changed.map((c) => `${c.key} ${c.before || '(none)'} -> ${c.after || '(none)'}`).join('; ') || 'no setting changed'}`,
                )
                .join('\n')}\n`
            : `No setting of ${partnership.name} has been changed yet.\n`,
      );
      return EXIT.ok;
    }
    const read = readSettingChanges(s, changes);
    if (!read.ok) throw new CliError(`Nothing was saved:\n${read.issues.map(settingIssueLine).join('\n')}`, EXIT.input);
    if (read.value.changed.length) await stores.rosters.updateSettings(partnership.id, read.value.after, null);
    io.out(`${settingsSavedReply(read.value).summary}\n`);
    return EXIT.ok;
  });
}
