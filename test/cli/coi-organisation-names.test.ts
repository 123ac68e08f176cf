// `partnership-bot coi --roster FILE --json` with organisations as people name them (issue 18):
// a legal form left off or written out, a "t/a" trading name in a register entry, and names that
// are only close, which are checked as typed and pointed out, never matched.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(4) });

const scratch = scratchDir();
afterAll(() => scratch.remove());

const member = (name: string, interests: { organisation: string; kind: string }[] = []) => ({
  name,
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  interests,
});
const ROSTER = scratch.path('names.json');
writeFileSync(
  ROSTER,
  JSON.stringify({
    partnership: { name: 'Riverside Big Local' },
    people: [
      member('Tara Trustee', [{ organisation: 'Riverside Youth Trust CIO', kind: 'trustee' }]),
      member('Ann Barista', [{ organisation: 'Acme Trading Ltd t/a Acme Cafe', kind: 'employee' }]),
      member('Dev Director', [{ organisation: 'Eastside Community Interest Company', kind: 'director' }]),
      member('Rita Riverside', [{ organisation: 'Riverside Trust', kind: 'trustee' }]),
      ...['Ben', 'Cat', 'Dan', 'Eve', 'Fay'].map((n) => member(n)),
    ],
  }),
);

type Out = { mustNotTakePart: { name: string; reasons: { kind: string; detail: string }[] }[]; notes: string[] };
async function coi(...organisations: string[]): Promise<Out> {
  const run = await runCli([
    'coi',
    '--roster',
    ROSTER,
    ...organisations.flatMap((o) => ['--organisation', o]),
    '--json',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Out;
}
const stepping = (out: Out) => out.mustNotTakePart.map((m) => [m.name, m.reasons.map((r) => r.kind)]);

describe('coi --json: organisation names', () => {
  it('"Riverside Youth Trust" finds the trustee of "Riverside Youth Trust CIO", not the one of "Riverside Trust"', async () => {
    const out = await coi('Riverside Youth Trust');
    expect(stepping(out)).toEqual([['Tara Trustee', ['loyalty']]]);
    expect(out.mustNotTakePart[0]!.reasons[0]!.detail).toBe(
      'Register of interests: Tara Trustee: trustee of Riverside Youth Trust CIO.',
    );
    // the same name once "CIO" is left off: nothing to point out
    expect(out.notes).toEqual([]);
  });

  it('"Acme Cafe" and "Acme Trading" both find the register entry "Acme Trading Ltd t/a Acme Cafe"; "X CIC" finds "X Community Interest Company"', async () => {
    const out = await coi('Acme Cafe', 'Eastside CIC');
    expect(stepping(out)).toEqual([
      ['Ann Barista', ['direct-financial']],
      ['Dev Director', ['direct-financial']],
    ]);
    expect(out.mustNotTakePart[0]!.reasons[0]!.detail).toBe(
      'Register of interests: Ann Barista: employee of Acme Trading Ltd t/a Acme Cafe.',
    );
    expect(stepping(await coi('Acme Trading'))).toEqual([['Ann Barista', ['direct-financial']]]);
  });

  it('names that are only close match nobody: they are checked as typed, and what was close is said', async () => {
    const out = await coi('Riverside', 'Acme Bakery', 'Eastside Trust');
    expect(stepping(out)).toEqual([]);
    expect(out.notes[0]).toBe(
      '"Riverside" is not a known name; checked as typed. Did you mean "Riverside Trust" or "Riverside Youth Trust CIO"? Run the check again with that name.',
    );
    expect(out.notes.slice(1)).toEqual([
      `Nobody's register of interests mentions "Acme Bakery" or a name known for it.`,
      '"Eastside Trust" is not a known name; checked as typed. Did you mean "Eastside Community Interest Company"? Run the check again with that name.',
    ]);
  });
});
