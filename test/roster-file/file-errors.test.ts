// Files that are wrong as a whole (headings, empty, too big, not text): one message naming the
// place and the fix, never a pile of follow-on errors or the file's bytes echoed back.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, type CsvRosterSources } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

function csvProblems(people: string, extra: Partial<CsvRosterSources> = {}): string[] {
  const result = parseRosterCsv({ partnershipName: 'P', people: { file: 'people.csv', text: people }, ...extra });
  if (result.ok) throw new Error('expected problems');
  return result.error.map((p) => `${p.where}: ${p.message}`);
}

function jsonProblems(text: string): string[] {
  const result = parseRosterJson(text, 'roster.json');
  if (result.ok) throw new Error('expected problems');
  return result.error.map((p) => `${p.where}: ${p.message}`);
}

/** Control characters and undecodable bytes: what would garble a terminal. */
// eslint-disable-next-line no-control-regex -- the characters a terminal must never receive
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;

describe('CSV headings', () => {
  it('says which heading to rename to what, and reports nothing else', () => {
    const people = lines('Full Name,Type,Lives locally?', 'Ann Lee,member,yes', 'Bob Hall,member,no', 'Cy,rep,');
    expect(csvProblems(people)).toEqual([
      `people.csv line 1, column "Full Name": rename this heading to "name" (the file needs a "name" column: each person's name)`,
      `people.csv line 1, column "Lives locally?": rename this heading to "resident" (the file needs a "resident" column: yes or no: lives in the area)`,
    ]);
  });

  it('asks for a column to be added when no heading is left to rename', () => {
    expect(csvProblems(lines('name,kind', 'Ann,member'))).toEqual([
      'people.csv line 1: add a column headed "resident" (yes or no: lives in the area); the headings are "name", "kind"',
    ]);
  });

  it('a near miss is matched by spelling, and the documented heading is asked for', () => {
    const people = lines('name,kind,resident', 'Ann,member,yes', 'Bob,member,yes');
    const relationships = { file: 'relationships.csv', text: lines('Person A,kind,Persn B', 'Ann,spouse,Bob') };
    expect(csvProblems(people, { relationships })).toEqual([
      'relationships.csv line 1, column "Persn B": rename this heading to "person_b" (the file needs a "person_b" column: the second person of the pair)',
    ]);
  });

  it('a wrong interests file is not followed by errors about the names in it', () => {
    const people = lines('name,kind,resident', 'Ann,member,yes');
    const interests = { file: 'interests.csv', text: lines('who,organisation,kind', 'Zed,X Ltd,director') };
    expect(csvProblems(people, { interests })).toEqual([
      'interests.csv line 1, column "who": rename this heading to "name" (the file needs a "name" column: each person\'s name)',
    ]);
  });
});

describe('files that are not text', () => {
  it('random bytes: says it is not a text file, without echoing them', () => {
    const bytes = randomBytes(4096).toString('utf8');
    for (const found of [...csvProblems(bytes), ...jsonProblems(bytes)]) {
      expect(found).toMatch(/^(people\.csv|roster\.json): is not a text (CSV|JSON) file \(it holds binary data/);
      expect(found).not.toMatch(BINARY);
    }
  });

  it('a spreadsheet (.xlsx is a zip) renamed to .csv', () => {
    expect(csvProblems('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml')).toEqual([
      'people.csv: is not a text CSV file (it holds binary data: perhaps a spreadsheet saved as .xlsx, or another kind of file renamed). In the spreadsheet, choose Save As (or Download) and "CSV UTF-8", then give that file.',
    ]);
  });

  it('a CSV saved as UTF-16 ("Unicode Text") is named as such', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('name,kind,resident\r\nAnn,member,yes\r\n', 'utf16le'),
    ]);
    expect(csvProblems(utf16.toString('utf8'))).toEqual([
      'people.csv: is saved as UTF-16 ("Unicode Text"), not UTF-8. In the spreadsheet, choose Save As (or Download) and "CSV UTF-8", then give that file.',
    ]);
  });

  it('a text file with a stray control character is still read as text, and the character is not echoed', () => {
    const found = jsonProblems('{"partnership": \u0007}');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^roster\.json: is not valid JSON at line 1, column 17 /);
    expect(found[0]).not.toMatch(BINARY);
  });
});

describe('empty and over-large JSON', () => {
  it('an empty file says it is empty', () => {
    for (const text of ['', '  \n\n', '\ufeff'])
      expect(jsonProblems(text)).toEqual([
        'roster.json: is empty; a JSON roster starts with { and names the "partnership" and its "people" (see docs/roster-format.md, or export one with roster export)',
      ]);
  });

  it('a file that is not an object says what a roster starts with', () => {
    expect(jsonProblems('name,kind,resident\nAnn,member,yes\n')[0]).toMatch(
      /^roster\.json: is not valid JSON at line 1, column 2 \(.*\); a JSON roster starts with \{, and this starts with "n" \(a CSV people file must end in \.csv\)$/,
    );
  });

  it('too many people: a plain sentence with the limit', () => {
    const people = Array.from({ length: 50_001 }, (_, i) => ({
      name: `P${i}`,
      kind: 'member',
      resident: true,
      voting: true,
      roles: [],
    }));
    expect(jsonProblems(JSON.stringify({ partnership: { name: 'P' }, people }))).toEqual([
      'roster.json: people: lists 50,001 entries; at most 50,000 are allowed (see "Limits" in docs/roster-format.md)',
    ]);
  });

  it('too many roles and too long an email: plain sentences', () => {
    const doc = {
      partnership: { name: 'P' },
      people: [
        {
          name: 'Ann',
          kind: 'member',
          resident: true,
          voting: true,
          roles: ['chair', 'vice-chair', 'secretary', 'treasurer', 'chair'],
          email: `${'a'.repeat(320)}@example.org`,
        },
      ],
    };
    const found = jsonProblems(JSON.stringify(doc));
    expect(found).toContain(
      'roster.json: people[0].roles: lists 5 entries; at most 4 are allowed (see "Limits" in docs/roster-format.md)',
    );
    expect(found.join('\n')).not.toMatch(/Too (big|small)/);
  });
});
