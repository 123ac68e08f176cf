// `partnership-bot settings show|set|history`, spawned as a user runs it: every setting with its
// meaning and default, changes checked whole and audited, and the LTO-staff conflict rule firing
// once `ltoOrganisation` is set. Roster files carry the settings both ways.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

vi.setConfig({ testTimeout: cliTestTimeout(8) });

const scratch = scratchDir();
afterAll(() => scratch.remove());

let env: { DATABASE_URL: string };
let remove: () => Promise<void>;
beforeAll(async () => {
  const db = await createDemoDatabase();
  await db.database.close();
  env = { DATABASE_URL: db.url };
  remove = () => db.close();
});
afterAll(() => remove());

const P = ['--partnership', 'northfield'];

describe('settings on the command line', () => {
  it('shows every setting with its value, default and meaning, as text and JSON', async () => {
    const [text, json] = await Promise.all([
      runCli(['settings', 'show', ...P], env),
      runCli(['settings', 'show', ...P, '--json'], env),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Settings of Northfield Big Local (northfield):');
    expect(text.stdout).toContain('- Quorum (`quorum`): at least 50% of voting members (the default).');
    const out = JSON.parse(json.stdout);
    expect(out.explained).toHaveLength(23);
    expect(out.explained.find((e: { key: string }) => e.key === 'ltoOrganisation')).toMatchObject({
      value: '',
      default: '',
      isDefault: true,
      inWords: 'not set',
    });
    expect(out.settings.quorum).toEqual({ type: 'fraction', value: 0.5 });
  });

  it('refuses bad values with what each must be, and changes nothing', async () => {
    const bad = await runCli(['settings', 'set', ...P, 'quorum=half', 'countLtoRepresentatives=maybe'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'Nothing was saved:\nquorum must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6\ncountLtoRepresentatives must be yes or no\n',
    );
    const usage = await runCli(['settings', 'set', ...P, 'quorum'], env);
    expect(usage.code).toBe(2);
    const history = await runCli(['settings', 'history', ...P, '--json'], env);
    expect(JSON.parse(history.stdout).history).toEqual([]);
  });

  it('after ltoOrganisation is set, coi --json finds the LTO representative conflicted; the change is audited', async () => {
    const before = JSON.parse(
      (await runCli(['coi', ...P, '--organisation', 'Northfield Community Trust', '--json'], env)).stdout,
    );
    expect(before.mustNotTakePart.map((m: { name: string }) => m.name)).not.toContain('Linda Marsh');

    const set = await runCli(['settings', 'set', ...P, 'ltoOrganisation=Northfield Community Trust', 'quorum=6'], env);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(
      'Saved, and recorded with who changed what:\nQuorum: at least 50% of voting members → at least 6 eligible voting members\nLTO organisation: not set → Northfield Community Trust\n',
    );

    const after = JSON.parse(
      (await runCli(['coi', ...P, '--organisation', 'Northfield Community Trust', '--json'], env)).stdout,
    );
    const linda = after.mustNotTakePart.find((m: { name: string }) => m.name === 'Linda Marsh');
    expect(linda.reasons.map((r: { kind: string }) => r.kind)).toContain('direct-financial');
    expect(after.quorum).toMatchObject({ rule: 'at least 6 eligible voting members', required: 6 });

    const history = JSON.parse((await runCli(['settings', 'history', ...P, '--json'], env)).stdout).history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      by: 'command line',
      changed: [
        { key: 'quorum', before: '0.5', after: '6' },
        { key: 'ltoOrganisation', before: '', after: 'Northfield Community Trust' },
      ],
    });
  });

  it('roster export carries the settings; a re-import without settings keeps them; settings.csv sets them', async () => {
    await runCli(['settings', 'set', ...P, 'loyaltyConflicts=declare-and-stay'], env);
    const exported = await runCli(['roster', 'export', ...P], env);
    expect(JSON.parse(exported.stdout).partnership.settings).toMatchObject({ loyaltyConflicts: 'declare-and-stay' });

    // the demo file has only residentThreshold: everything else stays as set
    const again = await runCli(['roster', 'import', DEMO_ROSTER, ...P], env);
    expect(again.code).toBe(0);
    const kept = JSON.parse((await runCli(['settings', 'show', ...P, '--json'], env)).stdout).settings;
    expect(kept).toMatchObject({ loyaltyConflicts: 'declare-and-stay' });

    const csv = await runCli(['roster', 'export', ...P, '--format', 'csv', '--out', scratch.path('csv')], env);
    expect(csv.code).toBe(0);
    const settingsCsv = readFileSync(scratch.path('csv/settings.csv'), 'utf8');
    expect(settingsCsv).toContain('loyaltyConflicts,declare-and-stay\n');
    writeFileSync(
      scratch.path('csv/settings.csv'),
      settingsCsv.replace('loyaltyConflicts,declare-and-stay', 'loyaltyConflicts,withdraw'),
    );
    const imported = await runCli(
      [
        'roster',
        'import',
        scratch.path('csv/people.csv'),
        '--relationships',
        scratch.path('csv/relationships.csv'),
        '--settings',
        scratch.path('csv/settings.csv'),
        ...P,
      ],
      env,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const now = JSON.parse((await runCli(['settings', 'show', ...P, '--json'], env)).stdout).settings;
    expect(now).toMatchObject({ loyaltyConflicts: 'withdraw' });
    const history = JSON.parse((await runCli(['settings', 'history', ...P, '--json'], env)).stdout).history;
    expect(history[0]).toMatchObject({
      by: 'roster import',
      through: 'roster.import',
      changed: [{ key: 'loyaltyConflicts', before: 'declare-and-stay', after: 'withdraw' }],
    });

    writeFileSync(scratch.path('bad-settings.csv'), 'setting,value\nquorum,2.5\n');
    const bad = await runCli(
      ['roster', 'import', scratch.path('csv/people.csv'), '--settings', scratch.path('bad-settings.csv'), ...P],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'bad-settings.csv line 2, column "value": quorum must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
    );
  });
});
