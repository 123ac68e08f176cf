// Which test files the PostgreSQL pass runs (vitest.config.ts). Every file that touches the
// database: it, or a test helper it imports (followed through relative imports inside test/),
// imports the test database or app support, the persistence or the server; plus everything in
// test/postgres and test/scale. Pure domain, rendering and architecture tests cannot behave
// differently on PostgreSQL, so running them twice would only cost time on two cores. A test file
// with "sqlite" in its name is about SQLite itself and runs on the SQLite pass only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const DATABASE_MODULES = [
  join('test', 'support', 'db.ts'),
  join('test', 'support', 'app.ts'),
  join('adapters', 'persistence') + sep,
  join('adapters', 'server') + sep,
];
const ALWAYS = [join('test', 'postgres') + sep, join('test', 'scale') + sep];

function listTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : listTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => resolve(dirname(file), spec)).filter((path) => existsSync(path));
}

export function touchesDatabase(root: string, file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  for (const target of relativeImports(file)) {
    const rel = relative(root, target);
    if (DATABASE_MODULES.some((m) => rel === m || rel.startsWith(m))) return true;
    if (rel.startsWith(`test${sep}`) && touchesDatabase(root, target, seen)) return true;
  }
  return false;
}

/** Test files (relative to root) for the PostgreSQL pass. */
export function databaseTestFiles(root: string): string[] {
  return (
    listTests(join(root, 'test'))
      .filter((file) => !/sqlite/i.test(basename(file)))
      // The headless-Chromium files test the page, not the database: once, on SQLite, is enough.
      .filter((file) => !/chromium|playwright-core|from '\.\/browser\.ts'/.test(readFileSync(file, 'utf8')))
      .filter((file) => ALWAYS.some((dir) => relative(root, file).startsWith(dir)) || touchesDatabase(root, file))
      .map((file) => relative(root, file).split(sep).join('/'))
      .sort()
  );
}
