// The migration that moves a decision's opening roster to a table of its own
// (prisma/sqlite/migrations/*_decision_opening_own_table): a database made by the migrations
// before it, with a decision that kept its opening roster, comes out with the roster in
// DecisionOpening, the column gone, and the cache-version triggers on "Decision" still there.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, TMP_DIR } from '../support/paths.ts';

const MIGRATIONS = join(ROOT, 'prisma', 'sqlite', 'migrations');
const MOVE = readdirSync(MIGRATIONS).find((m) => m.endsWith('_decision_opening_own_table'))!;
const sqlOf = (name: string) => readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8');

describe('moving the opening roster out of the Decision row (SQLite)', () => {
  it('keeps every decision’s opening roster and the triggers that keep caches honest', () => {
    const dir = mkdtempSync(join(TMP_DIR, 'opening-migration-'));
    const db = new Database(join(dir, 'old.db'));
    try {
      const before = readdirSync(MIGRATIONS)
        .filter((m) => !m.endsWith('.toml') && m < MOVE)
        .sort();
      for (const m of before) db.exec(sqlOf(m));
      db.exec(`INSERT INTO "Partnership" ("id", "slug", "name", "updatedAt") VALUES ('p1', 'p1', 'P', '2026-01-01')`);
      const insert = db.prepare(
        `INSERT INTO "Decision" ("id", "partnershipId", "number", "title", "kind", "options", "ballot", "visibility", "rules", "closesAt", "createdById", "updatedAt", "opening")
         VALUES (?, 'p1', ?, 'T', 'general', '[]', 'open', 'live', '{}', '2026-01-02', 'x', '2026-01-01', ?)`,
      );
      const opening = JSON.stringify({ onRoster: ['a', 'b'], votingMembers: ['a'] });
      insert.run('d1', 1, opening);
      insert.run('d2', 2, null); // opened before the opening roster was kept

      db.exec(sqlOf(MOVE));

      expect(db.prepare('SELECT "decisionId", "roster" FROM "DecisionOpening"').all()).toEqual([
        { decisionId: 'd1', roster: opening },
      ]);
      const columns = (db.prepare('PRAGMA table_info("Decision")').all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('opening');
      const version = () =>
        (db.prepare('SELECT "version" FROM "Decision" WHERE "id" = ?').get('d1') as { version: number }).version;
      const was = version();
      db.prepare('UPDATE "Decision" SET "title" = ? WHERE "id" = ?').run('Renamed', 'd1');
      expect(version()).toBe(was + 1); // Decision's own trigger survived
      db.prepare('UPDATE "DecisionOpening" SET "roster" = ? WHERE "decisionId" = ?').run('{}', 'd1');
      expect(version()).toBe(was + 2); // and a change to the opening roster counts as a change
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
