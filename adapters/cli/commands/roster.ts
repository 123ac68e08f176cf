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
import { officerProblems, type CheckResult } from '../../../src/domain/criteria/index.ts';

/** Officer appointments the file makes that break the make-up rules, with the chains behind them. */
function officerProblemsText(problems: readonly CheckResult[], refusing: boolean): string {
  const lines = problems.flatMap((p) => [
    `- ${p.title}: ${p.message}`,
    ...p.details.map((d) => `    ${d}`),
    ...(p.fix ? [`    Fix: ${p.fix}`] : []),
  ]);
  const head = 'The officers this file appoints would break the conflicts of interest guidance (001):';
  const tail = refusing
    ? 'Nothing was changed. Correct the roles in the file, or run the import again with --confirm to go ahead (the audit log records that you confirmed it).'
    : 'An import of this file needs --confirm to go ahead.';
  return `${head}\n${lines.join('\n')}\n${tail}\n`;
}

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
      const problems = officerProblems(
        existing ? await stores.rosters.loadRoster(existing.id) : { ...parsed.roster, people: [], relationships: [] },
        parsed.roster,
      );
      if (flags.dryRun) {
        io.out(`Dry run: nothing was changed. ${describeChanges(changes, existing ? existing.name : slug)}\n`);
        if (problems.length) io.out(officerProblemsText(problems, false));
        return EXIT.ok;
      }
      if (endsTooMany(changes) && !flags.allowRemovals) throw new CliError(refusal(changes, file), EXIT.input);
      if (problems.length && !flags.confirm) throw new CliError(officerProblemsText(problems, true), EXIT.input);
      const options = problems.length ? { acknowledged: problems.map((p) => p.id) } : {};
      const s = await stores.rosters
        .importRoster(slug, parsed.roster, null, parsed.scope, options)
        .catch((error: unknown) => {
          // One transaction: whatever failed, it was rolled back. Prisma's message opens with a code
          // frame; its last line is the cause.
          const cause = (error instanceof Error ? error.message : String(error)).trim().split('\n').pop();
          throw new CliError(
            `The database refused the import, so nothing was changed (the previous roster is intact): ${cause}`,
            EXIT.environment,
          );
        });
      if (problems.length)
        io.err(`Confirmed with --confirm (recorded in the audit log): ${problems.map((p) => p.title).join('; ')}.\n`);
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
