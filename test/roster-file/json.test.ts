// The JSON roster format (docs/roster-format.md): parse, validate, and the exact inverse for export.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRosterJson, toRosterDocument } from '../../src/services/roster-file/document.ts';
import { rosterToJson } from '../../src/services/roster-file/export.ts';
import { INTEREST_KINDS, RELATIONSHIP_KINDS, ROLES } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { DEFAULT_SETTINGS_OBJECT } from '../support/settings.ts';
import { DEMO_ROSTER } from '../support/paths.ts';

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'member',
  resident: true,
  voting: true,
  roles: [],
  ...extra,
});

/** The problems for a document, as the CLI prints them. */
function problems(doc: unknown): string {
  const parsed = parseRosterJson(typeof doc === 'string' ? doc : JSON.stringify(doc), 'roster.json');
  if (parsed.ok) throw new Error('expected problems');
  return formatProblems(parsed.error);
}

describe('reading a JSON roster', () => {
  it('reads the demo roster: people, roles, flags, interests and relationships resolved to people', () => {
    const parsed = parseRosterJson(readFileSync(DEMO_ROSTER, 'utf8'), 'demo.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    const { roster } = parsed.value;
    expect(roster.partnership.name).toBe('Northfield Big Local');
    expect(roster.people).toHaveLength(13);
    const linda = roster.people.find((p) => p.name === 'Linda Marsh')!;
    expect([linda.kind, linda.voting, linda.ltoRepresentative, linda.councillor]).toEqual([
      'member',
      false,
      true,
      false,
    ]);
    const byId = new Map(roster.people.map((p) => [p.id, p.name]));
    expect(roster.relationships.map((r) => [byId.get(r.fromId), r.kind, byId.get(r.toId)])).toContainEqual([
      'Tom Whitfield',
      'spouse',
      'Sarah Whitfield',
    ]);
  });

  it('takes residentThreshold from the file, and the partnership default otherwise', () => {
    const doc = { partnership: { name: 'P', residentThreshold: 0.6 }, people: [person('Ann')] };
    const parsed = parseRosterJson(JSON.stringify(doc), 'r.json');
    expect(parsed.ok && parsed.value.roster.partnership.settings.residentThreshold).toBe(0.6);
    const base = { ...defaultSettings(), residentThreshold: 0.55 };
    const inherited = parseRosterJson(JSON.stringify({ partnership: { name: 'P' }, people: [] }), 'r.json', base);
    expect(inherited.ok && inherited.value.roster.partnership.settings.residentThreshold).toBe(0.55);
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(
      parseRosterJson(`\uFEFF${JSON.stringify({ partnership: { name: 'P' }, people: [person('Ann')] })}`, 'r.json').ok,
    ).toBe(true);
  });

  it('matches relationship names without regard to case, and drops repeated roles', () => {
    const doc = {
      partnership: { name: 'P' },
      people: [person('Ann Lee', { roles: ['chair', 'chair'] }), person('Bob')],
      relationships: [{ between: ['ann lee', 'BOB'], kind: 'parent' }],
    };
    const parsed = parseRosterJson(JSON.stringify(doc), 'r.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    expect(parsed.value.roster.people[0]!.roles).toEqual(['chair']);
    expect(parsed.value.roster.relationships).toEqual([{ fromId: 'person-1', toId: 'person-2', kind: 'parent' }]);
  });
});

describe('bad input names the file and the field', () => {
  it('invalid JSON: line and column', () => {
    expect(problems('{\n  "partnership": { "name": "P" },\n  "people": [,]\n}')).toMatch(
      /^roster\.json: is not valid JSON at line 3, column 14 \(.*\); check for a missing comma or quote$/s,
    );
    expect(problems('{"partnership": ')).toMatch(/^roster\.json: is not valid JSON/);
  });

  it('not an object, missing sections and wrong types', () => {
    expect(problems([])).toBe('roster.json: top level: must be an object');
    expect(problems({ people: [] })).toBe('roster.json: partnership: is missing (expected object)');
    expect(
      problems({ partnership: { name: 'P' }, people: [person('Ann', { resident: 'yes', voting: undefined })] }),
    ).toBe(
      'roster.json: people[0].resident: must be a boolean\nroster.json: people[0].voting: is missing (expected boolean)',
    );
    expect(problems({ partnership: { name: ' ' }, people: [] })).toBe(
      'roster.json: partnership.name: must not be empty',
    );
  });

  it('unknown kind, role, relationship kind and interest kind list the accepted values', () => {
    /** `"a", "b" or "c"` */
    const either = (xs: readonly string[]) =>
      `${xs
        .slice(0, -1)
        .map((x) => `"${x}"`)
        .join(', ')} or "${xs.at(-1)}"`;
    const out = problems({
      partnership: { name: 'P' },
      people: [
        person('Ann', { kind: 'volunteer', roles: ['president'], interests: [{ organisation: 'X', kind: 'friend' }] }),
      ],
      relationships: [{ between: ['Ann', 'Ann'], kind: 'cousin' }],
    });
    expect(out).toContain('roster.json: people[0].kind: must be one of "member", "paid-worker" or "rep"');
    expect(out).toContain(`roster.json: people[0].roles[0]: must be one of ${either(ROLES)}`);
    expect(out).toContain(`roster.json: people[0].interests[0].kind: must be one of ${either(INTEREST_KINDS)}`);
    expect(out).toContain(`roster.json: relationships[0].kind: must be one of ${either(RELATIONSHIP_KINDS)}`);
  });

  it('unknown fields, anywhere', () => {
    expect(
      problems({ partnership: { name: 'P', slug: 'p' }, people: [person('Ann', { colour: 'red', Resident: true })] }),
    ).toBe(
      'roster.json: partnership: has unknown field "slug" (check the spelling against docs/roster-format.md)\n' +
        'roster.json: people[0]: has unknown fields "colour", "Resident" (check the spelling against docs/roster-format.md)',
    );
  });

  it('a duplicate name, whatever its case', () => {
    expect(problems({ partnership: { name: 'P' }, people: [person('Ann Lee'), person('ann lee ')] })).toBe(
      'roster.json: people[1].name: "ann lee" appears twice; names must be unique (add a middle initial or surname to tell them apart)',
    );
  });

  it('a relationship naming someone not on the roster, or one person twice', () => {
    const out = problems({
      partnership: { name: 'P' },
      people: [person('Ann')],
      relationships: [
        { between: ['Ann', 'Zed'], kind: 'spouse' },
        { between: ['ann', 'ANN'], kind: 'sibling' },
      ],
    });
    expect(out).toBe(
      'roster.json: relationships[0].between[1]: "Zed" is not on the roster; add them to "people" or correct the name\n' +
        'roster.json: relationships[1].between: a relationship needs two different people, not ann twice',
    );
    expect(
      problems({
        partnership: { name: 'P' },
        people: [person('Ann')],
        relationships: [{ between: ['Ann'], kind: 'spouse' }],
      }),
    ).toContain('relationships[0].between');
  });

  it('officer roles on someone who is not a member', () => {
    expect(
      problems({
        partnership: { name: 'P' },
        people: [person('Wes', { kind: 'paid-worker', voting: false, roles: ['treasurer'] })],
      }),
    ).toBe('roster.json: people[0].roles: only members hold officer roles; Wes is a paid-worker');
  });

  it('a bad email address', () => {
    expect(problems({ partnership: { name: 'P' }, people: [person('Ann', { email: 'ann at example' })] })).toBe(
      'roster.json: people[0].email: must be an email address like name@example.org',
    );
  });

  it('a resident threshold out of range (0 < threshold <= 1)', () => {
    for (const t of [0, -0.2, 1.5, 51]) {
      expect(problems({ partnership: { name: 'P', residentThreshold: t }, people: [] })).toMatch(
        /^roster\.json: partnership\.residentThreshold: must be (more than 0|a fraction no more than 1, such as 0\.51)$/,
      );
    }
    expect(
      parseRosterJson(JSON.stringify({ partnership: { name: 'P', residentThreshold: 1 }, people: [] }), 'r.json').ok,
    ).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const out = problems({
      partnership: { name: 'P' },
      people: [person('A'), person('a'), person('B', { kind: 'rep', roles: ['chair'] })],
      relationships: [{ between: ['A', 'Q'], kind: 'spouse' }],
    });
    expect(out.split('\n')).toHaveLength(3);
  });
});

describe('export is the inverse of import', () => {
  it('the demo roster comes back as written, with every setting in "settings"', () => {
    const text = readFileSync(DEMO_ROSTER, 'utf8');
    const parsed = parseRosterJson(text, 'demo.json');
    if (!parsed.ok) throw new Error(formatProblems(parsed.error));
    const written = JSON.parse(text) as { partnership: { name: string; residentThreshold: number } };
    // the file's older `residentThreshold` comes back inside `settings`, with every other setting
    expect(written.partnership.residentThreshold).toBe(0.51);
    const expected = { ...written, partnership: { name: written.partnership.name, settings: DEFAULT_SETTINGS_OBJECT } };
    expect(toRosterDocument(parsed.value.roster)).toEqual(expected);
    expect(JSON.parse(rosterToJson(parsed.value.roster))).toEqual(expected);
    const again = parseRosterJson(rosterToJson(parsed.value.roster), 'demo.json');
    if (!again.ok) throw new Error(formatProblems(again.error));
    expect(toRosterDocument(again.value.roster)).toEqual(expected);
  });

  it('any valid roster survives export and re-import unchanged', () => {
    const nameArb = fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/);
    const personArb = fc.record({
      kind: fc.constantFrom('member', 'paid-worker', 'rep'),
      resident: fc.boolean(),
      voting: fc.boolean(),
      lto: fc.boolean(),
      councillor: fc.boolean(),
      roles: fc.subarray([...ROLES]),
      interests: fc.array(
        fc.record({
          organisation: fc.constantFrom('Acme Ltd', 'The Trust', 'Café Zoë'),
          kind: fc.constantFrom(...INTEREST_KINDS),
        }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(nameArb, { minLength: 2, maxLength: 8, selector: (n) => n.toLowerCase() }),
        fc.array(personArb, { minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.constantFrom(...RELATIONSHIP_KINDS)), { maxLength: 5 }),
        (names, specs, rels) => {
          const people = names.map((name, i) => {
            const s = specs[i]!;
            return {
              name,
              kind: s.kind,
              resident: s.resident,
              voting: s.voting,
              roles: s.kind === 'member' ? s.roles : [],
              ...(s.lto ? { ltoRepresentative: true } : {}),
              ...(s.councillor ? { councillor: true } : {}),
              ...(s.interests.length ? { interests: s.interests } : {}),
            };
          });
          const relationships = rels
            .map(([a, b, kind]) => [names[a % names.length]!, names[b % names.length]!, kind] as const)
            .filter(([a, b]) => a !== b)
            .map(([a, b, kind]) => ({ between: [a, b], kind }));
          const doc = {
            partnership: { name: 'Round Trip', settings: DEFAULT_SETTINGS_OBJECT },
            people,
            ...(relationships.length ? { relationships } : {}),
          };
          const first = parseRosterJson(JSON.stringify(doc), 'r.json');
          if (!first.ok) throw new Error(formatProblems(first.error));
          const again = parseRosterJson(rosterToJson(first.value.roster), 'r.json');
          if (!again.ok) throw new Error(formatProblems(again.error));
          expect(toRosterDocument(again.value.roster)).toEqual(doc);
        },
      ),
      { numRuns: 60 },
    );
  });
});
