// Imports that cannot wipe a partnership by accident: a file that lists nobody, or would end more
// than a third of current memberships, is refused unless --allow-removals; --dry-run changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEMO_ROSTER } from '../support/paths.ts';
import { createDemoDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(4) });

const scratch = scratchDir();
afterAll(() => scratch.remove());

let url: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  const db = await createDemoDatabase();
  await db.database.close();
  url = db.url;
  remove = () => db.close();
});
afterEach(() => remove());

const env = () => ({ DATABASE_URL: url });
const exportJson = async () => {
  const run = await runCli(['roster', 'export', '--partnership', 'northfield'], env());
  expect(run.code).toBe(0);
  return run.stdout;
};
const demoCount = (): number => (JSON.parse(readFileSync(DEMO_ROSTER, 'utf8')) as { people: unknown[] }).people.length;

it('a header-only CSV is refused, says how many memberships it would end, and changes nothing', async () => {
  const before = await exportJson();
  const file = scratch.path('empty.csv');
  writeFileSync(file, 'name,kind,resident\n');
  const run = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`lists nobody, so importing it would end all ${demoCount()} current memberships`);
  expect(run.stderr).toContain('Nothing was changed');
  expect(run.stderr).toContain('--allow-removals');
  expect(await exportJson()).toBe(before);
});

it('a file that would end more than a third of the memberships is refused; --allow-removals lets it through', async () => {
  const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8')) as { people: { name: string }[]; relationships: unknown[] };
  const keep = Math.floor(doc.people.length / 2);
  const gone = doc.people.slice(keep).map((p) => p.name);
  const kept = doc.people.slice(0, keep).map((p) => p.name);
  doc.people = doc.people.slice(0, keep);
  doc.relationships = [];
  const file = scratch.path('half.json');
  writeFileSync(file, JSON.stringify(doc));
  const before = await exportJson();

  const refused = await runCli(['roster', 'import', file, '--partnership', 'northfield'], env());
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`would end ${gone.length} of ${demoCount()} current memberships`);
  expect(await exportJson()).toBe(before);

  const allowed = await runCli(['roster', 'import', file, '--partnership', 'northfield', '--allow-removals'], env());
  expect(allowed.code).toBe(0);
  expect(allowed.stdout).toContain(`${gone.length} whose membership ended`);
  const after = JSON.parse(await exportJson()) as { people: { name: string }[] };
  expect(after.people.map((p) => p.name).sort()).toEqual([...kept].sort());
});

it('--dry-run prints what would change and changes nothing', async () => {
  const doc = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8')) as { people: { name: string }[] };
  const leaving = doc.people[doc.people.length - 1]!.name;
  doc.people = doc.people.slice(0, -1);
  doc.people.push({ name: 'Dev Patel', kind: 'member', resident: true, voting: true, roles: [] } as never);
  const file = scratch.path('changed.json');
  writeFileSync(file, JSON.stringify(doc));
  const before = await exportJson();
  const run = await runCli(['roster', 'import', file, '--partnership', 'northfield', '--dry-run'], env());
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Dry run: nothing was changed.');
  expect(run.stdout).toContain('would add 1 (Dev Patel)');
  expect(run.stdout).toContain(`end 1 of ${demoCount()} current memberships (${leaving})`);
  expect(await exportJson()).toBe(before);
});
