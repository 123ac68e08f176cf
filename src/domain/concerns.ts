// Raising a concern privately (001: "a code of conduct or other process where anyone can flag
// concerns around behaviour, and ... an impartial person to review and propose a response"; and
// "report any potential misuse of funds to Local Trust"). Who reviews a concern is decided here.
import type { Person, Roster } from './roster.ts';
import type { PartnershipSettings } from './settings.ts';
import type { Problem, Result } from './result.ts';
import { fail, ok } from './result.ts';
import { chooseOneOf } from './choices.ts';

export const CONCERN_KINDS = ['code-of-conduct', 'misuse-of-funds', 'other'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const MAX_CONCERN_TEXT = 3000;
export const MAX_OUTCOME_TEXT = 3000;

export interface ConcernInput {
  kind: ConcernKind;
  /** the person the concern is about, if the sender named one */
  aboutId: string | null;
  text: string;
}

export interface Concern extends ConcernInput {
  id: string;
  number: number;
  raisedById: string | null;
  reviewerId: string | null;
  status: 'open' | 'closed';
  outcome: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

/** A concern as typed, checked whole. `aboutId` must name someone on the roster (or be empty). */
export function checkConcern(
  typed: { kind: string; aboutId: string; text: string },
  roster: Roster,
): Result<ConcernInput, Problem[]> {
  const problems: Problem[] = [];
  const kind = (CONCERN_KINDS as readonly string[]).includes(typed.kind) ? (typed.kind as ConcernKind) : null;
  if (!kind) problems.push({ where: 'Kind of concern', message: chooseOneOf(CONCERN_KINDS) });
  const aboutId = typed.aboutId.trim() || null;
  if (aboutId && !roster.people.some((p) => p.id === aboutId))
    problems.push({ where: 'About', message: 'choose someone from the list, or leave it empty' });
  const text = typed.text.trim();
  if (!text) problems.push({ where: 'What happened', message: 'say what the concern is about, in your own words' });
  else if (text.length > MAX_CONCERN_TEXT)
    problems.push({ where: 'What happened', message: `shorten it to at most ${MAX_CONCERN_TEXT} characters` });
  if (problems.length || !kind) return fail(problems);
  return ok({ kind, aboutId, text });
}

/** Where a concern goes: a person to review it, or nobody impartial (the sender contacts Local Trust). */
export type Routing =
  | { to: 'reviewer'; reviewerId: string }
  /** the named reviewer is the person concerned (or the sender): the chair reviews it instead */
  | { to: 'chair'; reviewerId: string }
  | { to: 'local-trust' };

/** The impartial reviewer the settings name (by name), or else the rep; null when neither is on the roster. */
export function namedReviewer(roster: Roster, settings: PartnershipSettings): Person | null {
  const wanted = settings.concernReviewer?.trim().toLowerCase();
  const named = wanted ? roster.people.find((p) => p.name.toLowerCase() === wanted) : undefined;
  return named ?? roster.people.find((p) => p.kind === 'rep') ?? null;
}

/**
 * Never to the person concerned, nor back to the sender: the named reviewer, else the chair (one
 * who is neither), else nobody (Local Trust).
 */
export function routeConcern(
  roster: Roster,
  settings: PartnershipSettings,
  raisedById: string,
  aboutId: string | null,
): Routing {
  const impartial = (p: Person) => p.id !== aboutId && p.id !== raisedById;
  const reviewer = namedReviewer(roster, settings);
  if (reviewer && impartial(reviewer)) return { to: 'reviewer', reviewerId: reviewer.id };
  const chair = roster.people.find((p) => p.roles.includes('chair') && impartial(p));
  if (chair) return { to: 'chair', reviewerId: chair.id };
  return { to: 'local-trust' };
}
