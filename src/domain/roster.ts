// The roster: who is on a partnership, as the governance rules see them (shared/domain/RULES.md).
import type { PartnershipSettings } from './settings.ts';

export const PERSON_KINDS = ['member', 'paid-worker', 'rep'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Positions of power (001: "such as chair, vice chair, secretary and treasurer"). */
export const ROLES = ['chair', 'vice-chair', 'secretary', 'treasurer'] as const;
export type Role = (typeof ROLES)[number];

export const INTEREST_KINDS = [
  'employee',
  'owner',
  'director',
  'trustee',
  'member',
  'volunteer',
  'contractor',
  'other',
] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

/** The interests of a relative not on the roster that matter: financial ones (001's "indirect financial benefit"). */
export const RELATIVE_INTEREST_KINDS = ['employee', 'owner', 'director', 'contractor'] as const;

/** `{ from, to, kind: 'parent' }` means `from` is `to`'s parent. */
export const RELATIONSHIP_KINDS = [
  'spouse',
  'civil-partner',
  'partner',
  'parent',
  'child',
  'grandparent',
  'grandchild',
  'sibling',
  'household',
  'close-friend',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export interface Interest {
  id?: string;
  organisation: string;
  kind: InterestKind;
  detail?: string | undefined;
}

/** A signed Big Local partnership membership form (src/domain/membership-forms.ts). */
export interface MembershipForm {
  /** the day it was signed, YYYY-MM-DD */
  signedOn: string;
  /** where the signed form is kept: a link or a filing reference */
  reference?: string | undefined;
}

export interface Person {
  id: string;
  name: string;
  kind: PersonKind;
  resident: boolean;
  voting: boolean;
  roles: Role[];
  ltoRepresentative: boolean;
  councillor: boolean;
  email?: string | undefined;
  interests: Interest[];
  /** the signed partnership membership form, when recorded (members only) */
  membershipForm?: MembershipForm | undefined;
}

export interface Relationship {
  fromId: string;
  toId: string;
  kind: RelationshipKind;
}

/**
 * How a person on the roster stands to a relative who is not on it: `{ personId, kind: 'spouse' }`
 * means the relative is that person's spouse (the same direction as a Relationship's `from`).
 */
export interface RelativeLink {
  personId: string;
  kind: RelationshipKind;
}

/**
 * Someone who is not on the roster, recorded only for their links to people who are (the chair's
 * spouse, through whom the treasurer is the chair's mother-in-law) and, optionally, their financial
 * interests (001: "a close relative or friend is employed by an organisation"). Private, like
 * relationships: never shown in a channel, erased with the last person they are linked to.
 */
export interface Relative {
  id: string;
  name: string;
  links: RelativeLink[];
  /** financial interests only (employee, owner, director, contractor) */
  interests: Interest[];
}

export interface Roster {
  partnership: { id?: string; slug?: string; name: string; settings: PartnershipSettings };
  people: Person[];
  relationships: Relationship[];
  /** people not on the roster, linked to people who are (absent: none recorded) */
  relatives?: Relative[];
  /**
   * Names officers linked as one organisation ("Acme Cafe" is "ACME Community Café Limited"):
   * every conflict check matches each group as one (src/domain/organisation-match.ts).
   */
  organisationAliases?: string[][];
}

export const isMember = (p: Person): boolean => p.kind === 'member';
export const isOfficer = (p: Person): boolean => p.kind === 'member' && p.roles.length > 0;

/**
 * Only members with a vote are ever eligible to vote. Paid workers never vote, whatever the
 * roster says (001: "in no circumstances should a paid worker also sit as a voting member").
 */
export const hasVote = (p: Person): boolean => p.kind === 'member' && p.voting;

export function describeRole(p: Person): string {
  if (p.kind === 'paid-worker') return 'paid worker';
  if (p.kind === 'rep') return 'Big Local rep';
  const parts: string[] = [...p.roles];
  if (parts.length === 0) parts.push('member');
  if (!p.voting) parts.push('non-voting');
  if (p.ltoRepresentative) parts.push('LTO representative');
  if (p.councillor) parts.push('councillor');
  return parts.join(', ');
}

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A vowel, an initialism said with a vowel first ("an LTO", "an MP"), or "an 80%", "an 11%". */
const VOWEL_SOUND = /^(?:[aeiouAEIOU]|[FHLMNRSX](?:[A-Z]|\b)|8|1[18](?!\d))/;

/** Vowels said with a consonant first ("a user", "a one-off"). */
const CONSONANT_SOUND = /^(?:uni|use|usu|uti|eu|one\b|once)/i;

/** "an indirect financial interest", "a loyalty interest", "an LTO representative". */
export const withArticle = (phrase: string): string =>
  `${VOWEL_SOUND.test(phrase) && !CONSONANT_SOUND.test(phrase) ? 'an' : 'a'} ${phrase}`;
