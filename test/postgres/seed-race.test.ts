// Seeding the demo partnership from two processes at once imports it once and never fails
// (PostgreSQL: two database handles, each with its own connections, stand for two processes).
import { describe, expect, it } from 'vitest';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { seedDemo } from '../../adapters/persistence/seed.ts';
import { createTestDatabase } from '../support/db.ts';

async function race(withLease: boolean) {
  const first = await createTestDatabase();
  const second = await openDatabase(first.url);
  try {
    const results = await Promise.all([
      seedDemo(first.stores, withLease ? first.database.db : undefined),
      seedDemo(createStores(second), withLease ? second.db : undefined),
    ]);
    return {
      seeded: results.filter((r) => r !== null).length,
      partnerships: await first.database.db.partnership.count(),
      imports: await first.database.db.auditEvent.count({ where: { action: 'roster.import' } }),
    };
  } finally {
    await second.close();
    await first.close();
  }
}

describe('seeding the demo partnership from two processes at once', () => {
  it('imports it exactly once, taking turns through the seed lease', async () => {
    for (let round = 0; round < 3; round++)
      expect(await race(true)).toEqual({ seeded: 1, partnerships: 1, imports: 1 });
  });

  it('without the lease, the import that loses on the unique slug counts as already seeded', async () => {
    const outcome = await race(false);
    expect(outcome.partnerships).toBe(1);
    expect(outcome.seeded).toBeGreaterThanOrEqual(1);
  });
});
