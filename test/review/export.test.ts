// The review export for the demo partnership, in Markdown and CSV, from the core and from the
// `partnership-bot review export` command (a real process on a real database file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/domain/roster.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { reviewFile } from '../../src/services/review/export.ts';
import { reviewRefusalText } from '../../src/bot/views/review-refusals.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { BIN, ROOT } from '../support/paths.ts';
import { demoRoster, lastYearDocument } from './helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let roster: Roster;
const id = (name: string) => roster.people.find((p) => p.name === name)!.id;
const NOW = new Date('2026-11-20T12:00:00Z');

/** A realistic review in progress: some confirmations, the four answers, last year's review on record. */
async function seedReview(year: number) {
  await db.stores.reviews.saveSubmission(db.partnership.id, {
    year: year - 1,
    submittedAt: new Date(`${year - 1}-11-28T12:00:00Z`),
    submittedById: id('Sam Taylor'),
    document: lastYearDocument(roster, year - 1),
  });
  const confirm = (name: string, resident: boolean, member: boolean, at: string) =>
    db.stores.reviews.confirmMembership(db.partnership.id, {
      personId: id(name),
      year,
      resident,
      member,
      confirmedAt: new Date(`${year}-${at}`),
    });
  await confirm('Margaret Okafor', true, true, '09-01T11:00:00Z');
  await confirm('Tom Whitfield', false, true, '09-02T18:30:00Z');
  await confirm('Helen Brooks', true, true, '09-03T09:00:00Z');
  await confirm('Rosa Novak', true, false, '10-14T18:00:00Z');
  await db.stores.reviews.saveAnswers(
    db.partnership.id,
    year,
    [
      {
        question: 'reflects-community',
        choice: 'partly',
        text: 'Younger residents are under-represented;\nwe are recruiting at the youth club.',
      },
      { question: 'followed-policies', choice: 'yes', text: '' },
      { question: 'ethos-values', choice: 'yes', text: 'Open meetings | monthly.' },
      { question: 'coi-guidance', choice: 'yes', text: '=Register reviewed in June.' },
    ],
    id('Sam Taylor'),
    new Date(`${year}-10-06T13:00:00Z`),
  );
}

beforeEach(async () => {
  db = await createDemoDatabase();
  roster = await db.stores.rosters.loadRoster(db.partnership.id);
});
afterEach(() => db.close());

const file = async (format: 'md' | 'csv', year = 2026, now = NOW) => {
  const r = await reviewFile(
    db.stores.reviews,
    await db.stores.rosters.loadRoster(db.partnership.id),
    year,
    format,
    now,
  );
  if (!r.ok) throw new Error(reviewRefusalText(r.error, roster.partnership.settings, 'command'));
  return r.value;
};

describe('the review export', () => {
  it('in Markdown: members, the four answers, the criteria and what changed since last year', async () => {
    await seedReview(2026);
    const md = await file('md');
    expect(md.filename).toBe('northfield-review-2026.md');
    const lines = md.content.split('\n');
    expect(lines.slice(0, 20)).toEqual([
      '# Partnership review 2026: Northfield Big Local',
      '',
      'Generated 2026-11-20; deadline 2026-12-31; not yet submitted.',
      '',
      '## Members',
      '',
      '| Name | Role | Resident | Membership confirmed | Membership form signed |',
      '|---|---|---|---|---|',
      '| Margaret Okafor | chair | yes | 2026-09-01 | not recorded |',
      '| David Hughes | vice-chair | yes | not confirmed | not recorded |',
      '| Priya Patel | secretary | yes | not confirmed | not recorded |',
      '| Tom Whitfield | treasurer | no | 2026-09-02 | not recorded |',
      '| Sarah Whitfield | member | yes | not confirmed | not recorded |',
      '| Aisha Rahman | member, councillor | yes | not confirmed | not recorded |',
      '| Gareth Jones | member | yes | not confirmed | not recorded |',
      '| Linda Marsh | member, non-voting, LTO representative | no | not confirmed | not recorded |',
      '| Kwame Mensah | member | yes | not confirmed | not recorded |',
      '| Helen Brooks | member | yes (the roster says no) | 2026-09-03 | not recorded |',
      '| Rosa Novak | member | yes | says they are no longer a member | not recorded |',
      '',
    ]);
    expect(md.content).toContain('Not members: Jo Brooks (paid worker); Sam Taylor (Big Local rep).');
    expect(md.content).toContain(
      [
        '## The four questions',
        '',
        '1. **Does the partnership currently reflect the community?** Partly.  ',
        '   Younger residents are under-represented;  ',
        '   we are recruiting at the youth club.',
        '2. **Has the partnership followed its own policies and procedures?** Yes.',
        '3. **Has the partnership behaved in line with the ethos and values of Big Local?** Yes.  ',
        '   Open meetings | monthly.',
        '4. **Does the partnership conform to Big Local’s conflicts of interest guidance?** Yes.  ',
        '   =Register reviewed in June.',
      ].join('\n'),
    );
    expect(md.content).toContain('**In criteria: 11 members, 8 of them residents.**');
    expect(md.content).toContain(
      '- Met: Residents are the majority. 8 of 11 members live in the area (72.7%); at least 51% must.',
    );
    expect(md.content).toContain('- Note: Reflects the community. Advisory: members "should broadly reflect');
    // checks say what to do, never a verdict (docs/house-style.md)
    expect(md.content).not.toMatch(/\[(pass|fail|warn|info)\]|\bfail/i);
    expect(md.content).not.toContain('Plan:');
    expect(
      md.content.endsWith(
        [
          '## What changed since last year (2025)',
          '',
          '- Tom Whitfield: member in 2025, now treasurer.',
          '- Kwame Mensah joined (member).',
          '- Helen Brooks now lives in the area.',
          '- Members counted: 10 (7 residents) in 2025, now 11 (8 residents).',
          '',
          '## Local policies (evidence for question 2)',
          '',
          'No local policies are recorded in the bot.',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('in CSV: one table with a section column, safe to open in a spreadsheet', async () => {
    await seedReview(2026);
    const csv = await file('csv');
    expect(csv.mimeType).toBe('text/csv');
    const rows = parse(csv.content, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'section',
      'item',
      'role',
      'resident',
      'membership_confirmed',
      'membership_form_signed',
      'answer',
      'notes',
    ]);
    const of = (section: string) => rows.filter((r) => r.section === section);
    expect(of('member').map((r) => [r.item, r.role, r.resident, r.membership_confirmed])).toContainEqual([
      'Tom Whitfield',
      'treasurer',
      'no',
      '2026-09-02',
    ]);
    expect(of('member').find((r) => r.item === 'Helen Brooks')).toMatchObject({
      resident: 'yes',
      notes: 'the roster says resident: no',
    });
    expect(of('member').find((r) => r.item === 'Rosa Novak')?.membership_confirmed).toBe('no longer a member');
    expect(of('other').map((r) => r.item)).toEqual(['Jo Brooks', 'Sam Taylor']);
    expect(of('question').map((r) => [r.answer, r.notes])).toEqual([
      ['Partly', 'Younger residents are under-represented;\nwe are recruiting at the youth club.'],
      ['Yes', ''],
      ['Yes', 'Open meetings | monthly.'],
      ['Yes', "'=Register reviewed in June."],
    ]);
    expect(of('criteria')[0]).toMatchObject({ item: 'Result', answer: 'in criteria' });
    expect(of('change').map((r) => r.item)).toEqual([
      'Tom Whitfield: member in 2025, now treasurer.',
      'Kwame Mensah joined (member).',
      'Helen Brooks now lives in the area.',
      'Members counted: 10 (7 residents) in 2025, now 11 (8 residents).',
    ]);
    expect(of('plan')).toEqual([]);
  });

  it('out of criteria: the plan and the timeline, in both formats', async () => {
    await db.stores.rosters.importRoster(
      'northfield',
      demoRoster({ without: ['Gareth Jones', 'Kwame Mensah', 'Rosa Novak', 'Aisha Rahman'] }),
    );
    await db.stores.reviews.saveAnswers(
      db.partnership.id,
      2026,
      [
        { question: 'plan', choice: null, text: 'Recruiting at the summer fair.' },
        { question: 'timeline', choice: null, text: 'By March 2027.' },
      ],
      id('Sam Taylor'),
      NOW,
    );
    const md = (await file('md')).content;
    expect(md).toContain('**Not in criteria: 7 members, 4 of them residents.**');
    expect(md).toContain(
      '## What the partnership is doing to meet the criteria, and the timeline\n\n**Plan:** Recruiting at the summer fair.\n\n**Timeline:** By March 2027.',
    );
    expect(md).toContain('No review from 2025 is on record, so there is nothing to compare with.');
    const checks = md.split('\n').filter((line) => /^- (Met|To act on|To watch|Note): /.test(line));
    expect(checks.some((line) => line.startsWith('- To act on: ') && line.includes(' To do: '))).toBe(true);
    expect(md).not.toMatch(/\[(pass|fail|warn|info)\]|\bfail/i);
    const rows = parse((await file('csv')).content, { columns: true }) as Record<string, string>[];
    const marks = rows.filter((r) => r.section === 'criteria' && r.item !== 'Result').map((r) => r.answer);
    expect(marks).toContain('to act on');
    expect(marks.every((m) => ['met', 'to act on', 'to watch', 'note'].includes(m!))).toBe(true);
    expect(rows.find((r) => r.answer === 'to act on')?.notes).toContain(' To do: ');
    expect(rows.filter((r) => r.section === 'plan' || r.section === 'timeline').map((r) => r.notes)).toEqual([
      'Recruiting at the summer fair.',
      'By March 2027.',
    ]);
  });

  it('a submitted year is exported exactly as submitted; an earlier year without a submission is refused', async () => {
    await seedReview(2026);
    const before = (await file('md')).content;
    await db.stores.reviews.saveSubmission(db.partnership.id, {
      year: 2026,
      submittedAt: NOW,
      submittedById: id('Sam Taylor'),
      document: (await file('md')).document,
    });
    await db.stores.rosters.importRoster('northfield', demoRoster({ without: ['Gareth Jones'] }));
    const later = await file('md', 2026, new Date('2026-12-20T12:00:00Z'));
    expect(later.content).toBe(before.replace('not yet submitted', 'submitted 2026-11-20'));
    const r = await reviewFile(db.stores.reviews, roster, 2024, 'md', NOW);
    expect(r.ok).toBe(false);
    expect(r.ok ? r : reviewRefusalText(r.error, roster.partnership.settings, 'command')).toBe(
      'No 2024 review was marked as submitted, so there is no record of it to export. The current review year is 2026.',
    );
  });
});

describe('partnership-bot review export', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: db.url },
    });
  const year = new Date().getUTCFullYear();

  it('prints the review, or writes it to a folder', async () => {
    await seedReview(year);
    const md = cli('review', 'export', '--partnership', 'northfield', '--year', String(year), '--format', 'md');
    expect(md.status).toBe(0);
    expect(md.stdout).toContain(`# Partnership review ${year}: Northfield Big Local`);
    expect(md.stdout).toContain('| Tom Whitfield | treasurer | no |');
    const dir = mkdtempSync(join(tmpdir(), 'review-export-'));
    const csv = cli(
      'review',
      'export',
      '--partnership',
      'northfield',
      '--year',
      String(year),
      '--format',
      'csv',
      '--out',
      dir,
    );
    expect(csv.status).toBe(0);
    expect(csv.stderr).toContain(`Wrote northfield-review-${year}.csv to ${dir}`);
    const rows = parse(readFileSync(join(dir, `northfield-review-${year}.csv`), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.filter((r) => r.section === 'member')).toHaveLength(11);
    expect(rows.find((r) => r.section === 'question')?.answer).toBe('Partly');
  });

  it('says what is wrong with the arguments', () => {
    const noYear = cli('review', 'export', '--partnership', 'northfield', '--format', 'csv');
    expect([noYear.status, noYear.stderr]).toEqual([2, expect.stringContaining('--year YYYY is required')]);
    const badFormat = cli('review', 'export', '--partnership', 'northfield', '--year', String(year), '--format', 'pdf');
    expect([badFormat.status, badFormat.stderr]).toEqual([
      2,
      expect.stringContaining('--format must be md or csv (got "pdf")'),
    ]);
    const unknown = cli('review', 'export', '--partnership', 'nowhere', '--year', String(year));
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      expect.stringContaining('No partnership "nowhere" in the database. Known: northfield.'),
    ]);
  });
});
