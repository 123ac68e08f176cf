// `partnership-bot coi` against a stored partnership uses its known organisations and aliases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import type { CliIo } from '../../adapters/cli/io.ts';
import { DEMO_FILE } from '../../adapters/persistence/seed.ts';
import { createDemoDatabase } from '../support/db.ts';
import { ROOT } from '../support/paths.ts';

let db: Awaited<ReturnType<typeof createDemoDatabase>>;
beforeEach(async () => {
  db = await createDemoDatabase();
});
afterEach(async () => {
  await db.close();
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    env: { DATABASE_URL: db.url, LOG_LEVEL: 'error' },
    cwd: ROOT,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('partnership-bot coi', () => {
  it('matches an alias stored in the database', async () => {
    const change = { partnershipId: db.partnership.id, actorId: null, at: new Date() };
    await db.stores.register.addAlias(change, 'ACME Community Café Limited', 'Acme Cafe');
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    const gareth = roster.people.find((p) => p.name === 'Gareth Jones')!;
    await db.stores.register.addInterest(change, gareth.id, {
      organisation: 'ACME Community Café Limited',
      kind: 'employee',
    });

    const text = await cli(['coi', '--partnership', 'northfield', '--organisation', 'Acme Cafe']);
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(text.out).toContain('- Gareth Jones: direct financial interest.');
    expect(text.out).toContain('"Acme Cafe" is known as "ACME Community Café Limited": both names are checked.');

    const json = await cli(['coi', '--partnership', 'northfield', '--organisation', 'Acme Cafe', '--json']);
    expect(JSON.parse(json.out).mustNotTakePart.map((m: { name: string }) => m.name)).toEqual([
      'Gareth Jones',
      'Kwame Mensah',
    ]);
  });

  it('says what a close but unknown name may have meant, and checks it as typed', async () => {
    const r = await cli(['coi', '--partnership', 'northfield', '--organisation', 'Riverside Youth Trst', '--json']);
    const out = JSON.parse(r.out);
    expect(out.mustNotTakePart).toEqual([]);
    expect(out.notes).toEqual([
      '"Riverside Youth Trst" is not a known name; checked as typed. Did you mean "Riverside Youth Trust"? Run the check again with that name.',
    ]);
  });

  it('still checks a roster file without a database', async () => {
    const r = await cli([
      'coi',
      '--roster',
      DEMO_FILE,
      '--organisation',
      'Riverside Youth Trust',
      '--organisation',
      'Whitfield Accounts Ltd',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('SHOULD NOT TAKE PART\n- Priya Patel: loyalty interest.');
    expect(r.out).toContain('- Tom Whitfield: direct financial interest.');
    expect(r.out).not.toContain('FAIL');
  });
});
