// The record for the minutes: Markdown and CSV, from the chat and from the real CLI process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord } from '../../src/domain/decisions/record.ts';
import { recordCsv, recordMarkdown } from '../../src/bot/views/decision-minutes.ts';
import { recordText } from '../../src/bot/views/decision-plain-text.ts';
import { BIN, ROOT } from '../support/paths.ts';
import { createWorld, type World } from './world.ts';

const run = promisify(execFile);
let world: World;
let grant: string;
let secret: string;
let hidden: string;

async function voteAs(name: string, id: string, option: number) {
  await world.click(name, 'decision.declare.none', id);
  await world.click(name, 'decision.vote', `${id}:${option}`);
}

beforeAll(async () => {
  world = await createWorld();
  grant = await world.start({
    title: 'Youth trust summer grant',
    kind: 'grant',
    organisations: 'Riverside Youth Trust',
    description: '£2,000 for the summer scheme.',
  });
  world.clock.set('2026-10-20T10:00:00Z');
  await world.submit(
    'Gareth Jones',
    'decision.declare',
    { kind: 'loyalty', detail: 'I coach the trust’s football team' },
    grant,
  );
  for (const [i, name] of [
    'Margaret Okafor',
    'David Hughes',
    'Kwame Mensah',
    'Rosa Novak',
    'Helen Brooks',
    'Tom Whitfield',
  ].entries())
    await voteAs(name, grant, i < 4 ? 0 : 1);
  await world.click('Rosa Novak', 'decision.vote', `${grant}:2`); // changes her mind
  world.clock.set('2026-10-21T17:30:00Z');
  await world.click('Margaret Okafor', 'decision.close.confirm', grant);
  secret = await world.start({ title: 'Chair’s honorarium', ballot: 'secret' });
  await voteAs('Rosa Novak', secret, 0);
  await voteAs('Kwame Mensah', secret, 1);
  hidden = await world.start({ title: 'Logo choice', options: 'Blue; Green', visibility: 'after-close' });
  await voteAs('Rosa Novak', hidden, 1);
});
afterAll(async () => world?.close());

const recordOf = async (id: string) => {
  const state = (await world.db.stores.decisions.find({ id }))!;
  return buildRecord(state, await world.db.stores.rosters.loadRoster(state.decision.partnershipId));
};

describe('the minutes-ready record', () => {
  it('in Markdown: facts, result, quorum, resident share, declarations, recusals and votes, in London time', async () => {
    const md = recordMarkdown(await recordOf(grant));
    expect(md).toMatch(
      /^# Decision 1: Youth trust summer grant\n\nCarried \(For 3, Against 2, Abstain 1\)\. Next: the partnership acts on it; the chair records it in the minutes\.\n\n/,
    );
    expect(md).toContain(
      'Northfield Big Local. Grant decision; open ballot; results shown live. Put by Margaret Okafor on Tue 20 Oct 2026, 10:15am. Closed Wed 21 Oct 2026, 6:30pm, by the chair (it was due to close Fri 23 Oct 2026, 5pm).',
    );
    expect(md).toContain('Organisations involved: Riverside Youth Trust.');
    expect(md).toContain('£2,000 for the summer scheme.');
    expect(md).toContain('For 3, Against 2, Abstain 1. Most votes: For (3).');
    expect(md).toContain(
      'Quorum: at least 50% of voting members (5 of 10). 8 members eligible after recusals (2 recused). 6 voted: quorum met.',
    );
    expect(md).toContain('Residents were 4 of the 6 who voted (66.7%): a resident majority.');
    expect(md).toContain(
      '- Gareth Jones: declared a loyalty interest in Riverside Youth Trust: I coach the trust’s football team (Tue 20 Oct 2026, 11am)',
    );
    expect(md).toContain('- Rosa Novak: no interest (Tue 20 Oct 2026, 11am)');
    expect(md).toMatch(
      /- Priya Patel: loyalty interest \(Riverside Youth Trust\): Register of interests: Priya Patel: trustee of Riverside Youth Trust \(trustee since 2021\)\./,
    );
    expect(md).toMatch(
      /- Gareth Jones: loyalty interest \(Riverside Youth Trust\): Gareth Jones declared a loyalty interest for this decision/,
    );
    expect(md).toContain('- Rosa Novak: Abstain (Tue 20 Oct 2026, 11am; changed once)');
    expect(md).toContain('- Tom Whitfield: Against (Tue 20 Oct 2026, 11am)');
    expect(md).toMatch(/Times are Europe\/London\.\n$/);
  });

  it('in CSV: one row per fact, for a spreadsheet', async () => {
    const rows = parse(recordCsv(await recordOf(grant)), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['section', 'item', 'value', 'person', 'time']);
    expect(rows).toContainEqual({
      section: 'decision',
      item: 'closed',
      value: 'chair',
      person: '',
      time: '2026-10-21T18:30:00+01:00',
    });
    expect(rows).toContainEqual({
      section: 'declaration',
      item: 'loyalty interest',
      value: 'Riverside Youth Trust: I coach the trust’s football team',
      person: 'Gareth Jones',
      time: '2026-10-20T11:00:00+01:00',
    });
    expect(rows.filter((r) => r.section === 'recusal').map((r) => r.person)).toEqual(['Priya Patel', 'Gareth Jones']);
    expect(rows.filter((r) => r.section === 'vote').map((r) => [r.person, r.item, r.value])).toContainEqual([
      'Rosa Novak',
      'Abstain',
      '1',
    ]);
    expect(rows.filter((r) => r.section === 'tally').map((r) => [r.item, r.value])).toEqual([
      ['For', '3'],
      ['Against', '2'],
      ['Abstain', '1'],
    ]);
    expect(rows).toContainEqual({ section: 'quorum', item: 'met', value: 'yes', person: '', time: '' });
    expect(rows).toContainEqual({
      section: 'residents',
      item: 'residents who voted',
      value: '4',
      person: '',
      time: '',
    });
  });

  it('keeps spreadsheet formulas typed into a title as plain text', async () => {
    const record = { ...(await recordOf(grant)), title: '=HYPERLINK("http://example.org")' };
    const rows = parse(recordCsv(record), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.item === 'title')?.value).toBe(`'=HYPERLINK("http://example.org")`);
  });

  it('never names secret voters, and hides results until close', async () => {
    const secretCsv = recordCsv(await recordOf(secret));
    expect(secretCsv).toContain('vote,secret ballot,2,,');
    expect(secretCsv).not.toMatch(/vote,(For|Against),/);
    const hiddenMd = recordMarkdown(await recordOf(hidden));
    expect(hiddenMd).toContain('Results are hidden until the decision closes.');
    expect(hiddenMd).toContain('- Rosa Novak (Wed 21 Oct 2026, 6:30pm)');
    expect(hiddenMd).not.toMatch(/Rosa Novak: Green|Green 1/);
  });
});

describe('partnership-bot decision (the real CLI process)', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, 'decision', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: world.db.url },
    });

  it('exports the record as Markdown, CSV or plain text, by number or by id', async () => {
    const md = await cli('export', '1', '--partnership', 'northfield', '--format', 'md');
    expect(md.stdout).toBe(recordMarkdown(await recordOf(grant)));
    const txt = await cli('export', '1', '--partnership', 'northfield', '--format', 'txt');
    expect(txt.stdout).toBe(recordText(await recordOf(grant)));
    expect(txt.stdout).toMatch(/^Decision 1: Youth trust summer grant\n=+\n\nCarried /);
    expect(txt.stdout).not.toMatch(/^#/m);
    const csv = await cli('export', secret, '--format', 'csv');
    expect(csv.stdout).toBe(recordCsv(await recordOf(secret)));
    expect(csv.stdout).not.toMatch(/^vote,.*(Rosa Novak|Kwame Mensah)/m);
    const list = await cli('list', '--partnership', 'northfield');
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t').slice(0, 2)),
    ).toEqual([
      ['3', 'open'],
      ['2', 'open'],
      ['1', 'closed'],
    ]);
  });

  it('says what is wrong, with the usual exit codes', async () => {
    const fail = (args: string[]) =>
      cli(...args).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
    expect(await fail(['export', '1', '--format', 'md'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Decision 1 of which partnership\? Add --partnership SLUG/),
    });
    expect(await fail(['export', '1', '--partnership', 'northfield', '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be md \(Markdown\), csv \(a spreadsheet\) or txt/),
    });
    expect(await fail(['export', '9', '--partnership', 'northfield'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Northfield Big Local has no Decision 9/),
    });
    expect(await fail(['export'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/decision export needs an ID/),
    });
  });
});
