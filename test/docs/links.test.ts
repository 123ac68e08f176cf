// The README and docs are promises: every page, file and folder they point a reader to must exist.
// Generated or local-only paths (written by a run, ignored by git) are listed with the reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const WRITTEN_BY_A_RUN = new Set([
  'bench/results/latest.json', // `npm run bench` writes it next to latest.md; not committed
  'test/.tmp', // the suite's scratch folder, made by its global set-up
]);

const pages = (): string[] => [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

it('every relative link in the README and docs leads to a file that exists', () => {
  const broken: string[] = [];
  for (const page of pages()) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)\s]*)?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/i.test(target)) continue;
      if (!existsSync(join(ROOT, dirname(page), target))) broken.push(`${page} -> ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

it('every repository path the README and docs name in `code` exists', () => {
  const missing: string[] = [];
  let named = 0;
  const pattern = /`((?:src|adapters|test|scripts|bench|prisma|manifest|bin|docs)\/[\w./-]+)`/g;
  for (const page of pages()) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const m of text.matchAll(pattern)) {
      const path = m[1]!.replace(/\/$/, '');
      named += 1;
      if (WRITTEN_BY_A_RUN.has(path)) continue;
      if (!existsSync(join(ROOT, path))) missing.push(`${page} -> ${path}`);
    }
  }
  expect(named).toBeGreaterThan(100);
  expect(missing).toEqual([]);
});
