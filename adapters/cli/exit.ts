// What every CLI command shares and `--help` needs without loading the database: the streams a
// command may use, its exit codes, and the error that carries one.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: 0 done, 1 bad input (file, data), 2 bad usage, 3 database or configuration. */
export const EXIT = { ok: 0, input: 1, usage: 2, environment: 3 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.input,
  ) {
    super(message);
  }
}
