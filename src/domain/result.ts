// Expected failures are values, not exceptions: callers must look at them.

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };

/** One thing wrong with some input: where it is, what is wrong, and how to fix it. */
export interface Problem {
  where: string;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => (p.where ? `${p.where}: ${p.message}` : p.message)).join('\n');
