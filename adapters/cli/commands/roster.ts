// partnership-bot roster import FILE --partnership SLUG | roster export --partnership SLUG [--format json|csv] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { rosterToCsv, rosterToJson } from '../../../src/services/roster-file/export.ts';
import { defaultSettings } from '../../../src/domain/settings.ts';
import {
  CliError,
  EXIT,
  findPartnershipOrFail,
  loadRosterFiles,
  requireSlug,
  unwrap,
  withStores,
  type CliIo,
} from '../io.ts';
import type { Flags } from '../flags.ts';
import { endsTooMany, rosterChanges, type RosterChanges } from '../../../src/domain/roster-changes.ts';

const names = (list: string[]) => (list.length ? ` (${list.join(', ')})` : '');

function describeChanges(c: RosterChanges, partnership: string): string {
  return `Importing this file into ${partnership} would add ${c.added.length}${names(c.added)}, update ${c.updated.length} and end ${c.ended.length} of ${c.current} current memberships${names(c.ended)}.`;
}

function refusal(c: RosterChanges, file: string): string {
  const what =
    c.listed === 0
      ? `${file} lists nobody${c.current ? `, so importing it would end all ${c.current} current memberships` : ''}.`
      : `Importing ${file} would end ${c.ended.length} of ${c.current} current memberships${names(c.ended)}.`;
  return `${what} Nothing was changed. Check that it is the right file (--dry-run shows what an import would change). If those people really have left, run the import again with --allow-removals.`;
}

export async function rosterCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action, file, ...extra] = positionals;
  if (action === 'import') {
    if (!file)
      throw new CliError(
        'roster import needs a FILE: partnership-bot roster import roster.json --partnership SLUG',
        EXIT.usage,
      );
    if (extra.length) throw new CliError(`roster import takes one file; unexpected: ${extra.join(' ')}`, EXIT.usage);
    const slug = requireSlug(flags);
    return withStores(io, async (stores) => {
      const existing = await stores.rosters.findPartnership(slug);
      const parsed = unwrap(
        loadRosterFiles(
          io,
          {
            file,
            relationships: flags.relationships,
            interests: flags.interests,
            settings: flags.settings,
            name: flags.name ?? existing?.name,
          },
          existing?.settings ?? defaultSettings(),
        ),
      );
      const changes = rosterChanges(
        existing ? (await stores.rosters.loadRoster(existing.id)).people : [],
        parsed.roster.people,
      );
      if (flags.dryRun) {
        io.out(`Dry run: nothing was changed. ${describeChanges(changes, existing ? existing.name : slug)}\n`);
        return EXIT.ok;
      }
      if (endsTooMany(changes) && !flags.allowRemovals) throw new CliError(refusal(changes, file), EXIT.input);
      const s = await stores.rosters.importRoster(slug, parsed.roster, null, parsed.scope).catch((error: unknown) => {
        // One transaction: whatever failed, it was rolled back. Prisma's message opens with a code
        // frame; its last line is the cause.
        const cause = (error instanceof Error ? error.message : String(error)).trim().split('\n').pop();
        throw new CliError(
          `The database refused the import, so nothing was changed (the previous roster is intact): ${cause}`,
          EXIT.environment,
        );
      });
      io.out(
        `${s.created ? 'Created' : 'Updated'} ${s.partnership.name} (${slug}): ${s.added.length} added, ${s.updated.length} updated, ${s.ended.length} whose membership ended${s.ended.length ? ` (${s.ended.join(', ')})` : ''}; ${parsed.roster.relationships.length} relationships.\n`,
      );
      return EXIT.ok;
    });
  }
  if (action === 'export') {
    if (file)
      throw new CliError(`roster export writes to standard output (or --out DIR); unexpected: ${file}`, EXIT.usage);
    const slug = requireSlug(flags);
    const format = flags.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new CliError(`--format must be json or csv (got "${format}").`, EXIT.usage);
    return withStores(io, async (stores) => {
      const roster = await stores.rosters.loadRoster((await findPartnershipOrFail(stores, slug)).id);
      if (format === 'json') {
        if (flags.out) write(io, flags.out, { [`${slug}.json`]: rosterToJson(roster) });
        else io.out(rosterToJson(roster));
        return EXIT.ok;
      }
      const csv = rosterToCsv(roster);
      if (flags.out)
        write(io, flags.out, {
          'people.csv': csv.people,
          'relationships.csv': csv.relationships,
          'interests.csv': csv.interests,
          'settings.csv': csv.settings,
        });
      else {
        io.out(csv.people);
        io.err(
          'Printed people.csv only. Use --out DIR to write people.csv, relationships.csv, interests.csv and settings.csv.\n',
        );
      }
      return EXIT.ok;
    });
  }
  throw new CliError(`roster needs import or export (got "${action ?? ''}"). See partnership-bot help.`, EXIT.usage);
}

function write(io: CliIo, dir: string, files: Record<string, string>) {
  const target = isAbsolute(dir) ? dir : resolve(io.cwd, dir);
  try {
    mkdirSync(target, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(target, name), content);
  } catch (error) {
    throw new CliError(`Cannot write to ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  io.err(`Wrote ${Object.keys(files).join(', ')} to ${dir}.\n`);
}
