import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.ts';

describe('one SQLite connection shared by the whole process', () => {
  it('a write outside a transaction is never rolled back with someone else’s failed transaction', async () => {
    const t = await createTestDatabase();
    try {
      const db = t.database.db;
      let open!: () => void;
      let fail!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      const failing = new Promise<void>((r) => (fail = r));
      const transaction = db.$transaction(async (tx) => {
        await tx.partnership.create({ data: { slug: 'inside', name: 'Inside' } });
        open();
        await failing;
        throw new Error('the use case failed validation');
      });
      await opened;
      // A single statement outside any transaction (as an audit row or a link by email is).
      const outside = db.$executeRawUnsafe(
        `INSERT INTO "Partnership" ("id", "slug", "name", "settings", "createdAt", "updatedAt") VALUES ('p-out', 'outside', 'Outside', '{}', 0, 0)`,
      );
      // Give the outside write every chance to run while the transaction is open.
      await Promise.race([outside, new Promise((r) => setTimeout(r, 300))]);
      fail();
      await expect(transaction).rejects.toThrow('the use case failed validation');
      await outside;
      expect(await db.partnership.findUnique({ where: { slug: 'outside' } })).not.toBeNull();
      expect(await db.partnership.findUnique({ where: { slug: 'inside' } })).toBeNull();
    } finally {
      await t.close();
    }
  });

  it('many concurrent transactions and plain writes all land', async () => {
    const t = await createTestDatabase();
    try {
      const db = t.database.db;
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2
            ? db.$transaction(async (tx) => {
                await tx.partnership.create({ data: { slug: `tx-${i}`, name: `T${i}` } });
              })
            : db.partnership.create({ data: { slug: `plain-${i}`, name: `P${i}` } }),
        ),
      );
      expect(await db.partnership.count()).toBe(40);
    } finally {
      await t.close();
    }
  });
});
