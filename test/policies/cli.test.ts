// `partnership-bot policies list|set|remove`, spawned as a user runs it: an entry checked as in
// chat (every problem at once, nothing saved), updated by name, listed as text and JSON, removed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(6) });

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

describe('policies on the command line', () => {
  it('records, updates, lists and removes; refuses a bad entry saying what is wrong', async () => {
    const bad = await runCli(['policies', 'set', ...P, '--kind', 'rules', '--adopted', 'last year'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing was saved:');
    expect(bad.stderr).toContain('Kind: choose one of "code-of-conduct", ');
    expect(bad.stderr).toContain('Adopted on: “last year” is not a date');

    const usage = await runCli(['policies', 'set', ...P, '--kind', 'loyalty'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('policies set needs --kind and --adopted');

    const set = await runCli(
      ['policies', 'set', ...P, '--kind', 'code-of-conduct', '--adopted', '2025-03-01', '--review', '2027-03-01'],
      env,
    );
    expect(set.stdout).toBe('Recorded: Code of conduct.\n');
    const update = await runCli(
      ['policies', 'set', ...P, '--kind', 'code-of-conduct', '--adopted', '2025-03-01', '--link', 'minutes/coc.pdf'],
      env,
    );
    expect(update.stdout).toBe('Updated: Code of conduct.\n');

    const json = JSON.parse((await runCli(['policies', 'list', ...P, '--json'], env)).stdout);
    expect(json.policies).toEqual([
      expect.objectContaining({
        kind: 'code-of-conduct',
        name: 'Code of conduct',
        adoptedOn: '2025-03-01',
        reviewOn: null,
        link: 'minutes/coc.pdf',
      }),
    ]);
    const text = await runCli(['policies', ...P], env);
    expect(text.stdout).toContain('- Code of conduct: adopted 1 March 2025; no review date set; minutes/coc.pdf');

    expect((await runCli(['policies', 'remove', ...P, '--name', 'code of conduct'], env)).stdout).toBe(
      'Removed: Code of conduct.\n',
    );
    const none = await runCli(['policies', 'remove', ...P, '--name', 'code of conduct'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No policy named "code of conduct"');
  });
});
