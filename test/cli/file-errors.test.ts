// What a volunteer sees in the terminal for a file that is wrong as a whole: where, and the fix;
// at most five problems and a count of the rest; never the file's bytes echoed back.
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(1) });

const scratch = scratchDir();
const file = (name: string, content: string | Buffer) => {
  writeFileSync(scratch.path(name), content);
  return scratch.path(name);
};
/** Offline checks never open a database: one that cannot be opened proves it. */
const NO_DB = { DATABASE_URL: `file:${DEMO_ROSTER}/x.db` };
// eslint-disable-next-line no-control-regex -- the characters a terminal must never receive
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;

afterAll(() => scratch.remove());

describe.concurrent('a file wrong as a whole', () => {
  it('CSV headings under other names: which heading to rename to what, and nothing else', async () => {
    const people = file('people.csv', 'Full Name,Type,Lives locally?\nAnn Lee,member,yes\nBob Hall,member,no\n');
    const run = await runCli(['criteria', '--roster', people], NO_DB);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'The roster has 2 problems; criteria could not check it:',
        `${people} line 1, column "Full Name": rename this heading to "name" (the file needs a "name" column: each person's name)`,
        `${people} line 1, column "Lives locally?": rename this heading to "resident" (the file needs a "resident" column: yes or no: lives in the area)`,
        '',
      ].join('\n'),
    );
  });

  it('an empty JSON file says it is empty', async () => {
    const empty = file('empty.json', '');
    const run = await runCli(['criteria', '--roster', empty], NO_DB);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${empty}: is empty; a JSON roster starts with {`);
    expect(run.stderr).not.toContain('missing comma');
  });

  it('random bytes: not a text file, and nothing binary reaches the terminal', async () => {
    const noise = file('noise.csv', randomBytes(20_000));
    const run = await runCli(['criteria', '--roster', noise], NO_DB);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${noise}: is not a text CSV file (it holds binary data`);
    expect(run.stderr).not.toMatch(BINARY);
  });

  it('a file over the size limit: a plain sentence with the limit', async () => {
    const big = scratch.path('big.json');
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024); // sparse: no 65 MB written
    const run = await runCli(['criteria', '--roster', big], NO_DB);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${big} is 65 MB; a roster file may be at most 64 MB. Check it is the right file (a partnership's roster is usually well under 1 MB).\n`,
    );
  });

  it('many problems: the first five, then how many more', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Person ${i},member,maybe`);
    const people = file('maybe.csv', ['name,kind,resident', ...rows, ''].join('\n'));
    const run = await runCli(['criteria', '--roster', people], NO_DB);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('The roster has 8 problems; criteria could not check it:');
    expect(lines.slice(1, 6)).toEqual(
      [2, 3, 4, 5, 6].map((line) => `${people} line ${line}, column "resident": "maybe" is not yes or no`),
    );
    expect(lines.slice(6)).toEqual([
      '…and 3 more problems (fix these first and run it again: often the rest follow from them).',
    ]);
  });
});
