// The roster file format (docs/roster-format.md). Every route in (JSON file, CSV files, chat)
// ends here, so the same rules and the same messages apply whatever the source.
import { z } from 'zod';
import { INTEREST_KINDS, PERSON_KINDS, RELATIONSHIP_KINDS, ROLES, withArticle } from '../../domain/roster.ts';
import type { MembershipForm, Person, Relationship, Relative, Roster } from '../../domain/roster.ts';
import { validateMembershipForm } from '../../domain/membership-forms.ts';
import { parseRelatives, relativesDocument, relativesSchema } from './relatives.ts';
import { defaultSettings, type PartnershipSettings } from '../../domain/settings.ts';
import {
  checkSettings,
  mergeSettingsObject,
  settingsObjectOf,
  settingsObjectSchema,
} from '../../domain/settings-text.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import type { ImportScope } from '../ports/index.ts';
import { describeJsonErrorPosition } from './json-position.ts';
import { notTextProblem, printable } from './text-file.ts';
import { joinOr } from '../../domain/choices.ts';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const interestSchema = z.strictObject({
  organisation: name,
  kind: z.enum(INTEREST_KINDS),
  detail: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});

const personSchema = z.strictObject({
  name,
  kind: z.enum(PERSON_KINDS),
  resident: z.boolean(),
  voting: z.boolean(),
  roles: z.array(z.enum(ROLES)).max(4),
  ltoRepresentative: z.boolean().optional(),
  councillor: z.boolean().optional(),
  email: z.email('must be an email address like name@example.org').max(320).optional(),
  interests: z.array(interestSchema).max(200).optional(),
  /** the signed membership form; checked against the form rules once parsed (membership-forms.ts) */
  membershipForm: z.strictObject({ signed: z.string().max(40), reference: z.string().max(1000).optional() }).optional(),
});

export const rosterDocumentSchema = z.strictObject({
  partnership: z.strictObject({
    name,
    residentThreshold: z
      .number()
      .gt(0, 'must be more than 0')
      .lte(1, 'must be a fraction no more than 1, such as 0.51')
      .optional(),
    /** every setting the file sets (docs/roster-format.md); those left out keep their stored value */
    settings: settingsObjectSchema.optional(),
  }),
  people: z.array(personSchema).max(50_000),
  relationships: z
    .array(z.strictObject({ between: z.tuple([name, name]), kind: z.enum(RELATIONSHIP_KINDS) }))
    .max(200_000)
    .optional(),
  relatives: relativesSchema.optional(),
});

export type RosterDocument = z.infer<typeof rosterDocumentSchema>;
export type PersonEntry = RosterDocument['people'][number];

/** Maps a path in the document (["people", 3, "kind"]) to words a person can find in their file. */
export type Locate = (path: readonly PropertyKey[]) => string;

export const locateInJson =
  (file: string): Locate =>
  (path) =>
    `${file}: ${path.length ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : 'top level'}`;

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${joinOr(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `is missing (expected ${issue.expected})`
        : `must be ${withArticle(issue.expected)}`;
    case 'too_big':
    case 'too_small':
      return describeSize(issue);
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling against docs/roster-format.md)`;
    default:
      return issue.message;
  }
}

const count = (n: number | bigint): string => n.toLocaleString('en-GB');

/** A plain sentence for a limit (docs/roster-format.md, "Limits"), unless the schema gave its own. */
function describeSize(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  if (!/^Too (big|small)/.test(issue.message)) return issue.message;
  const input = issue.input;
  const limits = 'see "Limits" in docs/roster-format.md';
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `lists ${Array.isArray(input) ? count(input.length) : 'too many'} entries; at most ${count(issue.maximum)} are allowed (${limits})`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `is ${typeof input === 'string' ? count(input.length) : 'too many'} characters long; at most ${count(issue.maximum)} are allowed`;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `must list at least ${count(issue.minimum)} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  return issue.code === 'too_big'
    ? `must be at most ${String(issue.maximum)}`
    : `must be at least ${String(issue.minimum)}`;
}

export interface ParsedRoster {
  document: RosterDocument;
  roster: Roster;
  /** what an import of this file replaces (interests only where listed; relationships if listed) */
  scope: ImportScope;
}

/**
 * Validate a roster document and resolve names to people. `locate` turns problem paths into
 * file positions. Returns every problem found, not just the first.
 */
export function parseRosterDocument(
  input: unknown,
  locate: Locate,
  base: PartnershipSettings = defaultSettings(),
): Result<ParsedRoster> {
  const parsed = rosterDocumentSchema.safeParse(input, { reportInput: true }); // tells a wrong value from a missing one
  if (!parsed.success) {
    return fail(
      parsed.error.issues.slice(0, 50).map((issue) => ({ where: locate(issue.path), message: describeIssue(issue) })),
    );
  }
  const doc = parsed.data;
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const people: Person[] = doc.people.map((p, index) => {
    const key = p.name.toLowerCase();
    const earlier = ids.get(key);
    if (earlier !== undefined) {
      problems.push({
        where: locate(['people', index, 'name']),
        message: `"${p.name}" appears twice; names must be unique (add a middle initial or surname to tell them apart)`,
      });
    }
    const id = `person-${index + 1}`;
    if (earlier === undefined) ids.set(key, id);
    if (p.kind !== 'member' && p.roles.length > 0) {
      problems.push({
        where: locate(['people', index, 'roles']),
        message: `only members hold officer roles; ${p.name} is ${withArticle(p.kind)}`,
      });
    }
    const roles = [...new Set(p.roles)];
    const form =
      p.membershipForm &&
      membershipFormOf(p.membershipForm, p, (field) =>
        locate(['people', index, 'membershipForm', ...(field ? [field] : [])]),
      );
    if (form && !form.ok) problems.push(...form.error);
    return {
      id,
      name: p.name,
      kind: p.kind,
      resident: p.resident,
      voting: p.voting,
      roles,
      ltoRepresentative: p.ltoRepresentative ?? false,
      councillor: p.councillor ?? false,
      email: p.email,
      interests: p.interests ?? [],
      ...(form?.ok ? { membershipForm: form.value } : {}),
    };
  });
  const relationships: Relationship[] = [];
  (doc.relationships ?? []).forEach((r, index) => {
    const [a, b] = r.between;
    const fromId = ids.get(a.toLowerCase());
    const toId = ids.get(b.toLowerCase());
    for (const [who, id, at] of [
      [a, fromId, 0],
      [b, toId, 1],
    ] as const) {
      if (id === undefined)
        problems.push({
          where: locate(['relationships', index, 'between', at]),
          message: `"${who}" is not on the roster; add them to "people" or correct the name`,
        });
    }
    if (fromId !== undefined && fromId === toId) {
      problems.push({
        where: locate(['relationships', index, 'between']),
        message: `a relationship needs two different people, not ${a} twice`,
      });
    }
    if (fromId !== undefined && toId !== undefined && fromId !== toId)
      relationships.push({ fromId, toId, kind: r.kind });
  });
  const settings = settingsFrom(doc.partnership, base, locate, problems);
  const relatives: Relative[] = doc.relatives ? parseRelatives(doc.relatives, ids, locate, problems) : [];
  if (problems.length > 0) return fail(problems);
  const scope: ImportScope = {
    interestsOf: new Set(doc.people.flatMap((p, i) => (p.interests === undefined ? [] : [people[i]!.id]))),
    relationships: doc.relationships !== undefined,
    relatives: doc.relatives !== undefined,
  };
  return ok({
    document: doc,
    roster: {
      partnership: { name: doc.partnership.name, settings },
      people,
      relationships,
      ...(doc.relatives ? { relatives } : {}),
    },
    scope,
  });
}

/**
 * The stored settings with what the file sets: `partnership.settings` (any setting) or the older
 * `partnership.residentThreshold`; checked whole, each problem at its field.
 */
function settingsFrom(
  partnership: RosterDocument['partnership'],
  base: PartnershipSettings,
  locate: Locate,
  problems: Problem[],
): PartnershipSettings {
  const { residentThreshold, settings: object } = partnership;
  let next = residentThreshold === undefined ? base : { ...base, residentThreshold };
  if (!object) return next;
  if (
    residentThreshold !== undefined &&
    object.residentThreshold !== undefined &&
    object.residentThreshold !== residentThreshold
  )
    problems.push({
      where: locate(['partnership', 'residentThreshold']),
      message: 'differs from partnership.settings.residentThreshold; give it once, in "settings"',
    });
  next = mergeSettingsObject(next, object);
  const checked = checkSettings(next);
  if (checked.ok) return checked.value;
  for (const issue of checked.error)
    problems.push({
      where: locate(['partnership', 'settings', ...(issue.path ?? [issue.field])]),
      message: issue.message,
    });
  return base;
}

/**
 * A file's membership form, by the rules chat uses. Only members sign one. A file is checked
 * offline, with no clock: a date after today is not refused here (chat refuses it).
 */
function membershipFormOf(
  entry: { signed: string; reference?: string | undefined },
  p: { name: string; kind: string },
  where: (field?: 'signed' | 'reference') => string,
): Result<MembershipForm> {
  if (p.kind !== 'member')
    return fail([{ where: where(), message: `only members sign a membership form; ${p.name} is a ${p.kind}` }]);
  const checked = validateMembershipForm({ signedOn: entry.signed, reference: entry.reference }, '9999-12-31');
  if (checked.ok) return checked;
  return fail(
    checked.error.map((e) => ({ where: where(e.where === 'reference' ? 'reference' : 'signed'), message: e.message })),
  );
}

/** The document for a roster (for export): the exact inverse of parseRosterDocument. */
export function toRosterDocument(roster: Roster): RosterDocument {
  const names = new Map(roster.people.map((p) => [p.id, p.name]));
  const doc: RosterDocument = {
    partnership: { name: roster.partnership.name, settings: settingsObjectOf(roster.partnership.settings) },
    people: roster.people.map((p) => ({
      name: p.name,
      kind: p.kind,
      resident: p.resident,
      voting: p.voting,
      roles: p.roles,
      ...(p.ltoRepresentative ? { ltoRepresentative: true } : {}),
      ...(p.councillor ? { councillor: true } : {}),
      ...(p.email ? { email: p.email } : {}),
      ...(p.interests.length
        ? {
            interests: p.interests.map((i) => ({
              organisation: i.organisation,
              kind: i.kind,
              ...(i.detail ? { detail: i.detail } : {}),
            })),
          }
        : {}),
      ...(p.membershipForm
        ? {
            membershipForm: {
              signed: p.membershipForm.signedOn,
              ...(p.membershipForm.reference ? { reference: p.membershipForm.reference } : {}),
            },
          }
        : {}),
    })),
  };
  if (roster.relationships.length) {
    doc.relationships = roster.relationships.map((r) => ({
      between: [names.get(r.fromId) ?? '', names.get(r.toId) ?? ''],
      kind: r.kind,
    }));
  }
  if (roster.relatives?.length) doc.relatives = relativesDocument(roster.relatives, names);
  return doc;
}

/** Parse JSON text; a syntax error names the line and column. */
export function parseRosterJson(text: string, file: string, base?: PartnershipSettings): Result<ParsedRoster> {
  let data: unknown;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // Windows editors save a byte order mark
  const notText = notTextProblem(file, text, 'JSON');
  if (notText) return fail([notText]);
  if (!text.trim())
    return fail([
      {
        where: file,
        message:
          'is empty; a JSON roster starts with { and names the "partnership" and its "people" (see docs/roster-format.md, or export one with roster export)',
      },
    ]);
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = printable(error instanceof Error ? error.message : String(error), 120);
    const first = text.trimStart()[0];
    const hint =
      first === '{'
        ? 'check for a missing comma or quote'
        : `a JSON roster starts with {, and this starts with "${printable(first ?? '', 1)}" (a CSV people file must end in .csv)`;
    return fail([
      { where: file, message: `is not valid JSON${describeJsonErrorPosition(text)} (${message}); ${hint}` },
    ]);
  }
  return parseRosterDocument(data, locateInJson(file), base);
}
