// The first sentence of the minutes (what was decided and what happens next) and who did not
// respond: shared by the chat record, the Markdown, CSV and plain-text exports.
import { listNames, plural } from '../../domain/roster.ts';
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { formatWhen } from './text.ts';
import { leadingOption } from '../../domain/decisions/standing.ts';

const when = (r: DecisionRecord, at: Date): string => formatWhen(at, r.timeZone, { year: true });

type Tally = readonly { option: string; count: number }[];

/** How a closed decision ended: a motion (For and Against; Abstain counts neither way) or a choice of options. */
export type Verdict =
  | { kind: 'no-quorum' }
  | { kind: 'carried'; option: string | null }
  | { kind: 'not-carried' }
  | { kind: 'tied'; options: string[]; count: number }
  | { kind: 'no-votes' };

export function verdict(tally: Tally, quorumMet: boolean): Verdict {
  if (!quorumMet) return { kind: 'no-quorum' };
  const find = (re: RegExp) => tally.find((t) => re.test(t.option.trim()));
  const yes = find(/^(for|yes|agree)$/i);
  const no = find(/^(against|no|disagree)$/i);
  if (yes && no) {
    if (yes.count > no.count) return { kind: 'carried', option: null };
    if (yes.count === no.count) return { kind: 'tied', options: [], count: yes.count };
    return { kind: 'not-carried' };
  }
  const lead = leadingOption(tally);
  if (lead.kind === 'none') return { kind: 'no-votes' };
  if (lead.kind === 'tie') return { kind: 'tied', options: lead.options, count: lead.count };
  return { kind: 'carried', option: lead.option };
}

/** "carried", "not carried: quorum not met"… (the list of decisions) */
export function verdictWords(v: Verdict): string {
  switch (v.kind) {
    case 'no-quorum':
      return 'no decision: quorum not met';
    case 'carried':
      return v.option ? `carried: ${v.option}` : 'carried';
    case 'not-carried':
      return 'not carried';
    case 'tied':
      return 'tied';
    case 'no-votes':
      return 'no decision: no votes for any option';
  }
}

const TO_MEETING = 'Next: the chair takes it to a partnership meeting';
const ACT = 'Next: the partnership acts on it; the chair records it in the minutes.';

/**
 * The first sentence of the minutes: what was decided and what happens next. Carried, not
 * carried, tied, or no decision because the quorum was not met; while open, when it closes.
 */
export function outcomeSentence(r: DecisionRecord): string {
  if (r.status === 'open') {
    const hidden = r.tally ? '' : ' Results are hidden until then.';
    return `Open: voting closes ${when(r, r.closesAt)}; ${r.counts.voted} of ${plural(r.counts.eligible, 'eligible member')} have voted so far.${hidden}`;
  }
  const counts = (r.tally ?? []).map((t) => `${t.option} ${t.count}`).join(', ');
  const v = verdict(r.tally ?? [], r.quorum.met);
  switch (v.kind) {
    case 'no-quorum':
      return `No decision: the quorum was not met (${r.counts.voted} voted; ${r.quorum.required} needed), so nothing was decided. ${TO_MEETING}, or puts it again.`;
    case 'carried':
      return v.option ? `Carried: ${v.option}, with the most votes (${counts}). ${ACT}` : `Carried (${counts}). ${ACT}`;
    case 'not-carried':
      return `Not carried (${counts}). Next: nothing is done on it; it may be put again if circumstances change.`;
    case 'tied':
      return v.options.length
        ? `Tied: ${listNames(v.options)} have ${plural(v.count, 'vote')} each (${counts}), so no option was chosen. ${TO_MEETING}.`
        : `Tied (${counts}), so not carried. ${TO_MEETING}, where it can be discussed and decided.`;
    case 'no-votes':
      return `No decision: nobody voted for any option (${counts}). ${TO_MEETING}.`;
  }
}

/** Eligible members who neither declared nor voted, by name (the private record and the minutes). */
export function silentLine(r: DecisionRecord): string {
  const n = r.notResponded;
  if (!n.length)
    return r.status === 'open'
      ? 'Every eligible member has declared or voted so far.'
      : 'Every eligible member declared or voted.';
  return `${silentWho(r)}: ${listNames(n)}.`;
}

/** "2 eligible members have not yet declared or voted." (no names) */
export const silentCount = (r: DecisionRecord): string => `${silentWho(r)}.`;

function silentWho(r: DecisionRecord): string {
  const n = r.notResponded.length;
  const verb =
    r.status !== 'open'
      ? 'neither declared nor voted'
      : n === 1
        ? 'has not yet declared or voted'
        : 'have not yet declared or voted';
  return `${plural(n, 'eligible member')} ${verb}`;
}
