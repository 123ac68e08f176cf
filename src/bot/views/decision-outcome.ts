// The first sentence of the minutes (what was decided and what happens next) and who did not
// respond: shared by the chat record, the Markdown, CSV and plain-text exports.
import { listNames, plural } from '../../domain/roster.ts';
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { formatWhen } from '../../domain/decisions/when.ts';

const when = (r: DecisionRecord, at: Date): string => formatWhen(at, r.timeZone, { year: true });

/** The options that make a motion: For and Against (others, such as Abstain, are not counted either way). */
const motion = (r: DecisionRecord) => {
  const find = (re: RegExp) => r.tally?.find((t) => re.test(t.option.trim()));
  const yes = find(/^(for|yes|agree)$/i);
  const no = find(/^(against|no|disagree)$/i);
  return yes && no ? { yes, no } : null;
};

/**
 * The first sentence of the minutes: what was decided and what happens next. Carried, not
 * carried, tied, or no decision because the quorum was not met; while open, when it closes.
 */
export function outcomeSentence(r: DecisionRecord): string {
  if (r.status === 'open') {
    const hidden = r.tally ? '' : ' Results are hidden until then.';
    return `Open: voting closes ${when(r, r.closesAt)}; ${r.counts.voted} of ${plural(r.counts.eligible, 'eligible member')} have voted so far.${hidden}`;
  }
  if (!r.quorum.met)
    return `No decision: the quorum was not met (${r.counts.voted} voted; ${r.quorum.required} needed), so nothing was decided. Next: the chair takes it to a partnership meeting, or puts it again.`;
  const counts = (r.tally ?? []).map((t) => `${t.option} ${t.count}`).join(', ');
  const m = motion(r);
  if (m) {
    if (m.yes.count > m.no.count)
      return `Carried (${counts}). Next: the partnership acts on it; the chair records it in the minutes.`;
    if (m.yes.count === m.no.count)
      return `Tied (${counts}), so not carried. Next: the chair takes it to a partnership meeting, where it can be discussed and decided.`;
    return `Not carried (${counts}). Next: nothing is done on it; it may be put again if circumstances change.`;
  }
  const lead = r.leading;
  if (!lead || lead.kind === 'none')
    return `No decision: nobody voted for any option (${counts}). Next: the chair takes it to a partnership meeting.`;
  if (lead.kind === 'tie')
    return `Tied: ${listNames(lead.options)} have ${plural(lead.count, 'vote')} each (${counts}), so no option was chosen. Next: the chair takes it to a partnership meeting.`;
  return `Carried: ${lead.option}, with the most votes (${counts}). Next: the partnership acts on it; the chair records it in the minutes.`;
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
