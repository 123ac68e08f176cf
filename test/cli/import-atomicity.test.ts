// An import is all or nothing: a file with any bad row changes nothing, and a failure inside the
// database part-way through leaves the previous roster exactly as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import { createDemoDatabase, TEST_PROVIDER } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';
import { asExported } from '../support/settings.ts';

// Each test spawns up to five Node processes, one after another; on a busy 2-core machine that can take a while.
vi.setConfig({ testTimeout: cliTestTimeout(5) });

const scratch = scratchDir();
afterAll(() => scratch.remove());

let url: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  const db = await createDemoDatabase();
  await db.database.close();
  url = db.url;
  remove = () => db.close();
});
afterEach(() => remove());

// A trigger that makes the database refuse every relationship row, in each provider's dialect.
const FAIL_RELATIONSHIPS =
  TEST_PROVIDER === 'postgres'
    ? [
        `CREATE FUNCTION fail_relationships() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`,
        `CREATE TRIGGER fail_relationships BEFORE INSERT ON "Relationship" FOR EACH ROW EXECUTE FUNCTION fail_relationships()`,
      ]
    : [
        `CREATE TRIGGER fail_relationships BEFORE INSERT ON "Relationship" BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
      ];
const ACCEPT_RELATIONSHIPS =
  TEST_PROVIDER === 'postgres'
    ? ['DROP TRIGGER fail_relationships ON "Relationship"', 'DROP FUNCTION fail_relationships()']
    : ['DROP TRIGGER fail_relationships'];

const env = () => ({ DATABASE_URL: url });
const exportJson = async () => {
  const run = await runCli(['roster', 'export', '--partnership', 'northfield'], env());
  expect(run.code).toBe(0);
  return run.stdout;
};

/** The demo roster with real changes: one person gone, one new, one flag changed, one relationship new. */
function changedRoster(): { partnership: { name: string } } & Record<string, unknown> {
  const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
  doc.people = doc.people.filter((p: { name: string }) => p.name !== 'Rosa Novak');
  doc.people.push({ name: 'Dev Patel', kind: 'member', resident: true, voting: true, roles: [] });
  doc.people[0].resident = false;
  doc.relationships.push({ between: ['Dev Patel', 'Priya Patel'], kind: 'sibling' });
  return doc;
}

describe('import atomicity', () => {
  it('a CSV with one bad row among good ones imports nothing', async () => {
    const before = await exportJson();
    const people = scratch.path('people.csv');
    writeFileSync(
      people,
      'name,kind,resident,voting\nMargaret Okafor,member,no,yes\nNew Person,member,yes,yes\nBad Row,member,perhaps,yes\n',
    );
    const run = await runCli(['roster', 'import', people, '--partnership', 'northfield'], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `The roster has a problem; nothing was changed:\n${people} line 4, column "resident": "perhaps" is not yes or no\n`,
    );
    expect(run.stdout).toBe('');
    expect(await exportJson()).toBe(before);
  });

  it('a bad file for a new partnership does not create it', async () => {
    const bad = scratch.path('bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        partnership: { name: 'Eastmarsh' },
        people: [{ name: 'A', kind: 'member', resident: true, voting: true, roles: [] }],
        relationships: [{ between: ['A', 'Nobody'], kind: 'spouse' }],
      }),
    );
    const run = await runCli(['roster', 'import', bad, '--partnership', 'eastmarsh'], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('relationships[0].between[1]: "Nobody" is not on the roster');
    const check = await runCli(['roster', 'export', '--partnership', 'eastmarsh'], env());
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('No partnership "eastmarsh" in the database. Known: northfield.\n');
  });

  it('a re-import that fails inside the database part-way through leaves the previous roster intact', async () => {
    const before = await exportJson();
    const file = scratch.path('changed.json');
    writeFileSync(file, JSON.stringify(changedRoster()));
    // The import writes people and interests first, relationships last: fail on the last step.
    const db = await openDatabase(url);
    for (const sql of FAIL_RELATIONSHIPS) await db.db.$executeRawUnsafe(sql);
    await db.close();

    const failed = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(
      /^The database refused the import, so nothing was changed \(the previous roster is intact\): .+\n$/,
    );
    expect(await exportJson()).toBe(before);

    // The same import succeeds once the database accepts it: the check above could have failed.
    const reopened = await openDatabase(url);
    for (const sql of ACCEPT_RELATIONSHIPS) await reopened.db.$executeRawUnsafe(sql);
    await reopened.close();
    const ok = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
    expect(ok.stdout).toBe(
      'Updated Northfield Big Local (northfield): 1 added, 12 updated, 1 whose membership ended (Rosa Novak); 4 relationships.\n',
    );
    expect(JSON.parse(await exportJson())).toEqual(asExported(changedRoster()));
  });
});
