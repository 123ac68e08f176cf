// Runs the `partnership-bot` command as a user would: a separate Node process from the checkout,
// with its own environment. Nothing of the CLI is imported into the test process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, TMP_DIR } from './paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A CLI run takes a second or two on a quiet machine, and has taken 45 s on two cores shared by
 * many busy processes (docs/testing.md). One still going after this is killed (reported as exit
 * code -1): a hang, not a slow machine.
 */
const CLI_HANG_GUARD_MS = 180_000;

/** The timeout of a test that runs `runs` CLI processes one after another: a hang guard, a minute each. */
export const cliTestTimeout = (runs: number): number => (runs + 1) * 60_000;

export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...inherited, ...env }, timeout: CLI_HANG_GUARD_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A scratch folder under test/.tmp for files a test writes. */
export function scratchDir(): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(TMP_DIR, 'cli-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
