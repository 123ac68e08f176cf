// The database commands of `partnership-bot`, spawned as a user runs them with DATABASE_URL set:
// roster import/export (JSON and CSV), criteria and coi from the database, and their bad input.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { asExported } from '../support/settings.ts';
import { createDemoDatabase, newDatabaseUrl } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

// Each test spawns up to five Node processes, one after another; on a busy 2-core machine that can take a while.
vi.setConfig({ testTimeout: cliTestTimeout(5) });

const demo = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
const scratch = scratchDir();
afterAll(() => scratch.remove());

/** A database file holding the demo partnership (seeded in this process, then closed). */
async function demoDatabase(): Promise<{ env: { DATABASE_URL: string }; remove(): Promise<void> }> {
  const db = await createDemoDatabase();
  await db.database.close();
  return { env: { DATABASE_URL: db.url }, remove: () => db.close() };
}

describe('a new database', () => {
  it('is created and migrated on first use; an imported roster exports exactly as written', async () => {
    const file = scratch.path('nested/folder/new.db');
    const env = { DATABASE_URL: `file:${file}` };
    const imported = await runCli(['roster', 'import', DEMO_ROSTER, '--partnership', 'northfield'], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      'Created Northfield Big Local (northfield): 13 added, 0 updated, 0 whose membership ended; 3 relationships.\n',
    );
    expect(imported.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const exported = await runCli(['roster', 'export', '--partnership', 'northfield'], env);
    expect(exported.code).toBe(0);
    // the file's residentThreshold comes back in `settings`, with every other setting
    expect(JSON.parse(exported.stdout)).toEqual(asExported(demo));
  });
});

describe('with the demo partnership in the database', () => {
  let db: Awaited<ReturnType<typeof demoDatabase>>;
  beforeAll(async () => {
    db = await demoDatabase();
  });
  afterAll(() => db.remove());

  it('criteria --partnership gives the same answer as the file, as JSON and as text', async () => {
    const [json, text] = await Promise.all([
      runCli(['criteria', '--partnership', 'northfield', '--json'], db.env),
      runCli(['criteria', '--partnership', 'northfield'], db.env),
    ]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ inCriteria: true, conformsToCoiGuidance: true, members: 11, residents: 8 });
    expect(out.checks).toHaveLength(12);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('In criteria: 11 members, 8 residents; 1 thing to watch.');
    expect(text.stdout).toContain(
      "Helen Brooks (member) and Jo Brooks (paid worker): Helen Brooks is Jo Brooks's sibling.",
    );
  });

  it('coi --partnership lists who must not take part, from the stored register and relationships', async () => {
    const run = await runCli(
      ['coi', '--partnership', 'northfield', '--organisation', 'Northfield Community Café Limited', '--json'],
      db.env,
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.mustNotTakePart.map((m: { name: string }) => m.name)).toEqual(['Tom Whitfield', 'Sarah Whitfield']);
    expect(out.mustNotTakePart[0].reasons.map((r: { kind: string }) => r.kind)).toEqual(['indirect-financial']);
    expect(out.mustNotTakePart[1].reasons).toEqual([
      {
        kind: 'direct-financial',
        source: 'register',
        detail: 'Register of interests: Sarah Whitfield: employee of Northfield Community Café Ltd (café manager).',
      },
    ]);
    expect(out.quorum).toMatchObject({ eligible: 8, required: 5, met: true });
  });

  it('export --format csv prints people.csv, or writes all three files with --out', async () => {
    const [stdout, out] = await Promise.all([
      runCli(['roster', 'export', '--partnership', 'northfield', '--format', 'csv'], db.env),
      runCli(
        ['roster', 'export', '--partnership', 'northfield', '--format', 'csv', '--out', scratch.path('csv')],
        db.env,
      ),
    ]);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout.split('\n')[1]).toBe(
      'Margaret Okafor,member,yes,yes,chair,no,no,margaret.okafor@example.org,,',
    );
    expect(stdout.stderr).toContain('Printed people.csv only. Use --out DIR');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(
      `Wrote people.csv, relationships.csv, interests.csv, settings.csv to ${scratch.path('csv')}.\n`,
    );
    expect(readFileSync(scratch.path('csv/people.csv'), 'utf8')).toBe(stdout.stdout);
    expect(readFileSync(scratch.path('csv/relationships.csv'), 'utf8')).toBe(
      'person_a,kind,person_b\nTom Whitfield,spouse,Sarah Whitfield\nHelen Brooks,sibling,Jo Brooks\nGareth Jones,close-friend,Kwame Mensah\n',
    );
  });

  it('export --out writes the JSON file', async () => {
    const run = await runCli(
      ['roster', 'export', '--partnership', 'northfield', '--out', scratch.path('json')],
      db.env,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(scratch.path('json/northfield.json'), 'utf8'))).toEqual(asExported(demo));
  });
});

describe('re-importing from the spreadsheets', () => {
  it('upserts by name, ends the membership of people no longer listed, and replaces relationships and interests', async () => {
    const db = await demoDatabase();
    try {
      const dir = scratch.path('reimport');
      expect(
        (await runCli(['roster', 'export', '--partnership', 'northfield', '--format', 'csv', '--out', dir], db.env))
          .code,
      ).toBe(0);
      const drop = (file: string, name: string) =>
        writeFileSync(
          `${dir}/${file}`,
          readFileSync(`${dir}/${file}`, 'utf8')
            .split('\n')
            .filter((l) => !l.includes(name))
            .join('\n'),
        );
      drop('people.csv', 'Rosa Novak');
      drop('interests.csv', 'Rosa Novak');
      drop('relationships.csv', 'Gareth Jones');
      writeFileSync(`${dir}/people.csv`, `${readFileSync(`${dir}/people.csv`, 'utf8')}Dev Patel,member,yes,,,,,\n`);
      const imported = await runCli(
        [
          'roster',
          'import',
          `${dir}/people.csv`,
          '--relationships',
          `${dir}/relationships.csv`,
          '--interests',
          `${dir}/interests.csv`,
          '--partnership',
          'northfield',
        ],
        db.env,
      );
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toBe(
        'Updated Northfield Big Local (northfield): 1 added, 12 updated, 1 whose membership ended (Rosa Novak); 2 relationships.\n',
      );
      const after = JSON.parse((await runCli(['roster', 'export', '--partnership', 'northfield'], db.env)).stdout);
      expect(after.partnership.name).toBe('Northfield Big Local'); // a CSV carries no name: the stored one stays
      expect(after.people.map((p: { name: string }) => p.name)).toEqual([
        ...demo.people.map((p: { name: string }) => p.name).filter((n: string) => n !== 'Rosa Novak'),
        'Dev Patel',
      ]);
      expect(after.relationships).toEqual(
        demo.relationships.filter((r: { kind: string }) => r.kind !== 'close-friend'),
      );
    } finally {
      await db.remove();
    }
  });
});

// Independent processes: run a few at once.
describe.concurrent('bad input to the database commands', () => {
  let db: Awaited<ReturnType<typeof demoDatabase>>;
  beforeAll(async () => {
    db = await demoDatabase();
  });
  afterAll(() => db.remove());

  it.each([
    [
      'import without --partnership',
      ['roster', 'import', DEMO_ROSTER],
      2,
      /^--partnership SLUG is required \(a short name such as northfield\)\.\n$/,
    ],
    ['import without a file', ['roster', 'import', '--partnership', 'northfield'], 2, /roster import needs a FILE/],
    [
      'a bad slug',
      ['roster', 'import', DEMO_ROSTER, '--partnership', 'North Field!'],
      2,
      /--partnership "North Field!" must be 2 to 63 lower-case letters, digits and hyphens/,
    ],
    [
      'a bad slug for criteria',
      ['criteria', '--partnership', 'NORTHFIELD'],
      2,
      /--partnership "NORTHFIELD" must be 2 to 63 lower-case letters/,
    ],
    [
      'an unknown partnership',
      ['criteria', '--partnership', 'eastmarsh'],
      1,
      /^No partnership "eastmarsh" in the database\. Known: northfield\.\n$/,
    ],
    [
      'an unknown partnership for export',
      ['roster', 'export', '--partnership', 'eastmarsh', '--format', 'csv'],
      1,
      /No partnership "eastmarsh"/,
    ],
    [
      'an unknown export format',
      ['roster', 'export', '--partnership', 'northfield', '--format', 'xml'],
      2,
      /--format must be json or csv \(got "xml"\)/,
    ],
    ['roster without import or export', ['roster', 'list'], 2, /roster needs import or export \(got "list"\)/],
  ])('%s', async (_what, args, code, message) => {
    const run = await runCli(args as string[], db.env);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
  });

  it('a malformed DATABASE_URL stops with the variable named and no password echoed (exit 3)', async () => {
    const run = await runCli(['criteria', '--partnership', 'northfield'], {
      DATABASE_URL: 'mysql://admin:hunter2@db.example.org/bot',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('DATABASE_URL must start with file: (SQLite');
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a database that cannot be created is an environment problem (exit 3)', async () => {
    const run = await runCli(['roster', 'export', '--partnership', 'northfield'], {
      DATABASE_URL: `file:${DEMO_ROSTER}/x.db`,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^DATABASE_URL: .*demo-partnership\.json is a file, not a folder\. Set DATABASE_URL to a file in a folder this user can write/,
    );
  });

  it('an empty database says how to import a first roster', async () => {
    const empty = newDatabaseUrl();
    try {
      const run = await runCli(['criteria', '--partnership', 'northfield'], { DATABASE_URL: empty.url });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'No partnership "northfield" in the database. Import one first: partnership-bot roster import FILE --partnership SLUG.\n',
      );
    } finally {
      empty.remove();
    }
  });
});
