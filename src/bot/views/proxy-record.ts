// What the record, the minutes and the CSV add for proxy votes: who voted by proxy on an open
// ballot; on a secret ballot only how many, like every other vote.
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { plural } from '../../domain/roster.ts';

/** " (by proxy: Bob Jones)" after an open ballot's vote cast by a proxy. */
export const proxyTag = (v: { proxy: string | null }): string => (v.proxy ? ` (by proxy: ${v.proxy})` : '');

/** A secret ballot's proxy votes, counted. */
export const proxyCountLines = (r: DecisionRecord): string[] =>
  r.proxyVotes ? [`${plural(r.proxyVotes, 'vote')} of them ${r.proxyVotes === 1 ? 'was' : 'were'} cast by proxy.`] : [];
