// The demo partnership (prisma/seed/demo-partnership.json): used by `npm start` on an empty
// database, by the playground and by the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRosterJson } from '../../src/roster-file/document.ts';
import { formatProblems } from '../../src/result.ts';
import type { ImportSummary, Stores } from '../../src/ports/index.ts';
import { projectRoot } from './migrate.ts';

export const DEMO_SLUG = 'northfield';
export const DEMO_FILE = join(projectRoot, 'prisma', 'seed', 'demo-partnership.json');

export async function seedDemo(stores: Stores): Promise<ImportSummary | null> {
  if ((await stores.rosters.listPartnerships()).length > 0) return null;
  const parsed = parseRosterJson(readFileSync(DEMO_FILE, 'utf8'), DEMO_FILE);
  if (!parsed.ok) throw new Error(`The demo roster is invalid:\n${formatProblems(parsed.error)}`);
  return stores.rosters.importRoster(DEMO_SLUG, parsed.value.roster);
}
