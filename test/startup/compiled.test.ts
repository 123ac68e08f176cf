// The compiled copy in build/ (scripts/build.mjs) is used only while it is as new as every source
// file (bin/compiled.mjs), and the CLI answers the same from it as from the TypeScript.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { BUILT_STAMP, isFresh } from '../../bin/compiled.mjs';
import { BIN, ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout in miniature: one source file in each compiled folder, its mtime `sourceAt`. */
function checkout(sourceAt: Date): string {
  const root = mkdtempSync(join(tmpdir(), 'pb-compiled-'));
  roots.push(root);
  for (const dir of ['src/domain', 'adapters/cli']) {
    mkdirSync(join(root, dir), { recursive: true });
    const file = join(root, dir, 'a.ts');
    writeFileSync(file, 'export const a = 1;\n');
    utimesSync(file, sourceAt, sourceAt);
  }
  return root;
}

function build(root: string, at: Date): void {
  mkdirSync(join(root, 'build'), { recursive: true });
  const stamp = join(root, 'build', BUILT_STAMP);
  writeFileSync(stamp, at.toISOString());
  utimesSync(stamp, at, at);
}

describe('the compiled build', () => {
  it('is fresh only when built after the newest source file', () => {
    const edited = new Date('2026-12-01T10:00:00Z');
    const root = checkout(edited);
    expect(isFresh(root)).toBe(false); // never built
    build(root, new Date('2026-12-01T11:00:00Z'));
    expect(isFresh(root)).toBe(true);
    const later = join(root, 'adapters', 'cli', 'a.ts');
    utimesSync(later, new Date('2026-12-01T12:00:00Z'), new Date('2026-12-01T12:00:00Z'));
    expect(isFresh(root)).toBe(false); // a source edited after the build: the TypeScript runs
  });

  it('answers --help alike compiled and from the TypeScript', async () => {
    await run(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT });
    const help = async (fromSource: boolean) =>
      (
        await run(process.execPath, [BIN, '--help'], {
          cwd: ROOT,
          env: { ...process.env, PARTNERSHIP_BOT_FROM_SOURCE: fromSource ? '1' : '0' },
        })
      ).stdout;
    const compiled = await help(false);
    expect(compiled).toContain('partnership-bot criteria --roster FILE');
    expect(await help(true)).toBe(compiled);
  });
});
