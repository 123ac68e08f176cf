// `/partnership decisions`: the open decisions (with where the person stands) and the most recently
// closed ones; with words, the decisions whose titles contain them all.
import type { Decision } from '../../domain/decisions/types.ts';
import { fail, ok } from '../../domain/result.ts';
import { authorize } from '../actor.ts';
import type { Actor, DecisionResult, ServiceDeps } from './deps.ts';
import { listOpen, type OpenDecisions } from './record.ts';

/** How many closed decisions the list shows (the most recent first), and how many search results. */
export const RECENT_CLOSED = 10;
export const SEARCH_RESULTS = 10;

export interface DecisionBrowse {
  /** the words searched for, or null for the plain list */
  words: string[] | null;
  open: OpenDecisions;
  /** the most recently closed (or, searching, the closed matches, most recent first) */
  closed: Decision[];
  /** how many closed decisions there are (or match) in all */
  closedTotal: number;
}

const closedAt = (d: Decision) => (d.closedAt ?? d.closesAt).getTime();

/** Splits what was typed into words; quotes and punctuation are not part of a title search. */
export const searchWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}£&'’-]+/u)
    .filter(Boolean)
    .slice(0, 8);

export async function browseDecisions(
  deps: ServiceDeps,
  actor: Actor,
  input: { search: string },
): Promise<DecisionResult<DecisionBrowse>> {
  const allowed = authorize(actor, 'decision.view');
  if (!allowed.ok) return fail(allowed.refusal);
  const words = searchWords(input.search);
  const matches = (d: Decision) => words.every((w) => d.title.toLowerCase().includes(w));
  const open = await listOpen(deps, actor, { soonestFirst: true });
  if (!open.ok) return open;
  const closed = (await deps.stores.decisions.list(actor.partnership.id, 'closed'))
    .filter(matches)
    .sort((a, b) => closedAt(b) - closedAt(a));
  const openShown = open.value.shown.filter(({ decision }) => matches(decision));
  return ok({
    words: words.length ? words : null,
    open: { open: open.value.open.filter(matches), shown: openShown },
    closed: closed.slice(0, words.length ? SEARCH_RESULTS : RECENT_CLOSED),
    closedTotal: closed.length,
  });
}
