// CSV import for the spreadsheets reps keep, and CSV export back to the same columns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, type CsvRosterSources } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson, toRosterDocument } from '../../src/services/roster-file/document.ts';
import { rosterToCsv } from '../../src/services/roster-file/export.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

function parse(people: string, extra: Partial<Pick<CsvRosterSources, 'relationships' | 'interests'>> = {}) {
  const result = parseRosterCsv({
    partnershipName: 'Eastmarsh Big Local',
    people: { file: 'people.csv', text: people },
    ...extra,
  });
  if (!result.ok) throw new Error(formatProblems(result.error));
  return result.value;
}

function problems(
  people: string,
  extra: Partial<Pick<CsvRosterSources, 'relationships' | 'interests'>> = {},
): string[] {
  const result = parseRosterCsv({ partnershipName: 'P', people: { file: 'people.csv', text: people }, ...extra });
  if (result.ok) throw new Error('expected problems');
  return result.error.map((p) => `${p.where}: ${p.message}`);
}

describe('people.csv', () => {
  it('reads the documented columns', () => {
    const { document, roster } = parse(
      lines(
        'name,kind,resident,voting,roles,lto_representative,councillor,email',
        'Ann Lee,member,yes,yes,chair,no,no,ann@example.org',
        'Wes Worker,paid-worker,no,no,,no,no,',
      ),
    );
    expect(document.partnership.name).toBe('Eastmarsh Big Local');
    expect(roster.people.map((p) => [p.name, p.kind, p.resident, p.voting, p.roles, p.email])).toEqual([
      ['Ann Lee', 'member', true, true, ['chair'], 'ann@example.org'],
      ['Wes Worker', 'paid-worker', false, false, [], undefined],
    ]);
  });

  it('accepts the headings people actually type, in any order and case', () => {
    const { roster } = parse(
      lines(
        'E-mail address,Role(s),Type,Name,Resident?,Vote,LTO,Councillor',
        'bo@example.org,Vice Chair,Member,Bo Ray,Y,N,Yes,TRUE',
      ),
    );
    expect(roster.people[0]).toMatchObject({
      name: 'Bo Ray',
      kind: 'member',
      resident: true,
      voting: false,
      roles: ['vice-chair'],
      ltoRepresentative: true,
      councillor: true,
      email: 'bo@example.org',
    });
  });

  it('reads yes/no cells in their common spellings', () => {
    const yes = ['yes', 'Y', 'TRUE', '1', 'x', '✓'];
    const no = ['no', 'N', 'False', '0'];
    const rows = [...yes.map((v, i) => `Yes ${i},member,${v},yes`), ...no.map((v, i) => `No ${i},member,${v},yes`)];
    const { roster } = parse(lines('name,kind,resident,voting', ...rows));
    expect(roster.people.map((p) => p.resident)).toEqual([...yes.map(() => true), ...no.map(() => false)]);
  });

  it('a blank voting cell means voting for a member and not voting for anyone else; a blank resident cell means no for non-members', () => {
    const { roster } = parse(lines('name,kind,resident,voting', 'Mem,member,yes,', 'Wes,paid worker,,', 'Rae,rep,,'));
    expect(roster.people.map((p) => [p.kind, p.voting, p.resident])).toEqual([
      ['member', true, true],
      ['paid-worker', false, false],
      ['rep', false, false],
    ]);
  });

  it('reads a signed membership form from its two columns; a blank cell keeps the one recorded', () => {
    const { document } = parse(
      lines(
        'name,kind,resident,Membership form signed,Membership form reference',
        'Ann Lee,member,yes,14/09/2026,cabinet 2',
        'Bo Day,member,yes,2026-10-01,',
        'Cy Fox,member,no,,',
      ),
    );
    expect(document.people.map((p) => p.membershipForm)).toEqual([
      { signed: '14/09/2026', reference: 'cabinet 2' },
      { signed: '2026-10-01' },
      undefined,
    ]);
  });

  it('splits roles on ; , | or /', () => {
    const { roster } = parse(
      lines(
        'name,kind,resident,roles',
        'A,member,yes,"chair; treasurer"',
        'B,member,yes,secretary|vice chair',
        'C,member,yes,Chair/Secretary',
        'D,member,yes,"treasurer,secretary"',
      ),
    );
    expect(roster.people.map((p) => p.roles)).toEqual([
      ['chair', 'treasurer'],
      ['secretary', 'vice-chair'],
      ['chair', 'secretary'],
      ['treasurer', 'secretary'],
    ]);
  });

  it('handles a byte order mark, quoted commas, blank lines and Windows line endings', () => {
    const text = '\uFEFFname,kind,resident\r\n"Lee, Ann",member,yes\r\n\r\n"Ray, Bo",member,no\r\n';
    expect(parse(text).roster.people.map((p) => [p.name, p.resident])).toEqual([
      ['Lee, Ann', true],
      ['Ray, Bo', false],
    ]);
  });

  it('skips the empty rows spreadsheets export (",,,"), and still counts their lines', () => {
    const text = lines(
      'name,kind,resident,notes',
      'Ann,member,yes,',
      ',,,',
      ' , , ,',
      'Bob,member,often,',
      ',,,',
      ',,,see Ann',
    );
    expect(problems(text)).toEqual(['people.csv line 5, column "resident": "often" is not yes or no']);
    expect(parse(text.replace('often', 'no')).roster.people.map((p) => p.name)).toEqual(['Ann', 'Bob']);
  });
});

describe('relationships.csv and interests.csv', () => {
  const people = lines('name,kind,resident', 'Ann,member,yes', 'Bob,member,yes', 'Wes,paid-worker,no');

  it("reads relationships as person_a is person_b's kind", () => {
    const { roster } = parse(people, {
      relationships: {
        file: 'relationships.csv',
        text: lines('person_a,kind,person_b', 'Ann,parent,Bob', 'bob,Close Friend,WES'),
      },
    });
    const name = (id: string) => roster.people.find((p) => p.id === id)!.name;
    expect(roster.relationships.map((r) => [name(r.fromId), r.kind, name(r.toId)])).toEqual([
      ['Ann', 'parent', 'Bob'],
      ['Bob', 'close-friend', 'Wes'],
    ]);
  });

  it('accepts Person / Relationship / Of as relationship headings', () => {
    const { roster } = parse(people, {
      relationships: { file: 'r.csv', text: lines('Person,Relationship,Of', 'Ann,spouse,Bob') },
    });
    expect(roster.relationships).toHaveLength(1);
  });

  it('reads interests, one row each, attached to the named person', () => {
    const { roster } = parse(people, {
      interests: {
        file: 'interests.csv',
        text: lines(
          'Name,Organization,Kind,Details',
          'ann,"Acme Café, Ltd",Director,since 2019',
          'Ann,Food Bank,volunteer,',
        ),
      },
    });
    expect(roster.people[0]!.interests).toEqual([
      { organisation: 'Acme Café, Ltd', kind: 'director', detail: 'since 2019' },
      { organisation: 'Food Bank', kind: 'volunteer' },
    ]);
  });
});

describe('every bad row is reported with file, line and column', () => {
  it('bad cells in people.csv', () => {
    expect(
      problems(
        lines(
          'Name,Kind,Resident,Voting,Roles,Email',
          'Ann,member,maybe,yes,,ann@example.org',
          'Bob,volunteer,yes,yes,,',
          'Cy,member,,yes,president,not-an-email',
          ',member,yes,yes,,',
          'ann,member,yes,yes,,',
          'Wes,paid-worker,no,no,treasurer,',
        ),
      ),
    ).toEqual([
      'people.csv line 2, column "Resident": "maybe" is not yes or no',
      'people.csv line 4, column "Resident": is empty; write yes or no',
      'people.csv line 3, column "Kind": must be one of "member", "paid-worker" or "rep"',
      'people.csv line 4, column "Roles": must be one of "chair", "vice-chair", "secretary" or "treasurer"',
      'people.csv line 4, column "Email": must be an email address like name@example.org',
      'people.csv line 5, column "Name": must not be empty',
    ]);
  });

  it('a membership form with a bad day, a reference alone, or on someone who is not a member', () => {
    expect(
      problems(
        lines(
          'name,kind,resident,membership_form_signed,membership_form_reference',
          'Ann Lee,member,yes,31/02/2026,',
          'Bo Day,member,yes,,cabinet 2',
          'Wes Worker,paid-worker,no,2026-10-01,',
        ),
      ),
    ).toEqual([
      'people.csv line 3, column "membership_form_reference": a membership form reference needs the day the form was signed, in "membership_form_signed"',
      expect.stringMatching(/^people\.csv line 2, column "membership_form_signed": /),
      'people.csv line 4, column "membership_form_signed": only members sign a membership form; Wes Worker is a paid-worker',
    ]);
  });

  it('duplicate names and roles on non-members (checked once the cells are valid)', () => {
    expect(
      problems(lines('name,kind,resident,roles', 'Ann,member,yes,', 'ANN,member,no,', 'Wes,paid-worker,no,treasurer')),
    ).toEqual([
      'people.csv line 3, column "name": "ANN" appears twice; names must be unique (add a middle initial or surname to tell them apart)',
      'people.csv line 4, column "roles": only members hold officer roles; Wes is a paid-worker',
    ]);
  });

  it('missing columns, an empty file and an unreadable file', () => {
    expect(problems(lines('name,kind', 'Ann,member'))[0]).toBe(
      'people.csv line 1: add a column headed "resident" (yes or no: lives in the area); the headings are "name", "kind"',
    );
    expect(problems('')).toEqual(['people.csv: is empty; the first line must name the columns (name, kind, resident)']);
    expect(problems(lines('name,kind,resident', '"Ann,member,yes'))[0]).toMatch(
      /^people\.csv: is not a readable CSV file \(.+\); a cell that starts with a quote must end with one$/,
    );
  });

  it('relationships naming someone not in people.csv, or an unknown kind', () => {
    const people = lines('name,kind,resident', 'Ann,member,yes', 'Bob,member,yes');
    const rel = {
      file: 'relationships.csv',
      text: lines('person_a,kind,person_b', 'Ann,spouse,Bob', 'Ann,cousin,Bob', 'Ann,sibling,Zed', 'Bob,spouse,bob'),
    };
    expect(problems(people, { relationships: rel })).toEqual([
      'relationships.csv line 3, column "kind": must be one of "spouse", "civil-partner", "partner", "parent", "child", "grandparent", "grandchild", "sibling", "household" or "close-friend"',
    ]);
    const fixedKind = { ...rel, text: rel.text.replace('cousin', 'sibling') };
    expect(problems(people, { relationships: fixedKind })).toEqual([
      'relationships.csv line 4, column "person_b": "Zed" is not on the roster; add them to "people" or correct the name',
      'relationships.csv line 5: a relationship needs two different people, not Bob twice',
    ]);
  });

  it('interests naming someone not in people.csv, or with a bad kind', () => {
    const people = lines('name,kind,resident', 'Ann,member,yes');
    const interests = {
      file: 'interests.csv',
      text: lines('name,organisation,kind,detail', 'Zed,Acme,owner,', 'Ann,Acme,sponsor,'),
    };
    expect(problems(people, { interests })).toEqual([
      'interests.csv line 2, column "name": "Zed" is not in people.csv',
      'interests.csv line 3, column "kind": must be one of "employee", "owner", "director", "trustee", "member", "volunteer", "contractor" or "other"',
    ]);
  });

  it('counts lines from where a record starts, even after a quoted cell that spans lines in a Windows file', () => {
    const text = [
      'name,kind,resident',
      '"Ann',
      'Lee",member,yes',
      '',
      'Bob,member,maybe',
      'Cy,member,perhaps',
      '',
    ].join('\r\n');
    expect(problems(text)).toEqual([
      'people.csv line 5, column "resident": "maybe" is not yes or no',
      'people.csv line 6, column "resident": "perhaps" is not yes or no',
    ]);
    const interests = {
      file: 'interests.csv',
      text: 'name,organisation,kind,detail\r\nAnn Lee,Acme,owner,"two\r\nlines"\r\nAnn Lee,Acme,sponsor,\r\n',
    };
    expect(problems(lines('name,kind,resident', 'Ann Lee,member,yes'), { interests })[0]).toMatch(
      /^interests\.csv line 4, column "kind"/,
    );
  });
});

describe('CSV export', () => {
  it('writes the documented columns, and imports back to the same roster', () => {
    const parsed = parseRosterJson(readFileSync(DEMO_ROSTER, 'utf8'), 'demo.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    const csv = rosterToCsv(parsed.value.roster);
    expect(csv.people.split('\n')[0]).toBe(
      'name,kind,resident,voting,roles,lto_representative,councillor,email,membership_form_signed,membership_form_reference',
    );
    expect(csv.relationships.split('\n')[0]).toBe('person_a,kind,person_b');
    expect(csv.interests.split('\n')[0]).toBe('name,organisation,kind,detail');
    const back = parse(csv.people, {
      relationships: { file: 'relationships.csv', text: csv.relationships },
      interests: { file: 'interests.csv', text: csv.interests },
    });
    const { partnership: _a, ...original } = toRosterDocument(parsed.value.roster);
    const { partnership: _b, ...imported } = toRosterDocument(back.roster);
    expect(imported).toEqual(original);
  });

  it('writes each member’s signed membership form, and imports it back', () => {
    const doc = {
      partnership: { name: 'P' },
      people: [
        {
          name: 'Ann Lee',
          kind: 'member',
          resident: true,
          voting: true,
          roles: [],
          membershipForm: { signed: '2026-09-14', reference: 'https://files.example.org/forms/ann, signed.pdf' },
        },
        {
          name: 'Bo Day',
          kind: 'member',
          resident: true,
          voting: true,
          roles: [],
          membershipForm: { signed: '2026-10-01' },
        },
        { name: 'Cy Fox', kind: 'member', resident: false, voting: true, roles: [] },
      ],
    };
    const parsed = parseRosterJson(JSON.stringify(doc), 'r.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    const csv = rosterToCsv(parsed.value.roster);
    expect(csv.people.split('\n')[2]).toBe('Bo Day,member,yes,yes,,no,no,,2026-10-01,');
    const back = parse(csv.people);
    expect(toRosterDocument(back.roster).people).toEqual(toRosterDocument(parsed.value.roster).people);
  });

  it('quotes names and details containing commas and quotes so they survive the round trip', () => {
    const doc = {
      partnership: { name: 'P' },
      people: [
        {
          name: 'Lee, "Annie"',
          kind: 'member',
          resident: true,
          voting: true,
          roles: ['chair', 'treasurer'],
          interests: [{ organisation: 'Smith, Jones & Co', kind: 'owner', detail: 'half, "maybe" more' }],
        },
      ],
    };
    const parsed = parseRosterJson(JSON.stringify(doc), 'r.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    const csv = rosterToCsv(parsed.value.roster);
    const back = parse(csv.people, { interests: { file: 'interests.csv', text: csv.interests } });
    expect(back.roster.people[0]).toMatchObject({
      name: 'Lee, "Annie"',
      roles: ['chair', 'treasurer'],
      interests: [{ organisation: 'Smith, Jones & Co', kind: 'owner', detail: 'half, "maybe" more' }],
    });
  });
});
