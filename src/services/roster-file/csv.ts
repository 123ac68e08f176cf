// CSV import for the spreadsheets reps keep (docs/roster-format.md): a people file, and optional
// relationships and interests files. Rows become a roster document and go through exactly the
// same validation as JSON; every problem names its file, line and column.
import { parse } from 'csv-parse/sync';
import { defaultSettings, type PartnershipSettings } from '../../domain/settings.ts';
import { fail, type Problem, type Result } from '../../domain/result.ts';
import { parseRosterDocument, type ParsedRoster } from './document.ts';
import { SETTINGS_COLUMNS, SETTINGS_REQUIRED, settingsFromTable } from './settings-csv.ts';
import { headingKey, missingColumnProblems } from './headings.ts';
import { notTextProblem, printable } from './text-file.ts';

export interface CsvSource {
  file: string;
  text: string;
}

export interface CsvRosterSources {
  partnershipName: string;
  people: CsvSource;
  relationships?: CsvSource | undefined;
  interests?: CsvSource | undefined;
  /** settings.csv: one row per setting (`setting,value`); settings it leaves out keep their stored value */
  settings?: CsvSource | undefined;
}

/** Spreadsheet headings people actually type, mapped to the format's field names. */
const PEOPLE_COLUMNS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  type: 'kind',
  resident: 'resident',
  voting: 'voting',
  vote: 'voting',
  roles: 'roles',
  role: 'roles',
  ltorepresentative: 'ltoRepresentative',
  lto: 'ltoRepresentative',
  councillor: 'councillor',
  email: 'email',
  emailaddress: 'email',
  membershipformsigned: 'formSigned',
  membershipform: 'formSigned',
  formsigned: 'formSigned',
  membershipformreference: 'formReference',
  formreference: 'formReference',
};
const RELATIONSHIP_COLUMNS: Record<string, string> = {
  persona: 'a',
  person: 'a',
  kind: 'kind',
  relationship: 'kind',
  personb: 'b',
  of: 'b',
};
const INTEREST_COLUMNS: Record<string, string> = {
  name: 'name',
  person: 'name',
  organisation: 'organisation',
  organization: 'organisation',
  kind: 'kind',
  detail: 'detail',
  details: 'detail',
};

/** How the documentation writes a required column whose field name differs. */
const RELATIONSHIP_HEADINGS: Record<string, string> = { a: 'person_a', b: 'person_b' };

interface Row {
  line: number;
  cells: Map<string, string>;
}

interface Table {
  rows: Row[];
  columnOf: Map<string, string>;
  /** the file itself is wrong (not text, unreadable, empty, headings missing): its rows were not read */
  broken: boolean;
}

function readTable(
  source: CsvSource,
  columns: Record<string, string>,
  required: string[],
  problems: Problem[],
  headingFor: (field: string) => string = (field) => field,
): Table {
  const broken = (problem: Problem | Problem[]): Table => {
    problems.push(...[problem].flat());
    return { rows: [], columnOf: new Map(), broken: true };
  };
  const notText = notTextProblem(source.file, source.text, 'CSV');
  if (notText) return broken(notText);
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(source.text, {
      bom: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const why = printable(error instanceof Error ? error.message : String(error), 200);
    return broken({
      where: source.file,
      message: `is not a readable CSV file (${why}); a cell that starts with a quote must end with one`,
    });
  }
  const lines = startLines(records.map((r) => r.raw));
  const [header, ...body] = records;
  if (!header) {
    return broken({
      where: source.file,
      message: `is empty; the first line must name the columns (${required.map(headingFor).join(', ')})`,
    });
  }
  const fields = header.record.map((h) => columns[headingKey(h)]);
  const columnOf = new Map<string, string>();
  header.record.forEach((h, i) => {
    const f = fields[i];
    if (f) columnOf.set(f, h);
  });
  const missing = required.filter((r) => !fields.includes(r));
  // Every row would repeat the missing column: the headings are the one thing to fix.
  if (missing.length)
    return broken(
      missingColumnProblems(
        source.file,
        header.record.map((h) => printable(h)),
        columns,
        missing,
        headingFor,
      ),
    );
  const rows = body.map(({ record }, index) => {
    const cells = new Map<string, string>();
    record.forEach((value, i) => {
      const f = fields[i];
      if (f && value !== '') cells.set(f, value);
    });
    return { line: lines[index + 1] ?? 0, cells };
  });
  // Spreadsheets export formatted but empty rows as ",,,,": they are not people.
  return { rows: rows.filter((row) => row.cells.size > 0), columnOf, broken: false };
}

const breaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * The line each record starts on. csv-parse's own count ends at a record's last line and counts a
 * CRLF inside a quoted cell twice, so every later row of an Excel file would be misreported.
 */
function startLines(raws: readonly string[]): number[] {
  let before = 0;
  return raws.map((raw) => {
    const line = 1 + before + breaks(/^[\r\n]*/.exec(raw)?.[0] ?? ''); // skipped blank lines come first
    before += breaks(raw);
    return line;
  });
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓']);
const NO = new Set(['no', 'n', 'false', '0']);

function yesNo(value: string | undefined, fallback: boolean | undefined, where: string, problems: Problem[]): boolean {
  if (value === undefined) {
    if (fallback === undefined) problems.push({ where, message: 'is empty; write yes or no' });
    return fallback ?? false;
  }
  const v = value.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  problems.push({ where, message: `"${value}" is not yes or no` });
  return false;
}

export function parseRosterCsv(
  sources: CsvRosterSources,
  base: PartnershipSettings = defaultSettings(),
): Result<ParsedRoster> {
  const problems: Problem[] = [];
  // Each file is read first: a file that is itself wrong (its headings, not text) is all that is
  // reported, since every row and every name in the other files would repeat it.
  const settingsTable = sources.settings && readTable(sources.settings, SETTINGS_COLUMNS, SETTINGS_REQUIRED, problems);
  const people = readTable(sources.people, PEOPLE_COLUMNS, ['name', 'kind', 'resident'], problems);
  const interestsTable =
    sources.interests && readTable(sources.interests, INTEREST_COLUMNS, ['name', 'organisation', 'kind'], problems);
  const relationshipsTable =
    sources.relationships &&
    readTable(
      sources.relationships,
      RELATIONSHIP_COLUMNS,
      ['a', 'kind', 'b'],
      problems,
      (f) => RELATIONSHIP_HEADINGS[f] ?? f,
    );
  if ([settingsTable, people, interestsTable, relationshipsTable].some((t) => t?.broken)) return fail(problems);
  if (sources.settings && settingsTable) base = settingsFromTable(sources.settings.file, settingsTable, base, problems);
  const where = new Map<string, string>(); // document path -> file position
  const at = (source: CsvSource, line: number, column: string | undefined) =>
    `${source.file} line ${line}${column ? `, column "${column}"` : ''}`;

  const col = (f: string) => people.columnOf.get(f);
  const entries = people.rows.map((row, index) => {
    const pos = (f: string) => at(sources.people, row.line, col(f));
    for (const f of ['name', 'kind', 'roles', 'email', 'resident', 'voting']) where.set(`people.${index}.${f}`, pos(f));
    where.set(`people.${index}`, at(sources.people, row.line, undefined));
    where.set(`people.${index}.membershipForm`, pos('formSigned'));
    where.set(`people.${index}.membershipForm.signed`, pos('formSigned'));
    where.set(`people.${index}.membershipForm.reference`, pos('formReference'));
    const kind = row.cells.get('kind')?.toLowerCase().replace(/\s+/g, '-');
    const isMember = kind === 'member';
    const email = row.cells.get('email');
    // A blank cell keeps the form already recorded (as a JSON entry without membershipForm does).
    const signed = row.cells.get('formSigned');
    const reference = row.cells.get('formReference');
    if (reference && !signed)
      problems.push({
        where: pos('formReference'),
        message: 'a membership form reference needs the day the form was signed, in "membership_form_signed"',
      });
    return {
      name: row.cells.get('name') ?? '',
      kind: kind ?? '',
      resident: yesNo(row.cells.get('resident'), isMember ? undefined : false, pos('resident'), problems),
      voting: yesNo(row.cells.get('voting'), isMember, pos('voting'), problems),
      roles: (row.cells.get('roles') ?? '')
        .split(/[;,|/]/)
        .map((r) => r.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter(Boolean),
      ltoRepresentative: yesNo(row.cells.get('ltoRepresentative'), false, pos('ltoRepresentative'), problems),
      councillor: yesNo(row.cells.get('councillor'), false, pos('councillor'), problems),
      ...(email ? { email } : {}),
      ...(signed ? { membershipForm: { signed, ...(reference ? { reference } : {}) } } : {}),
      // Interests only when an interests file is given: without one, an import keeps the register.
      ...(sources.interests ? { interests: [] as { organisation: string; kind: string; detail?: string }[] } : {}),
    };
  });

  const byName = new Map(entries.map((e, i) => [e.name.toLowerCase(), i]));
  if (sources.interests && interestsTable) {
    const table = interestsTable;
    for (const row of table.rows) {
      const who = row.cells.get('name') ?? '';
      const index = byName.get(who.toLowerCase());
      if (index === undefined) {
        problems.push({
          where: at(sources.interests, row.line, table.columnOf.get('name')),
          message: `"${who}" is not in ${sources.people.file}`,
        });
        continue;
      }
      const entry = entries[index]!;
      const list = entry.interests ?? (entry.interests = []);
      for (const f of ['organisation', 'kind', 'detail'])
        where.set(
          `people.${index}.interests.${list.length}.${f}`,
          at(sources.interests, row.line, table.columnOf.get(f)),
        );
      const detail = row.cells.get('detail');
      list.push({
        organisation: row.cells.get('organisation') ?? '',
        kind: (row.cells.get('kind') ?? '').toLowerCase(),
        ...(detail ? { detail } : {}),
      });
    }
  }
  const relationships: { between: [string, string]; kind: string }[] = [];
  if (sources.relationships && relationshipsTable) {
    const table = relationshipsTable;
    for (const row of table.rows) {
      const i = relationships.length;
      where.set(`relationships.${i}.between.0`, at(sources.relationships, row.line, table.columnOf.get('a')));
      where.set(`relationships.${i}.between.1`, at(sources.relationships, row.line, table.columnOf.get('b')));
      where.set(`relationships.${i}.kind`, at(sources.relationships, row.line, table.columnOf.get('kind')));
      where.set(`relationships.${i}`, at(sources.relationships, row.line, undefined));
      relationships.push({
        between: [row.cells.get('a') ?? '', row.cells.get('b') ?? ''],
        kind: (row.cells.get('kind') ?? '').toLowerCase().replace(/\s+/g, '-'),
      });
    }
  }
  const locate = (path: readonly PropertyKey[]): string => {
    for (let n = path.length; n > 0; n--) {
      const found = where.get(path.slice(0, n).map(String).join('.'));
      if (found) return found;
    }
    return sources.people.file;
  };
  const document = {
    partnership: { name: sources.partnershipName },
    people: entries,
    ...(sources.relationships ? { relationships } : {}),
  };
  const parsed = parseRosterDocument(document, locate, base);
  // Report the spreadsheet's own problems (yes/no cells, columns) together with the format's.
  if (problems.length) return fail([...problems, ...(parsed.ok ? [] : parsed.error)]);
  return parsed;
}
