// The command line: a roster import whose officers break the make-up rules prints what would break
// and needs --confirm (audited); membership forms are listed, recorded and carried by roster files.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(6) });

const scratch = scratchDir();
afterAll(() => scratch.remove());

let db: TestDatabase;
beforeEach(async () => {
  db = await createDemoDatabase();
});
afterEach(() => db.close());

const env = () => ({ DATABASE_URL: db.url });
type Doc = { people: { name: string; roles: string[]; membershipForm?: unknown }[] };
const demo = (): Doc => JSON.parse(readFileSync(DEMO_ROSTER, 'utf8')) as Doc;
const exportJson = async (): Promise<Doc> => {
  const run = await runCli(['roster', 'export', '--partnership', 'northfield'], env());
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Doc;
};
const rolesIn = (doc: Doc, name: string) => doc.people.find((p) => p.name === name)!.roles;

it('an import that makes a relative of the treasurer vice-chair is refused until --confirm, which is audited', async () => {
  const doc = demo();
  for (const p of doc.people) {
    if (p.name === 'David Hughes') p.roles = [];
    if (p.name === 'Sarah Whitfield') p.roles = ['vice-chair'];
  }
  const file = scratch.path('officers.json');
  writeFileSync(file, JSON.stringify(doc));

  const dry = await runCli(['roster', 'import', file, '--partnership', 'northfield', '--dry-run'], env());
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain('An import of this file needs --confirm to go ahead.');

  const refused = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('The officers this file appoints would break the conflicts of interest guidance');
  expect(refused.stderr).toContain('- Officers are not related to each other: 1 pair of officers is related.');
  expect(refused.stderr).toContain("Tom Whitfield is Sarah Whitfield's spouse");
  expect(refused.stderr).toContain('run the import again with --confirm');
  expect(rolesIn(await exportJson(), 'Sarah Whitfield')).toEqual([]);

  const confirmed = await runCli(['roster', 'import', file, '--partnership', 'northfield', '--confirm'], env());
  expect(confirmed.code).toBe(0);
  expect(confirmed.stderr).toContain('Confirmed with --confirm (recorded in the audit log): Officers are not related');
  expect(rolesIn(await exportJson(), 'Sarah Whitfield')).toEqual(['vice-chair']);
  const audit = await db.database.db.auditEvent.findFirst({
    where: { action: 'roster.import' },
    orderBy: { at: 'desc' },
  });
  expect(JSON.parse(audit!.after!)).toMatchObject({ acknowledged: ['related-officers'] });

  // the same file again appoints nobody: nothing to confirm
  const again = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
  expect(again.code).toBe(0);
});

it('forms: recorded from the command line, listed, exported in the roster file and imported from one', async () => {
  const bad = await runCli(
    ['forms', 'record', '--partnership', 'northfield', '--name', 'Rosa Novak', '--signed', '2026-02-30'],
    env(),
  );
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('Nothing was recorded. --signed: "2026-02-30" is not a date');

  const rec = await runCli(
    [
      'forms',
      'record',
      '--partnership',
      'northfield',
      '--name',
      'rosa novak',
      '--signed',
      '2026-09-14',
      '--reference',
      'https://drive.example.org/forms/rosa.pdf',
    ],
    env(),
  );
  expect(rec.code).toBe(0);
  expect(rec.stdout).toBe(
    "Recorded: Rosa Novak's membership form, signed 2026-09-14 (kept at https://drive.example.org/forms/rosa.pdf).\n",
  );
  const worker = await runCli(
    ['forms', 'record', '--partnership', 'northfield', '--name', 'Jo Brooks', '--signed', '2026-09-14'],
    env(),
  );
  expect(worker.stderr).toContain('Jo Brooks is not a member: only members sign a membership form.');

  const list = await runCli(['forms', 'list', '--partnership', 'northfield', '--json'], env());
  const listed = JSON.parse(list.stdout) as { members: number; withoutForm: string[] };
  expect(listed.members).toBe(11);
  expect(listed.withoutForm).toHaveLength(10);
  expect(listed.withoutForm).not.toContain('Rosa Novak');

  const exported = await exportJson();
  expect(exported.people.find((p) => p.name === 'Rosa Novak')!.membershipForm).toEqual({
    signed: '2026-09-14',
    reference: 'https://drive.example.org/forms/rosa.pdf',
  });

  // a file with a form sets it; a file without one keeps the one recorded
  const doc = demo();
  doc.people.find((p) => p.name === 'Gareth Jones')!.membershipForm = { signed: '01/10/2026' };
  const file = scratch.path('forms.json');
  writeFileSync(file, JSON.stringify(doc));
  expect((await runCli(['roster', 'import', file, '--partnership', 'northfield'], env())).code).toBe(0);
  const after = await exportJson();
  expect(after.people.find((p) => p.name === 'Gareth Jones')!.membershipForm).toEqual({ signed: '2026-10-01' });
  expect(after.people.find((p) => p.name === 'Rosa Novak')!.membershipForm).toMatchObject({ signed: '2026-09-14' });
  const text = await runCli(['forms', 'list', '--partnership', 'northfield'], env());
  expect(text.stdout).toContain('9 of 11 members of Northfield Big Local have no signed membership form recorded:');

  doc.people.find((p) => p.name === 'Jo Brooks')!.membershipForm = { signed: 'soon' };
  writeFileSync(file, JSON.stringify(doc));
  const wrong = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('only members sign a membership form; Jo Brooks is a paid-worker');
});
