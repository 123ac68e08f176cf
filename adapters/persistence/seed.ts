// The demo partnership (prisma/seed/demo-partnership.json): used by `npm start` on an empty
// database, by the playground and by the tests.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { formatProblems } from '../../src/domain/result.ts';
import type { ImportSummary, Stores } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import { acquireLease, releaseLease } from './lease.ts';
import { projectRoot } from './migrate.ts';

export const DEMO_SLUG = 'northfield';
export const DEMO_FILE = join(projectRoot, 'prisma', 'seed', 'demo-partnership.json');
const SEED_LEASE = 'seed-demo';

/**
 * Imports the demo partnership into a database that has no partnership yet; null when it did not
 * (already seeded, or another process is seeding right now). Safe when several server processes
 * start at once: with `db` given they take turns through a lease, and in any case a concurrent
 * import that loses the race on the partnership's unique slug counts as "already seeded".
 */
export async function seedDemo(stores: Stores, db?: Db): Promise<ImportSummary | null> {
  if ((await stores.rosters.listPartnerships()).length > 0) return null;
  const parsed = parseRosterJson(readFileSync(DEMO_FILE, 'utf8'), DEMO_FILE);
  if (!parsed.ok) throw new Error(`The demo roster is invalid:\n${formatProblems(parsed.error)}`);
  const holder = randomUUID();
  if (db && !(await acquireLease(db, holder, new Date(), SEED_LEASE, 120_000))) return null;
  try {
    // Checked again under the lease: another process may have finished seeding meanwhile.
    if (db && (await stores.rosters.listPartnerships()).length > 0) return null;
    // Marked as the playground's: its pretend clock and job runs reach this partnership only.
    return await stores.rosters.importRoster(DEMO_SLUG, parsed.value.roster, null, undefined, { sandbox: true });
  } catch (error) {
    if (await stores.rosters.findPartnership(DEMO_SLUG).catch(() => null)) return null;
    throw error;
  } finally {
    if (db) await releaseLease(db, holder, SEED_LEASE).catch(() => undefined);
  }
}
