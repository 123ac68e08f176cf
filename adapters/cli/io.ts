// What a CLI command may touch: its arguments, output streams, environment and working folder.
// Tests pass their own; nothing reads process.* directly.
import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { openMigrated, type Database } from '../persistence/index.ts';
import { MigrationError } from '../persistence/migrate.ts';
import { StartupProblem } from '../startup-problem.ts';
import type { Stores } from '../../src/services/ports/index.ts';
import type { PartnershipSettings } from '../../src/domain/settings.ts';
import { parseRosterCsv } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson, type ParsedRoster } from '../../src/services/roster-file/document.ts';
import { fail, formatProblems, type Result } from '../../src/domain/result.ts';
import { CliError, EXIT, type CliIo } from './exit.ts';

export { CliError, EXIT, type CliIo };

/** The largest roster file read (docs/roster-format.md, "Limits"): far above any partnership's, below what would exhaust memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Problems printed for one file: the first few are what to fix; the rest usually follow from them. */
export const SHOWN_PROBLEMS = 5;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

export function readText(io: CliIo, file: string): string {
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  try {
    const size = statSync(path).isFile() ? statSync(path).size : 0;
    if (size > MAX_FILE_BYTES)
      throw new CliError(
        `${file} is ${megabytes(size)}; a roster file may be at most ${megabytes(MAX_FILE_BYTES)}. Check it is the right file (a partnership's roster is usually well under 1 MB).`,
      );
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new CliError(`Cannot read ${file}: ${why}.`);
  }
}

export interface RosterFiles {
  file: string;
  relationships?: string | undefined;
  interests?: string | undefined;
  /** settings.csv, beside a CSV people file */
  settings?: string | undefined;
  /** for CSV, which has no partnership name of its own */
  name?: string | undefined;
}

/** A roster from a JSON file, or from CSV files (people, and optionally relationships and interests). */
export function loadRosterFiles(io: CliIo, files: RosterFiles, base?: PartnershipSettings): Result<ParsedRoster> {
  const ext = extname(files.file).toLowerCase();
  if (ext === '.csv') {
    const source = (file: string | undefined) => (file ? { file, text: readText(io, file) } : undefined);
    return parseRosterCsv(
      {
        partnershipName: files.name ?? 'Big Local partnership',
        people: source(files.file)!,
        relationships: source(files.relationships),
        interests: source(files.interests),
        settings: source(files.settings),
      },
      base,
    );
  }
  if (ext !== '.json') {
    return fail([
      { where: files.file, message: 'must be a .json roster or a .csv people file (see docs/roster-format.md)' },
    ]);
  }
  if (files.relationships || files.interests) {
    return fail([
      {
        where: files.file,
        message: '--relationships and --interests go with a CSV people file; a JSON roster holds them itself',
      },
    ]);
  }
  if (files.settings) {
    return fail([
      {
        where: files.file,
        message: '--settings goes with a CSV people file; a JSON roster holds them in "partnership": { "settings": … }',
      },
    ]);
  }
  return parseRosterJson(readText(io, files.file), files.file, base);
}

/** `consequence`: what the problems stopped; commands that only read (criteria, coi) change nothing anyway. */
export function unwrap<T>(result: Result<T>, consequence = 'nothing was changed'): T {
  if (!result.ok) {
    const problems = result.error;
    const more = problems.length - SHOWN_PROBLEMS;
    throw new CliError(
      `The roster has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; ${consequence}:\n${formatProblems(problems.slice(0, SHOWN_PROBLEMS))}` +
        (more > 0
          ? `\n…and ${more} more problem${more === 1 ? '' : 's'} (fix these first and run it again: often the rest follow from them).`
          : ''),
    );
  }
  return result.value;
}

/** Open (creating or migrating) the database named by DATABASE_URL, as `npm start` does. */
export async function withStores<T>(io: CliIo, fn: (stores: Stores) => Promise<T>): Promise<T> {
  return withDatabase(io, (opened) => fn(opened.stores));
}

export async function withDatabase<T>(
  io: CliIo,
  fn: (opened: { database: Database; stores: Stores }) => Promise<T>,
): Promise<T> {
  let opened;
  const config = (() => {
    try {
      return loadConfig(io.env, io.cwd);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), EXIT.environment);
    }
  })();
  try {
    opened = await openMigrated(config.DATABASE_URL, { poolSize: 2 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Both already name the setting and what to do (the same line `npm start` prints).
    if (error instanceof MigrationError || error instanceof StartupProblem)
      throw new CliError(message, EXIT.environment);
    const where = config.DATABASE_URL.startsWith('file:') ? ` at ${config.DATABASE_URL.slice('file:'.length)}` : '';
    throw new CliError(
      `Cannot open the database${where} (${message}). Check DATABASE_URL (or DATA_DIR): the folder must be one this user can create and write.`,
      EXIT.environment,
    );
  }
  try {
    return await fn(opened);
  } finally {
    await opened.database.close();
  }
}

export async function findPartnershipOrFail(stores: Stores, slug: string) {
  const partnership = await stores.rosters.findPartnership(slug);
  if (!partnership) {
    const known = (await stores.rosters.listPartnerships()).map((p) => p.slug);
    throw new CliError(
      `No partnership "${slug}" in the database.${known.length ? ` Known: ${known.join(', ')}.` : ' Import one first: partnership-bot roster import FILE --partnership SLUG.'}`,
    );
  }
  return partnership;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Every command that names a partnership checks the slug the same way. */
export function requireSlug(flags: { partnership?: string | undefined }): string {
  const slug = flags.partnership;
  if (!slug) throw new CliError('--partnership SLUG is required (a short name such as northfield).', EXIT.usage);
  if (!SLUG.test(slug))
    throw new CliError(
      `--partnership "${slug}" must be 2 to 63 lower-case letters, digits and hyphens, such as northfield or east-marsh.`,
      EXIT.usage,
    );
  return slug;
}
