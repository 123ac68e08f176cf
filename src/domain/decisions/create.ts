// Putting a decision to the partnership: who may, and what a valid decision is.
import { fail, ok, type Problem, type Result } from '../result.ts';
import { can } from '../permissions.ts';
import type { Person } from '../roster.ts';
import type { PartnershipSettings } from '../settings.ts';
import {
  BALLOTS,
  DECISION_KINDS,
  DEFAULT_OPTIONS,
  VISIBILITIES,
  rulesFrom,
  type Ballot,
  type DecisionDraft,
  type DecisionKind,
  type Visibility,
} from './types.ts';
import { parseClosingTime } from './when.ts';

/**
 * The chair, vice-chair or secretary (the authorisation table, src/domain/permissions.ts); the rep
 * too when the partnership's settings allow it, the one rule the table cannot hold. Asked once, by
 * the service's permission check (src/services/decisions/authorize.ts).
 */
export function mayCreate(person: Person | null, settings: PartnershipSettings): boolean {
  if (!person) return false;
  if (person.kind === 'rep' && settings.repMayCreateDecisions) return true;
  return can(person, 'decision.create');
}

/**
 * Live counts on a secret ballot would give votes away: when a member is recused or leaves and the
 * count for one option drops, everyone sees how they voted. So the two never go together.
 */
export const SECRET_LIVE =
  'a secret ballot’s results can only be shown after voting closes: live counts would show how someone voted when the count drops after they are recused or leave. Choose “After close” for Results, or an open ballot if the counts should be live.';

/** What the creation form sends back (every value is untrusted text). */
export type DraftValues = Record<string, string | string[] | undefined>;

const MAX = { title: 150, description: 2000, organisation: 200, option: 60 } as const;
const MAX_OPTIONS = 10;
const MAX_ORGANISATIONS = 20;

const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('; ') : (v ?? '')).trim();

/** "For; Against; Abstain" or one per line. */
export const splitList = (raw: string): string[] =>
  raw
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function validateDraft(
  values: DraftValues,
  context: { partnershipId: string; creator: Person; settings: PartnershipSettings; now: Date },
): Result<DecisionDraft, Problem[]> {
  const problems: Problem[] = [];
  const problem = (where: string, message: string) => problems.push({ where, message });

  const title = text(values.title).replace(/\s+/g, ' ');
  if (title.length < 3)
    problem(
      'Title',
      'give the decision a short title (at least 3 characters), for example “Community café catering contract”.',
    );
  else if (title.length > MAX.title)
    problem('Title', `keep it under ${MAX.title} characters (it is ${title.length}); put the rest in the description.`);

  const description = text(values.description);
  if (description.length > MAX.description)
    problem('Description', `keep it under ${MAX.description} characters (it is ${description.length}).`);

  const kindText = text(values.kind) || 'general';
  const kind = DECISION_KINDS.find((k) => k === kindText.toLowerCase());
  if (!kind) problem('Kind', `must be general, procurement or grant (got “${kindText.slice(0, 40)}”).`);

  const organisations = [...new Map(splitList(text(values.organisations)).map((o) => [o.toLowerCase(), o])).values()];
  if (organisations.some((o) => o.length > MAX.organisation))
    problem('Organisations', `each name must be under ${MAX.organisation} characters.`);
  if (organisations.length > MAX_ORGANISATIONS)
    problem('Organisations', `name at most ${MAX_ORGANISATIONS}; separate them with semicolons.`);
  if ((kind === 'procurement' || kind === 'grant') && organisations.length === 0) {
    problem(
      'Organisations',
      `a ${kind} decision needs the organisations involved (${kind === 'grant' ? 'the grantees' : 'the suppliers or bidders'}), separated by semicolons, so that conflicts of interest can be checked.`,
    );
  }

  const optionsText = text(values.options);
  const options = optionsText ? splitList(optionsText) : [...DEFAULT_OPTIONS];
  const lowered = options.map((o) => o.toLowerCase());
  if (options.length < 2)
    problem(
      'Options',
      'give at least two options separated by semicolons, for example “For; Against; Abstain”, or leave it empty for those.',
    );
  else if (options.length > MAX_OPTIONS) problem('Options', `give at most ${MAX_OPTIONS} options.`);
  if (new Set(lowered).size !== lowered.length) problem('Options', 'each option must be different.');
  if (options.some((o) => o.length > MAX.option))
    problem('Options', `keep each option under ${MAX.option} characters.`);

  const closes = parseClosingTime(text(values.closes), context.now, context.settings.timeZone);
  if (!closes.ok) problem('Closes', closes.error);

  const ballotText = (text(values.ballot) || 'open').toLowerCase();
  const ballot = BALLOTS.find((b) => b === ballotText) as Ballot | undefined;
  if (!ballot) problem('Ballot', `must be open or secret (got “${ballotText.slice(0, 40)}”).`);

  // A secret ballot's results come after close (left empty, that is the default for it).
  const visibilityText = (text(values.visibility) || (ballot === 'secret' ? 'after-close' : 'live')).toLowerCase();
  const visibility = VISIBILITIES.find((v) => v === visibilityText) as Visibility | undefined;
  if (!visibility) problem('Results', `must be live or after-close (got “${visibilityText.slice(0, 40)}”).`);
  else if (ballot === 'secret' && visibility === 'live') problem('Results', SECRET_LIVE);

  if (problems.length || !kind || !ballot || !visibility || !closes.ok) return fail(problems);
  return ok({
    partnershipId: context.partnershipId,
    title,
    description,
    kind: kind as DecisionKind,
    organisations,
    options,
    ballot,
    visibility,
    rules: rulesFrom(context.settings),
    closesAt: closes.value,
    createdById: context.creator.id,
  });
}
