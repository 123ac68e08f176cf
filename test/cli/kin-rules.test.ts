// Issue 18 through the CLI as a user runs it (`criteria --json`, `coi --json`, roster import and
// export): a majority is more than half, one-step indirect interests, relatives not on the
// roster, two related paid workers (docs/rules.md).
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { newDatabaseUrl } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(5) });

const scratch = scratchDir();
afterAll(() => scratch.remove());
const file = (name: string, content: unknown) => {
  writeFileSync(scratch.path(name), JSON.stringify(content, null, 2));
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
const worker = (name: string) => ({ name, kind: 'paid-worker', resident: false, voting: false, roles: [] });
const many = (n: number, prefix: string, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => member(`${prefix} ${i + 1}`, extra));
/** Offline checks never open a database: one that cannot be opened proves it. */
const NO_DB = { DATABASE_URL: `file:${DEMO_ROSTER}/x.db` };

type Check = { id: string; status: string; message: string; details?: string[]; fix?: string };
const checkOf = (out: { checks: Check[] }, id: string) => out.checks.find((c) => c.id === id)!;

async function json(args: string[], env: Record<string, string> = NO_DB) {
  const run = await runCli(args, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('criteria --json', () => {
  it('4 residents of 8 at a 50% threshold is out of criteria, without a message that contradicts itself', async () => {
    const roster = file('half.json', {
      partnership: { name: 'Half Big Local', residentThreshold: 0.5 },
      people: [...many(4, 'Resident'), ...many(4, 'Visitor', { resident: false })],
    });
    const out = await json(['criteria', '--roster', roster, '--json']);
    expect(out.inCriteria).toBe(false);
    expect(checkOf(out, 'resident-majority')).toMatchObject({
      status: 'fail',
      message: '4 of 8 members live in the area (50%); more than half must.',
      fix: 'Recruit 1 more resident member.',
    });
  });

  it("the chair's mother-in-law as treasurer, through the chair's spouse who is not a member: related-officers fails", async () => {
    const roster = file('in-law.json', {
      partnership: { name: 'In-law Big Local' },
      people: [
        member('Chris Chair', { roles: ['chair'] }),
        member('Tess Treasurer', { roles: ['treasurer'] }),
        ...many(7, 'R'),
      ],
      relatives: [
        {
          name: 'Sam Spouse',
          links: [
            { kind: 'spouse', of: 'Chris Chair' },
            { kind: 'child', of: 'Tess Treasurer' },
          ],
        },
      ],
    });
    const out = await json(['criteria', '--roster', roster, '--json']);
    expect(out.conformsToCoiGuidance).toBe(false);
    expect(checkOf(out, 'related-officers')).toMatchObject({
      status: 'fail',
      details: [
        "Chris Chair (chair) and Tess Treasurer (treasurer): Chris Chair is Sam Spouse's spouse; Sam Spouse is Tess Treasurer's child.",
      ],
    });
  });

  it('two related paid workers fail related-workers', async () => {
    const roster = file('workers.json', {
      partnership: { name: 'Workers Big Local' },
      people: [...many(9, 'R'), worker('Wendy Worker'), worker('Will Worker')],
      relationships: [{ between: ['Wendy Worker', 'Will Worker'], kind: 'sibling' }],
    });
    const out = await json(['criteria', '--roster', roster, '--json']);
    expect(out.conformsToCoiGuidance).toBe(false);
    expect(checkOf(out, 'related-workers')).toMatchObject({
      status: 'fail',
      details: ["Wendy Worker (paid worker) and Will Worker (paid worker): Wendy Worker is Will Worker's sibling."],
    });
  });
});

describe('coi --json', () => {
  const bidder = 'Acme Trading Ltd';
  const roster = () =>
    file('coi.json', {
      partnership: { name: 'Coi Big Local' },
      people: [
        member('Ed Director', { interests: [{ organisation: bidder, kind: 'director' }] }),
        member('Sue Spouse'),
        member('Ian In-law'),
        member('Jo Further'),
        member('Sarah Whitfield'),
        ...many(6, 'R'),
      ],
      relationships: [
        { between: ['Sue Spouse', 'Ed Director'], kind: 'spouse' },
        { between: ['Ian In-law', 'Sue Spouse'], kind: 'sibling' },
        { between: ['Jo Further', 'Ian In-law'], kind: 'spouse' },
      ],
      relatives: [
        {
          name: 'Tom Whitfield',
          links: [{ kind: 'spouse', of: 'Sarah Whitfield' }],
          interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director' }],
        },
      ],
    });

  it("one step: the director's spouse is conflicted; the spouse's sibling and the sibling's spouse are not", async () => {
    const out = await json(['coi', '--roster', roster(), '--organisation', bidder, '--json']);
    expect(out.mustNotTakePart.map((m: { name: string }) => m.name)).toEqual(['Ed Director', 'Sue Spouse']);
    expect(out.eligibleVoters).toEqual(expect.arrayContaining(['Ian In-law', 'Jo Further']));
  });

  it('a member whose spouse (not on the roster) directs the bidder has an indirect financial conflict', async () => {
    const out = await json(['coi', '--roster', roster(), '--organisation', 'Whitfield Accounts Limited', '--json']);
    expect(out.mustNotTakePart).toEqual([
      {
        name: 'Sarah Whitfield',
        role: 'member',
        voting: true,
        reasons: [
          expect.objectContaining({
            kind: 'indirect-financial',
            detail:
              "Their relative Tom Whitfield, who is not on the roster, would benefit. Sarah Whitfield is Tom Whitfield's spouse. Tom Whitfield (not on the roster): director of Whitfield Accounts Ltd.",
          }),
        ],
      },
    ]);
  });

  it('the relatives survive a database import and export, and the stored roster gives the same answer', async () => {
    const database = newDatabaseUrl();
    const env = { DATABASE_URL: database.url };
    const path = roster();
    const imported = await runCli(['roster', 'import', path, '--partnership', 'coi'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const exported = await json(['roster', 'export', '--partnership', 'coi'], env);
    expect(exported.relatives).toEqual([
      {
        name: 'Tom Whitfield',
        links: [{ kind: 'spouse', of: 'Sarah Whitfield' }],
        interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director' }],
      },
    ]);
    const out = await json(
      ['coi', '--partnership', 'coi', '--organisation', 'Whitfield Accounts Limited', '--json'],
      env,
    );
    expect(out.mustNotTakePart.map((m: { name: string }) => m.name)).toEqual(['Sarah Whitfield']);
    database.remove();
  });
});
