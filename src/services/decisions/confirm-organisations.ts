// "Did you mean …?" before a decision opens. A decision names the organisations involved; a name
// close to one the partnership already knows ("Riverside Trust" when a register says "Riverside
// Youth Trust") is asked about before anything is written and before any recusal is computed:
// guessed the same, two charities would be merged silently; guessed different, a conflict would be
// missed. The chair picks, in the creation form itself: "the same as …" or "a different
// organisation". Names known exactly (after normalising: docs/rules.md, "Organisation names") or
// far from every known name are not asked about.
import type { OrganisationDirectory } from '../../domain/organisation-match.ts';
import { organisationKey } from '../../domain/organisations.ts';
import type { DraftValues } from '../../domain/decisions/create.ts';

/** A decision names at most 20 organisations (src/domain/decisions/create.ts): one answer each. */
export const QUESTION_FIELDS: readonly string[] = Array.from({ length: 20 }, (_, i) => `same${i + 1}`);

/** One name to ask about: the known names it is close to, and the answer already given to it, if any. */
export interface OrganisationQuestion {
  typed: string;
  suggestions: string[];
  answer?: string | undefined;
}

/** The decision is not opened yet: these names are asked about first. */
export interface OrganisationsToConfirm {
  kind: 'confirm-organisations';
  questions: OrganisationQuestion[];
  /** the channel the decision's card will go to (the form's context) */
  channelId: string;
  /** "the same as" links the names for the partnership (organisations.alias); otherwise the decision uses the known name */
  mayLink: boolean;
}

export interface Confirmed {
  /** the decision's organisations, with known names put in where the chair could not link */
  organisations: string[];
  /** names the chair said are one organisation: [known, typed] */
  same: { typed: string; known: string }[];
  /** names the chair said are another organisation than the known ones they are close to */
  different: { typed: string; closeTo: string[] }[];
}

/**
 * An answer travels as a select option's value, at most 150 characters on Slack, so names are
 * carried as short fingerprints of their keys (FNV-1a): an answer counts only for the name it was
 * given to and a known name still suggested, however the chair edits the list in between.
 */
function fingerprint(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of organisationKey(name)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export const sameAnswer = (typed: string, known: string): string => `same:${fingerprint(typed)}:${fingerprint(known)}`;
export const differentAnswer = (typed: string): string => `different:${fingerprint(typed)}`;

const answersIn = (values: DraftValues): Set<string> =>
  new Set(
    QUESTION_FIELDS.flatMap((f) => {
      const v = values[f];
      return (Array.isArray(v) ? v : [v ?? '']).map((s) => s.trim()).filter(Boolean);
    }),
  );

/**
 * The organisations of a valid draft against the partnership's known ones: either every close name
 * has its answer (what to record), or the questions to ask (all of them, answers given kept).
 */
export function confirmOrganisations(
  directory: OrganisationDirectory,
  organisations: readonly string[],
  values: DraftValues,
  mayLink: boolean,
): { kind: 'ask'; questions: OrganisationQuestion[] } | ({ kind: 'confirmed' } & Confirmed) {
  const answers = answersIn(values);
  const questions: OrganisationQuestion[] = [];
  const confirmed: Confirmed = { organisations: [], same: [], different: [] };
  for (const typed of organisations) {
    const suggestions = directory.find(typed) ? [] : directory.suggest(typed);
    if (suggestions.length === 0) {
      confirmed.organisations.push(typed);
      continue;
    }
    const known = suggestions.find((s) => answers.has(sameAnswer(typed, s)));
    const different = answers.has(differentAnswer(typed));
    const answer = known !== undefined ? sameAnswer(typed, known) : different ? differentAnswer(typed) : undefined;
    questions.push({ typed, suggestions, answer });
    if (known !== undefined) {
      confirmed.same.push({ typed, known });
      confirmed.organisations.push(mayLink ? typed : known);
    } else if (different) {
      confirmed.different.push({ typed, closeTo: suggestions });
      confirmed.organisations.push(typed);
    }
  }
  if (questions.some((q) => q.answer === undefined)) return { kind: 'ask', questions };
  // two typed names answered "the same as" one known name are one organisation, named once
  const unique = [...new Map(confirmed.organisations.map((o) => [organisationKey(o), o])).values()];
  return { kind: 'confirmed', ...confirmed, organisations: mayLink ? confirmed.organisations : unique };
}
