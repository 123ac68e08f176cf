// docs/security.md states the authorisation table; it must be the table the code enforces, and
// the files it points readers to must exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DOC, documentedTable, permissionsTable } from '../../scripts/security-table.ts';
import { ROOT } from '../support/paths.ts';

it('the authorisation table in docs/security.md is the one in src/domain/permissions.ts', () => {
  expect(documentedTable(), 'docs/security.md is out of date: run `npx tsx scripts/security-table.ts`').toBe(
    permissionsTable(),
  );
});

it('every file docs/security.md names exists, and it points to the privacy page', () => {
  const text = readFileSync(DOC, 'utf8');
  const named = [...text.matchAll(/`((?:src|adapters|test|scripts)\/[\w./*-]+\.ts)`/g)]
    .map((m) => m[1]!)
    .filter((p) => !p.includes('*'));
  expect(named.length).toBeGreaterThan(10);
  expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  expect(text).toContain('[privacy.md](privacy.md)');
  expect(existsSync(join(ROOT, 'docs', 'privacy.md'))).toBe(true);
});
