// Many partnerships in one fresh SQLite database for the review-season sweep: N partnerships of
// 13 people (seven residents, eleven voting, a chair, a paid worker, a rep), written in pages of
// 500 with createMany, on a connection of its own that is closed afterwards: the sweeps are
// measured on another, as a server would run them (the seeding connection's Prisma client kept
// about 450 MB of it alive at 10,000, which every full garbage collection of the sweep then had
// to go through). Shared by bench/review-sweep.ts, bench/profile-sweep.ts and section 4.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { deployMigrations } from '../../adapters/persistence/migrate.ts';

/** The moments of the season the sweep is run at (the review season opens on 1 September). */
export const SWEEP_MOMENTS = [
  ['Sunday (quiet)', '2026-09-06T12:05:00Z'],
  ['season opens', '2026-09-01T08:05:00Z'],
  ['an hour later', '2026-09-01T09:05:00Z'],
  ['Monday nudges', '2026-09-07T09:05:00Z'],
] as const;

export async function createSweepDatabase(): Promise<{ url: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'review-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  await deployMigrations(url, 'sqlite');
  return { url, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function seedPartnerships(url: string, count: number): Promise<void> {
  const database = await openDatabase(url);
  try {
    await seedPages(database.db, count);
  } finally {
    await database.close();
  }
}

async function seedPages(db: Awaited<ReturnType<typeof openDatabase>>['db'], count: number): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const page = Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
      id: randomUUID(),
      slug: `p-${i + k}`,
      name: `Partnership ${i + k}`,
    }));
    await db.partnership.createMany({ data: page });
    await db.person.createMany({
      data: page.flatMap((p) =>
        Array.from({ length: 13 }, (_, j) => ({
          partnershipId: p.id,
          name: `Person ${j}`,
          kind: j === 12 ? 'rep' : j === 11 ? 'paid-worker' : 'member',
          resident: j < 7,
          voting: j < 11,
          roles: j === 0 ? 'chair' : '',
          email: `person${j}@example.org`,
        })),
      ),
    });
  }
}
