// A configuration value that passed the config check (config.ts) but cannot be used: a DATA_DIR
// that is a file, a DATABASE_URL whose server does not answer, a HOST that is not this machine.
// Raised where the value is used, as a value with a stable code, the variable and the fix;
// `npm start` (server/main.ts) prints it as one line and exits 78, the CLI prints the same line.

import type { RawConfig } from './config.ts';

/** a variable of .env.example, or the .env file itself */
export type StartupVariable = Extract<keyof RawConfig, string> | '.env';

export type StartupCode =
  | 'E_ENV_FILE_UNREADABLE'
  | 'E_PORT_IN_USE'
  | 'E_PORT_NOT_ALLOWED'
  | 'E_HOST_UNKNOWN'
  | 'E_HOST_NOT_HERE'
  | 'E_HOST_UNUSABLE'
  | 'E_FOLDER_IS_FILE'
  | 'E_FOLDER_NOT_CREATABLE'
  | 'E_FOLDER_NOT_WRITABLE'
  | 'E_SQLITE_IS_FOLDER'
  | 'E_SQLITE_NOT_FILE'
  | 'E_SQLITE_NOT_DATABASE'
  | 'E_SQLITE_CANNOT_OPEN'
  | 'E_SQLITE_READ_ONLY'
  | 'E_SQLITE_LOCKED'
  | 'E_SQLITE_DAMAGED'
  | 'E_SQLITE_DISK'
  | 'E_PG_URL_INVALID'
  | 'E_PG_REFUSED'
  | 'E_PG_HOST_UNKNOWN'
  | 'E_PG_TIMEOUT'
  | 'E_PG_AUTH'
  | 'E_PG_NO_DATABASE'
  | 'E_PG_TOO_MANY_CLIENTS'
  | 'E_PG_TLS'
  | 'E_PG_UNUSABLE'
  | 'E_STARTUP_STALLED';

export class StartupProblem extends Error {
  override readonly name = 'StartupProblem';

  constructor(
    readonly code: StartupCode,
    /** the setting to change */
    readonly variable: StartupVariable,
    /** what is wrong, without the variable's name; never a password */
    readonly problem: string,
    /** what to do about it */
    readonly fix: string,
  ) {
    super(describeStartupProblem({ variable, problem, fix }));
  }
}

/** The one line: "DATA_DIR: /srv/bot is a file, not a folder. Set DATA_DIR to …" */
export function describeStartupProblem(p: Pick<StartupProblem, 'variable' | 'problem' | 'fix'>): string {
  return oneLine(`${p.variable}: ${p.problem}. ${p.fix}`);
}

/** Messages from libraries may span lines; the start-up report is always one. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Never show a password: `postgresql://user:secret@host` becomes `postgresql://user:***@host`. */
export const hidePassword = (text: string): string => text.replace(/(\/\/[^/@:\s]*:)[^@\s]*@/g, '$1***@');

/** errno-style code of an error, when it has one */
export const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};
