// Before SQLite opens its file: the folder exists (created if missing) and is writable, and the
// file, if there, is a file. After: SQLite's own refusals (not a database, locked, read-only)
// become a StartupProblem naming the setting that chose the file.
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorCode, StartupProblem } from '../startup-problem.ts';

/** DATA_DIR when the file is the default one inside it, else DATABASE_URL. */
export type SqliteSetting = 'DATA_DIR' | 'DATABASE_URL';

const FIX: Record<SqliteSetting, string> = {
  DATA_DIR: 'Set DATA_DIR to a folder this user can write (it is created if missing), for example DATA_DIR=./data',
  DATABASE_URL:
    'Set DATABASE_URL to a file in a folder this user can write, for example DATABASE_URL=file:./data/partnership-bot.db',
};

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};
const reason = (error: unknown): string => reasons[errorCode(error) ?? ''] ?? errorCode(error) ?? 'unknown error';

const kindOf = (stats: Stats): string =>
  stats.isFile() ? 'a file' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a folder';

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdirSync(dir, { recursive })`
 * spins forever where mkdir answers ENOENT under a parent that exists (anything under /proc):
 * it takes ENOENT as "parent missing", makes the parent (EEXIST) and tries again, without end.
 */
function ensureFolder(dir: string, setting: SqliteSetting): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ;) {
    let stats: Stats;
    try {
      stats = statSync(at);
    } catch (error) {
      const code = errorCode(error);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(at) !== at) {
        missing.push(at);
        at = dirname(at);
        continue;
      }
      throw new StartupProblem(
        'E_FOLDER_NOT_CREATABLE',
        setting,
        `the folder ${dir} cannot be reached (${reason(error)})`,
        FIX[setting],
      );
    }
    if (!stats.isDirectory()) {
      const inside = at === resolve(dir) ? '' : ` (${dir} would be inside it)`;
      throw new StartupProblem(
        'E_FOLDER_IS_FILE',
        setting,
        `${at} is ${kindOf(stats)}, not a folder${inside}`,
        FIX[setting],
      );
    }
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST' && statSync(folder).isDirectory()) continue; // made by another process meanwhile
      const why = code === 'ENOENT' ? `${dirname(folder)} does not allow new folders` : reason(error);
      throw new StartupProblem(
        'E_FOLDER_NOT_CREATABLE',
        setting,
        `the folder ${dir} cannot be created (${why})`,
        FIX[setting],
      );
    }
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StartupProblem(
      'E_FOLDER_NOT_WRITABLE',
      setting,
      `this user cannot write in the folder ${dir} (${reason(error)})`,
      FIX[setting],
    );
  }
}

/** Checks (and creates) everything SQLite needs to open or create `file`. */
export function prepareSqliteFile(file: string, setting: SqliteSetting): void {
  ensureFolder(dirname(file), setting);
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    // Not there yet: made empty now (SQLite takes an empty file as a new database), so a place
    // that takes no files (/proc) is named before the slow part of start-up.
    try {
      closeSync(openSync(file, 'wx'));
    } catch (error) {
      if (errorCode(error) !== 'EEXIST')
        throw new StartupProblem(
          'E_SQLITE_CANNOT_OPEN',
          setting,
          `the database file ${file} cannot be created (${errorCode(error) === 'ENOENT' ? 'that folder takes no new files' : reason(error)})`,
          FIX[setting],
        );
    }
    return;
  }
  if (stats.isDirectory()) {
    const fix =
      setting === 'DATA_DIR'
        ? `Move that folder away, or set DATA_DIR to another folder`
        : `Name a file, for example DATABASE_URL=file:${resolve(file, 'partnership-bot.db')}`;
    throw new StartupProblem('E_SQLITE_IS_FOLDER', setting, `${file} is a folder, not a database file`, fix);
  }
  if (!stats.isFile())
    throw new StartupProblem(
      'E_SQLITE_NOT_FILE',
      setting,
      `${file} is ${kindOf(stats)}, not a database file`,
      FIX[setting],
    );
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new StartupProblem(
      'E_SQLITE_READ_ONLY',
      setting,
      `this user cannot write the database file ${file} (${reason(error)})`,
      'Give this user write permission on the file, or point the setting at another file',
    );
  }
  if (stats.size > 0 && !hasSqliteHeader(file)) throw notADatabase(file, setting);
}

/** Every SQLite database file starts with these 16 bytes (an empty file becomes one). */
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(HEADER.length);
    return readSync(fd, start, 0, HEADER.length, 0) === HEADER.length && start.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

const otherPlace = (setting: SqliteSetting) =>
  setting === 'DATA_DIR' ? 'set DATA_DIR to another folder' : 'point DATABASE_URL at another file';

const notADatabase = (file: string, setting: SqliteSetting) =>
  new StartupProblem(
    'E_SQLITE_NOT_DATABASE',
    setting,
    `${file} is not a SQLite database (it holds something else)`,
    `Move that file away or ${otherPlace(setting)}; a new database is created where none exists`,
  );

/** SQLite's refusal to open `file` as a StartupProblem; anything else comes back unchanged. */
export function sqliteOpenProblem(error: unknown, file: string, setting: SqliteSetting): unknown {
  const code = errorCode(error) ?? '';
  const other = otherPlace(setting);
  if (code === 'SQLITE_NOTADB') return notADatabase(file, setting);
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new StartupProblem('E_SQLITE_CANNOT_OPEN', setting, `SQLite cannot open ${file}`, FIX[setting]);
  if (code.startsWith('SQLITE_READONLY'))
    return new StartupProblem(
      'E_SQLITE_READ_ONLY',
      setting,
      `${file} can only be read, not written`,
      `Give this user write permission on the file and its folder, or ${other}`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StartupProblem(
      'E_SQLITE_LOCKED',
      setting,
      `${file} stayed locked by another program for 10 seconds`,
      `Stop the program holding it (another partnership-bot server or command?), or ${other}`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT'))
    return new StartupProblem(
      'E_SQLITE_DAMAGED',
      setting,
      `${file} is damaged (${code})`,
      `Restore it from a backup, or ${other}`,
    );
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return new StartupProblem(
      'E_SQLITE_DISK',
      setting,
      `reading or writing ${file} failed (${code}): a full disk, or a file system SQLite cannot use`,
      FIX[setting],
    );
  }
  return error;
}
