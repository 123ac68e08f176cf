// Issue 18 through the CLI: `coi --partnership SLUG --json` lists every person on the roster who
// must not take part, voting or not: a non-voting member employed by the bidder and the LTO's
// non-voting representative (ltoOrganisation) among the members, a paid worker who directs the
// bidder among the others, each with their role and whether they vote.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { parseSettings } from '../../src/domain/settings.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import { createTestDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(2) });

let env: { DATABASE_URL: string };
let remove: () => Promise<void>;

beforeAll(async () => {
  const demo = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
  demo.people.push({
    name: 'Nina Shah',
    kind: 'member',
    resident: true,
    voting: false,
    roles: [],
    interests: [{ organisation: 'Acme Catering Ltd', kind: 'employee' }],
  });
  demo.people.find((p: { name: string }) => p.name === 'Jo Brooks').interests = [
    { organisation: 'Acme Catering Ltd', kind: 'director' },
  ];
  const parsed = parseRosterJson(JSON.stringify(demo), 'everyone.json');
  if (!parsed.ok) throw new Error('test roster invalid');
  const db = await createTestDatabase();
  const { partnership } = await db.stores.rosters.importRoster('everyone', parsed.value.roster);
  await db.stores.rosters.updateSettings(
    partnership.id,
    parseSettings({ ...partnership.settings, ltoOrganisation: 'Northfield Community Association' }),
    null,
  );
  await db.database.close();
  env = { DATABASE_URL: db.url };
  remove = () => db.close();
});
afterAll(() => remove?.());

describe('coi --json checks everyone on the roster', () => {
  it('lists the non-voting member, the paid worker, and the LTO representative on a decision about the LTO', async () => {
    const run = await runCli(
      [
        'coi',
        '--partnership',
        'everyone',
        '--organisation',
        'Acme Catering Ltd',
        '--organisation',
        'Northfield Community Association',
        '--json',
      ],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    type Listed = { name: string; reasons: { source: string }[] };
    const byName = (list: Listed[], name: string) => list.find((x) => x.name === name);
    expect(byName(out.mustNotTakePart, 'Nina Shah')).toMatchObject({
      role: 'member, non-voting',
      voting: false,
      reasons: [{ kind: 'direct-financial', source: 'register' }],
    });
    expect(byName(out.mustNotTakePart, 'Linda Marsh')).toMatchObject({
      role: 'member, non-voting, LTO representative',
      voting: false,
    });
    expect(byName(out.mustNotTakePart, 'Linda Marsh')!.reasons.map((r: { source: string }) => r.source)).toContain(
      'lto',
    );
    // Helen Brooks, the paid worker's sister, has a vote and an indirect interest
    expect(byName(out.mustNotTakePart, 'Helen Brooks')).toMatchObject({
      voting: true,
      reasons: [{ kind: 'indirect-financial', source: 'relationship' }],
    });
    expect(out.othersNotTakingPart).toEqual([
      {
        name: 'Jo Brooks',
        role: 'paid worker',
        voting: false,
        reasons: [
          {
            kind: 'direct-financial',
            source: 'register',
            detail: 'Register of interests: Jo Brooks: director of Acme Catering Ltd.',
          },
        ],
      },
    ]);
    // the quorum is the voting members': Helen out, the non-voters never counted
    expect(out.quorum).toMatchObject({ votingMembers: 10, eligible: 9 });
  });
});
