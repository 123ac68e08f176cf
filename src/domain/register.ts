// The register of interests and the roster's relationships as people edit them: what a valid
// entry is. Validation says what is wrong and how to fix it; describing entries is the chat
// layer's (src/bot/views/interests.ts, relationships.ts).
import { fail, ok, type Problem, type Result } from './result.ts';
import { organisationKey } from './organisations.ts';
import { INTEREST_KINDS, RELATIONSHIP_KINDS, type InterestKind, type Person, type RelationshipKind } from './roster.ts';
import { chooseOneOf } from './choices.ts';

export const MAX_ORGANISATION = 200;
export const MAX_DETAIL = 500;

export interface InterestInput {
  organisation: string;
  kind: InterestKind;
  detail?: string | undefined;
}

export interface RelationshipInput {
  fromId: string;
  toId: string;
  kind: RelationshipKind;
}

export const INTEREST_LABELS: Record<InterestKind, string> = {
  employee: 'Employee',
  owner: 'Owner',
  director: 'Director',
  trustee: 'Trustee',
  member: 'Member',
  volunteer: 'Volunteer',
  contractor: 'Contractor (paid for work)',
  other: 'Other link',
};

/** How the form asks it: "<from> is <to>'s …". */
export const RELATIONSHIP_LABELS: Record<RelationshipKind, string> = {
  spouse: 'spouse',
  'civil-partner': 'civil partner',
  partner: 'unmarried partner',
  parent: 'parent',
  child: 'child',
  grandparent: 'grandparent',
  grandchild: 'grandchild',
  sibling: 'sibling',
  household: 'household member (lives with)',
  'close-friend': 'close friend',
};

const isInterestKind = (k: string): k is InterestKind => (INTEREST_KINDS as readonly string[]).includes(k);
const isRelationshipKind = (k: string): k is RelationshipKind => (RELATIONSHIP_KINDS as readonly string[]).includes(k);

/** Checks what a member typed into the interest form. */
export function validateInterest(raw: {
  organisation?: string;
  kind?: string;
  detail?: string;
}): Result<InterestInput> {
  const problems: Problem[] = [];
  const organisation = (raw.organisation ?? '').replace(/\s+/g, ' ').trim();
  const kind = (raw.kind ?? '').trim();
  const detail = (raw.detail ?? '').trim();
  if (!organisation)
    problems.push({ where: 'Organisation', message: 'is empty: type the name of the organisation, business or group' });
  else if (organisation.length > MAX_ORGANISATION)
    problems.push({
      where: 'Organisation',
      message: `is ${organisation.length} characters long; shorten it to at most ${MAX_ORGANISATION}`,
    });
  else if (!organisationKey(organisation))
    problems.push({ where: 'Organisation', message: 'needs at least one letter or digit' });
  if (!isInterestKind(kind)) problems.push({ where: 'Kind', message: chooseOneOf(INTEREST_KINDS) });
  if (detail.length > MAX_DETAIL)
    problems.push({
      where: 'Detail',
      message: `is ${detail.length} characters long; shorten it to at most ${MAX_DETAIL}`,
    });
  if (problems.length || !isInterestKind(kind)) return fail(problems);
  return ok({ organisation, kind, detail: detail || undefined });
}

/** Inverse kinds: "A is B's parent" is the same fact as "B is A's child". */
const INVERSE: Record<RelationshipKind, RelationshipKind> = {
  spouse: 'spouse',
  'civil-partner': 'civil-partner',
  partner: 'partner',
  sibling: 'sibling',
  household: 'household',
  'close-friend': 'close-friend',
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
};

export const sameFact = (a: RelationshipInput, b: RelationshipInput): boolean =>
  (a.fromId === b.fromId && a.toId === b.toId && a.kind === b.kind) ||
  (a.fromId === b.toId && a.toId === b.fromId && INVERSE[a.kind] === b.kind);

/**
 * Checks the relationship form: both people on the roster, two different people, a known kind,
 * and not a fact already recorded (in either direction). `existing` excludes the entry being edited.
 */
export function validateRelationship(
  raw: { fromId?: string; toId?: string; kind?: string },
  people: readonly Person[],
  existing: readonly RelationshipInput[],
): Result<RelationshipInput> {
  const problems: Problem[] = [];
  const from = people.find((p) => p.id === raw.fromId);
  const to = people.find((p) => p.id === raw.toId);
  const kind = (raw.kind ?? '').trim();
  if (!from) problems.push({ where: 'First person', message: 'choose someone who is on the roster' });
  if (!to) problems.push({ where: 'Second person', message: 'choose someone who is on the roster' });
  if (from && to && from.id === to.id)
    problems.push({
      where: 'Second person',
      message: `choose someone other than ${from.name}: a relationship is between two different people`,
    });
  if (!isRelationshipKind(kind)) problems.push({ where: 'Relationship', message: chooseOneOf(RELATIONSHIP_KINDS) });
  if (problems.length || !from || !to || !isRelationshipKind(kind)) return fail(problems);
  const input = { fromId: from.id, toId: to.id, kind };
  if (existing.some((e) => sameFact(e, input))) {
    return fail([
      { where: '', message: `That is already recorded: ${from.name} is ${to.name}’s ${RELATIONSHIP_LABELS[kind]}.` },
    ]);
  }
  return ok(input);
}
