// The record in words: the sentences the chat view, the minutes text (Markdown) and the CSV share.
import { stringify } from 'csv-stringify/sync';
import { percent } from '../../domain/settings.ts';
import { listNames, plural } from '../../domain/roster.ts';
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { isoInZone } from '../../domain/decisions/when.ts';
import { formatWhen } from './text.ts';
import { describeReasons, KIND_WORDS } from './decision-words.ts';
import { proxyCountLines, proxyTag } from './proxy-record.ts';
import { meetingCsvRows, meetingFactsLine, meetingLines, meetingResultLine, LEFT_THE_ROOM } from './meeting.ts';
import { outcomeSentence, silentLine } from './decision-outcome.ts';

export { outcomeSentence, silentLine };

/** What a loyalty interest is, then what this partnership's policy (frozen on the decision) makes of it. */
const LOYALTY = {
  withdraw: 'a member with one steps back and does not vote on the decision, as with a financial interest',
  'declare-and-stay': 'a member whose only interest is a loyalty one declares it and may still vote',
} as const;

/**
 * "Loyalty interests (…): under this partnership's policy, …." The minutes quote the policy, so
 * they say what it means for whoever reads them later.
 */
export const loyaltyPolicy = (r: DecisionRecord): string =>
  `Loyalty interests (being a member or trustee of, or having links with, an organisation involved): under this partnership’s policy, ${LOYALTY[r.loyalty]}.`;

/** "an indirect financial interest", "a loyalty interest"; "an interest" when the kind is not known. */
export function kindWithArticle(kind: string | null): string {
  const words = (KIND_WORDS as Record<string, string>)[kind ?? ''];
  if (!words) return 'an interest';
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words} interest`;
}

export function when(r: DecisionRecord, at: Date): string {
  return formatWhen(at, r.timeZone, { year: true });
}

export function closingSentence(r: DecisionRecord): string {
  if (r.status === 'open') return `Voting closes ${when(r, r.closesAt)}.`;
  const at = when(r, r.closedAt ?? r.closesAt);
  if (r.closeReason === 'chair') return `Closed ${at}, by the chair (it was due to close ${when(r, r.closesAt)}).`;
  if (r.closeReason === 'all-voted') return `Closed ${at}, when every eligible member had voted.`;
  return `Closed ${at}, its closing time.`;
}

export function resultSentence(r: DecisionRecord): string {
  const atMeeting = meetingResultLine(r);
  if (atMeeting) return atMeeting;
  if (!r.tally || !r.leading) return 'Results are hidden until the decision closes.';
  const counts = r.tally.map((t) => `${t.option} ${t.count}`).join(', ');
  const lead = r.leading;
  const prefix = r.status === 'open' ? 'So far: ' : '';
  if (lead.kind === 'none') return `${prefix}${counts}. No votes for any option yet.`;
  if (lead.kind === 'tie')
    return `${prefix}${counts}. Tied: ${listNames(lead.options)} have ${plural(lead.count, 'vote')} each.`;
  return `${prefix}${counts}. ${r.status === 'open' ? 'Leading' : 'Most votes'}: ${lead.option} (${lead.count}).`;
}

export function quorumSentence(r: DecisionRecord): string {
  const q = r.quorum;
  const rule = `Quorum: ${r.quorumRule} (${q.required} of ${r.counts.votingMembers}).`;
  const eligible = `${plural(r.counts.eligible, 'member')} eligible after recusals${r.counts.recused ? ` (${r.counts.recused} recused)` : ''}.`;
  if (r.status === 'open') {
    const warning = q.canBeTaken
      ? ''
      : ' Too few eligible members remain for the decision to be taken: put it to a meeting, or ask your rep.';
    return `${rule} ${eligible} ${r.counts.voted} voted so far.${warning}`;
  }
  return q.met
    ? `${rule} ${eligible} ${r.counts.voted} voted: quorum met.`
    : `${rule} ${eligible} Only ${r.counts.voted} voted: quorum not met, so the result does not stand; take it to a meeting.`;
}

export function residentSentence(r: DecisionRecord): string {
  const x = r.residents;
  if (x.voted === 0) return 'Nobody has voted, so there is no resident share yet.';
  return `Residents were ${x.residents} of the ${x.voted} who voted (${percent(x.residents / x.voted)}): ${x.majority ? 'a resident majority' : 'not a resident majority'}.`;
}

export const declarationLine = (r: DecisionRecord, x: DecisionRecord['declarations'][number]): string =>
  x.outcome === 'none'
    ? `${x.name}: no interest (${when(r, x.at)})`
    : `${x.name}: declared ${kindWithArticle(x.kind)}${x.organisation ? ` in ${x.organisation}` : ''}${x.detail ? `: ${x.detail}` : ''} (${when(r, x.at)})`;

/** Someone without a vote who must not take part: "Linda Marsh (non-voting member; no vote, not taking part)". */
export const notVotingTag = (x: DecisionRecord['recusals'][number]): string =>
  x.voter ? '' : ` (${x.role ? `${x.role}; ` : ''}no vote, not taking part)`;

export const recusalLine = (x: DecisionRecord['recusals'][number]): string =>
  `${x.name}${notVotingTag(x)}: ${x.reasons.length ? describeReasons(x.reasons).join(' ') : LEFT_THE_ROOM}`;

/**
 * What changed on the roster while the decision was open, as counts (safe for the channel), or
 * null when nothing did. "Joined during the vote: 1; left during the vote: 1; quorum base fixed at
 * opening: 10 voting members."
 */
export function rosterChangeCounts(r: DecisionRecord): string | null {
  const c = r.rosterChanges;
  if (!c.joined.length && !c.left.length) return null;
  const base = c.fixedBase
    ? `quorum base fixed at opening: ${plural(r.counts.votingMembers, 'voting member')}`
    : `quorum base: ${plural(r.counts.votingMembers, 'voting member')}`;
  return `Joined during the vote: ${c.joined.length}; left during the vote: ${c.left.length}; ${base}.`;
}

/** The private record's account of the changes: names, and the rule for a leaver's vote. */
export function rosterChangeLines(r: DecisionRecord): string[] {
  const counts = rosterChangeCounts(r);
  if (!counts) return [];
  const c = r.rosterChanges;
  const lines = [counts];
  if (c.joined.length)
    lines.push(
      `Joined (or were given a vote): ${listNames(c.joined)}. Each was asked to declare, and to vote if eligible.`,
    );
  if (c.left.length) lines.push(`Left (or lost their vote): ${listNames(c.left)}.`);
  lines.push(
    c.votesKept
      ? `${plural(c.votesKept, 'vote')} cast before the voter left ${c.votesKept === 1 ? 'stands' : 'stand'}: a vote cast while they were a voting member counts.`
      : 'A vote cast before someone left would stand; none of those who left had voted.',
  );
  return lines;
}

const changed = (n: number): string => (n === 0 ? '' : n === 1 ? '; changed once' : `; changed ${n} times`);

export function voterLines(r: DecisionRecord): string[] {
  if (r.meeting) return meetingLines(r);
  if (!r.voters)
    return [
      `${plural(r.counts.voted, 'member')} voted. This was a secret ballot: no names are recorded against votes.`,
      ...proxyCountLines(r),
    ];
  if (r.voters.length === 0) return ['Nobody has voted yet.'];
  return r.voters.map(
    (v) =>
      `${v.name}${v.option ? `: ${v.option}` : ''}${proxyTag(v)} (${when(r, v.at)}${changed(v.changes)})${v.reason ? `. Reason: “${v.reason}”` : ''}`,
  );
}

export function headline(r: DecisionRecord): string {
  return `Decision ${r.number}: ${r.title}`;
}

export function facts(r: DecisionRecord): string {
  const atMeeting = meetingFactsLine(r);
  if (atMeeting) return atMeeting;
  const ballot = r.ballot === 'secret' ? 'secret ballot' : 'open ballot';
  const results = r.visibility === 'live' ? 'results shown live' : 'results shown after close';
  return `${r.partnership}. ${r.kind[0]!.toUpperCase()}${r.kind.slice(1)} decision; ${ballot}; ${results}. Put by ${r.createdBy} on ${when(r, r.createdAt)}. ${closingSentence(r)}`;
}

export function recordMarkdown(r: DecisionRecord): string {
  const list = (items: string[], empty: string) => (items.length ? items.map((i) => `- ${i}`) : [empty]);
  const lines = [
    `# ${headline(r)}`,
    '',
    outcomeSentence(r),
    '',
    facts(r),
    '',
    ...(r.organisations.length ? [`Organisations involved: ${r.organisations.join('; ')}.`, ''] : []),
    ...(r.description ? [r.description, ''] : []),
    `Options: ${r.options.join('; ')}.`,
    '',
    '## Result',
    '',
    resultSentence(r),
    '',
    quorumSentence(r),
    '',
    residentSentence(r),
    '',
    silentLine(r),
    '',
    '## Declarations of interest',
    '',
    ...list(
      r.declarations.map((x) => declarationLine(r, x)),
      'No declarations yet.',
    ),
    '',
    '## Recusals',
    '',
    loyaltyPolicy(r),
    '',
    ...list(r.recusals.map(recusalLine), 'Nobody was recused.'),
    '',
    ...(rosterChangeCounts(r)
      ? ['## Changes to the roster during the vote', '', ...list(rosterChangeLines(r), ''), '']
      : []),
    ...(r.notEligible.length
      ? [
          '## Not eligible to vote',
          '',
          ...list(
            r.notEligible.map((n) => `${n.name}: ${n.why}`),
            '',
          ),
          '',
        ]
      : []),
    '## Votes',
    '',
    ...list(voterLines(r), ''),
    '',
    `Times are ${r.timeZone}.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function recordCsv(r: DecisionRecord): string {
  const at = (d: Date | null) => (d ? isoInZone(d, r.timeZone) : '');
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  const rows: string[][] = [
    ['section', 'item', 'value', 'person', 'time'],
    ['decision', 'number', String(r.number), '', ''],
    ['decision', 'title', r.title, '', ''],
    ['decision', 'partnership', r.partnership, '', ''],
    ['decision', 'kind', r.kind, '', ''],
    ['decision', 'organisations', r.organisations.join('; '), '', ''],
    ['decision', 'options', r.options.join('; '), '', ''],
    ['decision', 'ballot', r.ballot, '', ''],
    ['decision', 'results', r.visibility, '', ''],
    ['decision', 'status', r.status, '', ''],
    ['decision', 'put by', '', r.createdBy, at(r.createdAt)],
    ['decision', 'closes', '', '', at(r.closesAt)],
    ['decision', 'closed', r.closeReason ?? '', '', at(r.closedAt)],
    ['decision', 'outcome', outcomeSentence(r), '', ''],
    ...r.declarations.map((x) => [
      'declaration',
      x.outcome === 'none' ? 'no interest' : `${x.kind ?? ''} interest`,
      [x.organisation, x.detail].filter(Boolean).join(': '),
      x.name,
      at(x.at),
    ]),
    ...r.recusals.flatMap((x) =>
      x.reasons.map((reason) => [
        'recusal',
        x.voter ? reason.kind : `${reason.kind} (no vote)`,
        [reason.organisation, reason.detail].filter(Boolean).join(': '),
        x.name,
        at(x.at),
      ]),
    ),
    ...r.rosterChanges.joined.map((name) => ['roster change', 'joined during the vote', '', name, '']),
    ...r.rosterChanges.left.map((name) => ['roster change', 'left during the vote', '', name, '']),
    ...(r.rosterChanges.left.length
      ? [['roster change', 'votes of leavers that stand', String(r.rosterChanges.votesKept), '', '']]
      : []),
    ...r.notEligible.map((n) => ['not eligible', 'setting', n.why, n.name, '']),
    ...(r.voters
      ? r.voters.flatMap((v) => [
          ['vote', `${v.option ?? ''}${proxyTag(v)}`, String(v.changes), v.name, at(v.at)],
          ...(v.reason ? [['vote reason', v.option ?? '', v.reason, v.name, '']] : []),
        ])
      : [['vote', 'secret ballot', String(r.counts.voted), '', '']]),
    ...(r.proxyVotes ? [['vote', 'cast by proxy', String(r.proxyVotes), '', '']] : []),
    ...(r.tally
      ? r.tally.map((t) => ['tally', t.option, String(t.count), '', ''])
      : [['tally', 'hidden until close', '', '', '']]),
    ['quorum', 'rule', r.quorumRule, '', ''],
    ['quorum', 'required', String(r.quorum.required), '', ''],
    ['quorum', 'voting members', String(r.counts.votingMembers), '', ''],
    ...(r.rosterChanges.fixedBase ? [['quorum', 'base fixed at opening', 'yes', '', '']] : []),
    ['quorum', 'eligible after recusals', String(r.counts.eligible), '', ''],
    ['quorum', 'voted', String(r.counts.voted), '', ''],
    ['quorum', 'met', r.status === 'open' ? 'open' : yn(r.quorum.met), '', ''],
    ['residents', 'residents who voted', String(r.residents.residents), '', ''],
    ['residents', 'resident majority', r.residents.voted ? yn(r.residents.majority) : '', '', ''],
    ...meetingCsvRows(r),
    ...r.notResponded.map((name) => ['no response', 'neither declared nor voted', '', name, '']),
  ];
  return stringify(rows.map((row) => row.map(inert)));
}

/** A cell a spreadsheet would run as a formula (a title typed as "=HYPERLINK(...)") is kept as text. */
const inert = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
