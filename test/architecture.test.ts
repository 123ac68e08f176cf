// The core (src/) must not depend on a chat platform or on the database client: it talks to the
// outside world only through its ports. Also keeps files small enough to read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN = [
  /^@slack\//,
  /^botbuilder/,
  /^botframework-/,
  /^@prisma\//,
  /^prisma/,
  /^pg$/,
  /^better-sqlite3$/,
  /adapters\//,
  /generated\//,
];

describe('architecture', () => {
  it('nothing under src/ imports Slack, botbuilder, Prisma, a database driver or an adapter', () => {
    const offences: string[] = [];
    for (const file of files(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const spec = m[1] ?? m[2] ?? '';
        if (FORBIDDEN.some((f) => f.test(spec))) offences.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('botbuilder is imported only inside adapters/teams/', () => {
    const offences = [
      ...files(join(ROOT, 'src')),
      ...files(join(ROOT, 'adapters')).filter((f) => !f.includes('/generated/')),
    ]
      .filter((f) => !f.includes(`${join('adapters', 'teams')}`))
      .filter((f) => /from\s+['"](botbuilder|botframework-)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offences).toEqual([]);
  });

  it('source files stay small (at most 400 lines)', () => {
    const big = [
      ...files(join(ROOT, 'src')),
      ...files(join(ROOT, 'adapters')).filter((f) => !f.includes('/generated/')),
    ]
      .map((f) => ({ f: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400);
    expect(big).toEqual([]);
  });
});
