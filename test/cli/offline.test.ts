// `partnership-bot criteria --roster` and `coi --roster`, spawned as a user runs them: offline
// checks of a file, no database. Also the usage errors every command shares.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

// Each test spawns up to five Node processes, one after another; on a busy 2-core machine that can take a while.
vi.setConfig({ testTimeout: cliTestTimeout(5) });

const scratch = scratchDir();
const file = (name: string, content: unknown) => {
  writeFileSync(scratch.path(name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return scratch.path(name);
};
const member = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  ...extra,
});
/** No database is touched by offline checks: a DATABASE_URL that cannot be opened (a folder inside a file) proves it. */
const NO_DB = { DATABASE_URL: `file:${DEMO_ROSTER}/x.db` };

afterAll(() => scratch.remove());

describe('criteria --roster', () => {
  it('--json prints exactly the documented object', async () => {
    const run = await runCli(['criteria', '--roster', DEMO_ROSTER, '--json'], NO_DB);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['inCriteria', 'conformsToCoiGuidance', 'members', 'residents', 'checks']);
    expect(out).toMatchObject({ inCriteria: true, conformsToCoiGuidance: true, members: 11, residents: 8 });
    expect(out.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'min-members:pass',
      'resident-majority:pass',
      'diversity:info',
      'own-right:info',
      'paid-worker-voting:pass',
      'family-household-limit:pass',
      'related-officers:pass',
      'worker-related-to-officer:pass',
      'related-workers:pass',
      'lto-in-power:pass',
      'member-related-to-worker:warn',
      'lto-voting:pass',
    ]);
    for (const c of out.checks) {
      expect(typeof c.message).toBe('string');
      expect(Object.keys(c).every((k) => ['id', 'status', 'message', 'fix', 'details'].includes(k))).toBe(true);
    }
  });

  it('prints a readable report without --json, with what to fix when out of criteria', async () => {
    const roster = file('small.json', {
      partnership: { name: 'Small Big Local' },
      people: [
        ...['A', 'B', 'C'].map((n) => member(n)),
        ...['D', 'E', 'F', 'G'].map((n) => member(n, { resident: false })),
        { name: 'Jo', kind: 'paid-worker', resident: false, voting: true, roles: [] },
      ],
    });
    const run = await runCli(['criteria', '--roster', roster], NO_DB);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Not in criteria: 7 members, 3 residents; 3 things to fix.');
    expect(run.stdout).toContain('Members counted (7): A, B, C, D, E, F and G');
    expect(run.stdout).toContain('Not counted: the paid worker Jo is not a member.');
    expect(run.stdout).toContain(
      '[to fix] At least eight members: 7 members counted; the paid worker Jo is not a member. A partnership needs at least 8.',
    );
    // both recruiting fixes come from one plan: 2 residents make 5 of 9
    expect(run.stdout).toContain('Fix: Recruit 2 more resident members.');
    expect(run.stdout).toContain(
      '[to fix] Residents are the majority: 3 of 7 members live in the area (42.9%); at least 51% must.',
    );
    expect(run.stdout).toContain('[to fix] No paid worker votes');
    expect(run.stdout).toContain('WHAT TO DO');
    expect(run.stdout).toContain('what you are doing to meet them, and your timeline');
  });

  it('reads a CSV people file with its relationships', async () => {
    const people = file(
      'people.csv',
      `name,kind,resident,roles\n${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((n, i) => `${n},member,yes,${i === 0 ? 'chair' : i === 1 ? 'treasurer' : ''}`).join('\n')}\n`,
    );
    const rels = file('relationships.csv', 'person_a,kind,person_b\nA,spouse,B\n');
    const run = await runCli(['criteria', '--roster', people, '--relationships', rels, '--json'], NO_DB);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.conformsToCoiGuidance).toBe(false);
    expect(out.checks.find((c: { id: string }) => c.id === 'related-officers')).toMatchObject({
      status: 'fail',
      details: ["A (chair) and B (treasurer): A is B's spouse."],
    });
  });
});

describe('coi --roster', () => {
  it('--json: organisation, mustNotTakePart with reasons {kind, detail}, eligibleVoters, quorum', async () => {
    const run = await runCli(
      ['coi', '--roster', DEMO_ROSTER, '--organisation', 'Whitfield Accounts Limited', '--json'],
      NO_DB,
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.organisation).toBe('Whitfield Accounts Limited');
    expect(
      out.mustNotTakePart.map((m: { name: string; reasons: { kind: string; detail: string }[] }) => [
        m.name,
        m.reasons.map((r) => r.kind),
      ]),
    ).toEqual([
      ['Tom Whitfield', ['direct-financial']],
      ['Sarah Whitfield', ['indirect-financial']],
    ]);
    expect(out.mustNotTakePart[1].reasons[0].detail).toContain("Sarah Whitfield is Tom Whitfield's spouse");
    expect(out.eligibleVoters).toEqual([
      'Margaret Okafor',
      'David Hughes',
      'Priya Patel',
      'Aisha Rahman',
      'Gareth Jones',
      'Kwame Mensah',
      'Helen Brooks',
      'Rosa Novak',
    ]);
    expect(out.quorum).toMatchObject({
      votingMembers: 10,
      required: 5,
      eligible: 8,
      met: true,
      eligibleResidents: 7,
      residentMajority: true,
    });
  });

  it('several organisations at once, as readable text', async () => {
    const run = await runCli(
      [
        'coi',
        '--roster',
        DEMO_ROSTER,
        '--organisation',
        'the riverside youth trust',
        '--organization',
        'Northfield Community Cafe Ltd',
      ],
      NO_DB,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      '3 members should not take part in the decision about the riverside youth trust and Northfield Community Cafe Ltd.',
    );
    expect(run.stdout).toContain('- Priya Patel: loyalty interest.');
    expect(run.stdout).toContain('- Sarah Whitfield: direct financial interest.');
    expect(run.stdout).toContain('- Tom Whitfield: indirect financial interest.');
    expect(run.stdout).toContain('the quorum (at least 50% of voting members) needs 5, so the decision can be taken.');
  });
});

// Independent processes: run a few at once.
describe.concurrent('bad input: a clear message on stderr and a non-zero exit', () => {
  let bad: Record<string, string>;
  beforeAll(() => {
    bad = {
      invalid: file('invalid.json', '{\n  "partnership": { "name": "P" }\n  "people": []\n}'),
      schema: file('schema.json', {
        partnership: { name: 'P' },
        people: [member('Ann', { kind: 'volunteer' }), member('Bob', { email: 'bob-at-home', age: 40 })],
      }),
      names: file('names.json', {
        partnership: { name: 'P' },
        people: [member('Ann'), member('ANN')],
        relationships: [{ between: ['Ann', 'Zed'], kind: 'sibling' }],
      }),
      csv: file('bad.csv', 'name,kind,resident\nAnn,member,yes\nBob,member,sometimes\n'),
      text: file('roster.txt', 'Ann, member'),
    };
  });

  it.each([
    [
      'an unreadable file',
      () => ['criteria', '--roster', scratch.path('missing.json')],
      1,
      /^Cannot read .*missing\.json: no such file\.\n$/,
    ],
    [
      'a file that is neither JSON nor CSV',
      () => ['criteria', '--roster', bad.text!],
      1,
      /roster\.txt: must be a \.json roster or a \.csv people file \(see docs\/roster-format\.md\)/,
    ],
    [
      'invalid JSON',
      () => ['criteria', '--roster', bad.invalid!],
      1,
      /invalid\.json: is not valid JSON at line 3, column 3 \(/,
    ],
    [
      'an unknown kind, an unknown field and a bad email',
      () => ['criteria', '--roster', bad.schema!, '--json'],
      1,
      /The roster has 3 problems; criteria could not check it:\n.*schema\.json: people\[0\]\.kind: must be one of "member", "paid-worker" or "rep"\n.*schema\.json: people\[1\]\.email: must be an email address like name@example\.org\n.*schema\.json: people\[1\]: has unknown field "age"/,
    ],
    [
      'a duplicate name and a relationship naming an unknown person',
      () => ['coi', '--roster', bad.names!, '--organisation', 'X'],
      1,
      /names\.json: people\[1\]\.name: "ANN" appears twice.*\n.*names\.json: relationships\[0\]\.between\[1\]: "Zed" is not on the roster/,
    ],
    [
      'a bad CSV row',
      () => ['criteria', '--roster', bad.csv!],
      1,
      /bad\.csv line 3, column "resident": "sometimes" is not yes or no/,
    ],
    [
      'an unknown command',
      () => ['frobnicate'],
      2,
      /^Unknown command "frobnicate"\.\n\npartnership-bot: governance checks/,
    ],
    ['an unknown flag', () => ['criteria', '--roster', DEMO_ROSTER, '--verbose'], 2, /Unknown option '--verbose'/],
    [
      'neither --roster nor --partnership',
      () => ['criteria'],
      2,
      /criteria needs --roster FILE \(a roster file, no database\) or --partnership SLUG/,
    ],
    [
      'both --roster and --partnership',
      () => ['criteria', '--roster', DEMO_ROSTER, '--partnership', 'northfield'],
      2,
      /give --roster FILE or --partnership SLUG, not both/,
    ],
    ['coi without --organisation', () => ['coi', '--roster', DEMO_ROSTER], 2, /coi needs --organisation NAME/],
    [
      'an extra word',
      () => ['criteria', 'now', '--roster', DEMO_ROSTER],
      2,
      /criteria takes no extra words; unexpected: now/,
    ],
    [
      '--relationships with a JSON roster',
      () => ['criteria', '--roster', DEMO_ROSTER, '--relationships', bad.csv!],
      1,
      /--relationships and --interests go with a CSV people file/,
    ],
  ])('%s', async (_what, args, code, message) => {
    const run = await runCli(args(), NO_DB);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
  });

  it('help prints the usage and exits 0; no command at all is a usage error', async () => {
    const [help, none] = await Promise.all([runCli(['help'], NO_DB), runCli([], NO_DB)]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('partnership-bot roster import FILE --partnership SLUG');
    expect(help.stdout).toContain('Exit codes: 0 done, 1 bad input, 2 bad usage, 3 database or configuration problem.');
    expect(none.code).toBe(2);
  });
});
