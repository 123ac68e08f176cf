// `partnership-bot decision record-meeting`, spawned as a user runs it: a decision taken at a
// meeting from a JSON file or from flags, refused without the chair or the secretary, flagged
// (nothing saved, exit 1) when someone with a conflict is recorded as voting unless --confirm,
// and then in the exports (Markdown, CSV) and the person's export like a chat poll.
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoDatabase } from '../support/db.ts';
import { cliTestTimeout, runCli, scratchDir } from '../support/cli.ts';

vi.setConfig({ testTimeout: cliTestTimeout(9) });

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
// The CLI reads the real clock: a meeting a week ago is in the past and within the year whenever this runs.
const WEEK_AGO = DateTime.now().setZone('Europe/London').minus({ days: 7 }).toISODate()!;

const meetingFile = (extra: Record<string, unknown> = {}) => {
  const path = scratch.path(`meeting-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      date: WEEK_AGO,
      title: 'Community café catering contract',
      kind: 'procurement',
      organisations: ['Northfield Community Café Ltd'],
      recordedBy: 'Priya Patel',
      present: ['Margaret Okafor', 'Priya Patel', 'Tom Whitfield', 'Sarah Whitfield', 'Aisha Rahman', 'Gareth Jones'],
      declarations: [
        {
          name: 'Sarah Whitfield',
          kind: 'direct-financial',
          organisation: 'Northfield Community Café Ltd',
          detail: 'café manager',
        },
        'Aisha Rahman: none',
      ],
      left: ['Sarah Whitfield'],
      result: { for: 3, against: 1, abstain: 1 },
      outcome: 'Agreed to award the catering contract for one year.',
      ...extra,
    }),
  );
  return path;
};

describe('decision record-meeting', () => {
  it('refuses what is wrong with what to fix, and anyone but the chair or the secretary; nothing is saved', async () => {
    const bad = await runCli(
      [
        'decision',
        'record-meeting',
        ...P,
        '--file',
        meetingFile({ present: ['Margaret Okafor', 'Nobody'], result: 'maybe' }),
      ],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing was saved:');
    expect(bad.stderr).toContain('Present: “Nobody” is not on the roster: use their name as the roster has it.');
    expect(bad.stderr).toContain('Result: must be “vote” (with the counts) or “consensus” (got “maybe”).');
    const member = await runCli(
      ['decision', 'record-meeting', ...P, '--file', meetingFile(), '--recorded-by', 'Rosa Novak'],
      env,
    );
    expect(member.code).toBe(1);
    expect(member.stderr).toBe(
      'Rosa Novak cannot record a meeting decision: only the chair or the secretary can (the roster says who holds those roles).\n',
    );
    const usage = await runCli(['decision', 'record-meeting', ...P, '--title', 'No recorder'], env);
    expect(usage.code).toBe(2);
    const list = await runCli(['decision', 'list', ...P], env);
    expect(list.stdout).toBe('Northfield Big Local has no decisions yet.\n');
  });

  it('prints the flags and exits 1 until --confirm; then saves it, and the exports show the meeting', async () => {
    const file = meetingFile();
    const flagged = await runCli(['decision', 'record-meeting', ...P, '--file', file], env);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('Nothing is saved yet. These people have a conflict of interest');
    expect(flagged.stderr).toMatch(/- Tom Whitfield: indirect financial interest \(Northfield Community Café Ltd\)/);
    expect(flagged.stderr).toContain('run it again with --confirm');

    const saved = await runCli(['decision', 'record-meeting', ...P, '--file', file, '--confirm'], env);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(
      `Recorded Decision 1 ("Community café catering contract"), taken at a meeting on ${WEEK_AGO}.`,
    );

    const [md, csv] = await Promise.all([
      runCli(['decision', 'export', '1', ...P, '--format', 'md'], env),
      runCli(['decision', 'export', '1', ...P, '--format', 'csv'], env),
    ]);
    expect(md.stdout).toContain('Procurement decision taken at a meeting on');
    expect(md.stdout).toContain('Decided by a vote: for 3, against 1, abstained 1.');
    expect(md.stdout).toContain(
      '- Sarah Whitfield: declared a direct financial interest in Northfield Community Café Ltd: café manager',
    );
    expect(md.stdout).toContain('- Recorded as voting despite a conflict (the recorder confirmed it): Tom Whitfield');
    expect(csv.stdout).toContain(`meeting,held on,${WEEK_AGO},,`);
    expect(csv.stdout).toContain('meeting,left the room,,Sarah Whitfield,');
    expect(csv.stdout).toMatch(/meeting,voted despite a conflict,.*,Tom Whitfield,/);
    expect(csv.stdout).toContain('tally,For,3,,');

    // the declaration made at the meeting is in the person's own record, like a poll's
    const person = await runCli(['person', 'export', ...P, '--name', 'Sarah Whitfield'], env);
    expect(person.stdout).toContain('café manager');
  });

  it('takes the meeting as flags, by consensus', async () => {
    const saved = await runCli(
      [
        'decision',
        'record-meeting',
        ...P,
        '--recorded-by',
        'Margaret Okafor',
        '--date',
        WEEK_AGO,
        '--title',
        'Summer fun day',
        '--present',
        'Margaret Okafor',
        '--present',
        'Kwame Mensah',
        '--present',
        'Helen Brooks',
        '--declaration',
        'Kwame Mensah: loyalty: Northfield Food Bank: volunteers there',
        '--left',
        'Kwame Mensah',
        '--result',
        'consensus',
        '--outcome',
        'Agreed to hold the fun day on 4 July.',
      ],
      env,
    );
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    const md = await runCli(['decision', 'export', '2', ...P, '--format', 'md'], env);
    expect(md.stdout).toContain('Decided by consensus. Agreed to hold the fun day on 4 July.');
    expect(md.stdout).toContain('- Kwame Mensah: loyalty interest (Northfield Food Bank)');
  });
});
