// The conflict-of-interest check as a reply, for the person who asked (private: it carries
// register entries and relationship chains).
import type { CoiResult } from '../../domain/coi.ts';
import { describeRole, listNames, plural } from '../../domain/roster.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';

export interface CoiReplyOptions {
  /** what the check is about, when more than the organisations ("Decision 12: Youth club grant") */
  title?: string;
  /** lines about the names asked for (unknown names, names taken from a decision) */
  notes?: string[];
  /** the "Share summary" button, for those who may post the redacted summary */
  share?: Button;
}

const KIND_WORDS = {
  'direct-financial': 'direct financial',
  'indirect-financial': 'indirect financial',
  loyalty: 'loyalty',
} as const;

export function coiQuorumLine(r: CoiResult): string {
  const q = r.quorum;
  const quorum = q.met
    ? `${q.eligible} eligible voting members remain; the quorum (${q.rule}) needs ${q.required}, so the decision can be taken.`
    : `Only ${q.eligible} eligible voting members remain; the quorum (${q.rule}) needs ${q.required}. Take the decision to a meeting, or ask Local Trust and your rep for advice.`;
  const residents = q.residentMajority
    ? `Residents are ${q.eligibleResidents} of the ${q.eligible} eligible, still the majority.`
    : `Residents are only ${q.eligibleResidents} of the ${q.eligible} eligible: not the majority, so the decision would not be resident-led.`;
  return `${quorum} ${residents}`;
}

/** "Tom Whitfield: indirect financial interest. Their relative Bob Able would benefit." */
function personLine(name: string, reasons: readonly { kind: keyof typeof KIND_WORDS; detail: string }[]): string {
  const kinds = listNames([...new Set(reasons.map((x) => KIND_WORDS[x.kind]))]);
  const details = [...new Set(reasons.map((x) => x.detail.trim()))].filter(Boolean);
  return `${name}: ${kinds} interest.${details.length ? ` ${details.join(' ')}` : ''}`;
}

/**
 * The verdict is about taking part in this one decision ("should not take part", "can take
 * part"), never a mark against the person (docs/house-style.md).
 */
export function coiReply(r: CoiResult, options: CoiReplyOptions = {}): Reply {
  const about = options.title ?? `the decision about ${listNames(r.organisations)}`;
  const summary = r.mustNotTakePart.length
    ? `${plural(r.mustNotTakePart.length, 'member')} should not take part in ${about}.`
    : `Everyone eligible can take part in ${about}.`;
  // the answer first; the heading names the check for those who scroll back to it
  const blocks: Block[] = [
    { kind: 'text', text: summary },
    { kind: 'heading', text: `Conflicts of interest: ${options.title ?? listNames(r.organisations)}` },
  ];
  for (const note of options.notes ?? []) blocks.push({ kind: 'text', text: note });
  if (r.mustNotTakePart.length) {
    blocks.push(
      { kind: 'heading', text: 'Should not take part' },
      { kind: 'list', items: r.mustNotTakePart.map(({ person, reasons }) => personLine(person.name, reasons)) },
    );
  } else {
    blocks.push({ kind: 'text', text: 'Nobody has a recorded conflict of interest.' });
  }
  if (r.othersNotTakingPart.length) {
    // paid workers and the rep never vote, but take no part in the discussion either
    blocks.push(
      { kind: 'heading', text: 'Should not take part in the discussion (no vote)' },
      {
        kind: 'list',
        items: r.othersNotTakingPart.map(({ person, reasons }) =>
          personLine(`${person.name} (${describeRole(person)})`, reasons),
        ),
      },
    );
  }
  if (r.declaredAndStaying.length) {
    blocks.push(
      { kind: 'heading', text: 'Can take part after declaring (your partnership’s policy)' },
      { kind: 'list', items: r.declaredAndStaying.map(({ person, reasons }) => personLine(person.name, reasons)) },
    );
  }
  blocks.push({
    kind: 'facts',
    facts: [
      {
        label: 'Can take part and vote',
        value: r.eligibleVoters.length ? listNames(r.eligibleVoters.map((p) => p.name)) : 'nobody',
      },
      ...r.notEligible.map((n) => ({ label: n.person.name, value: `does not vote: ${n.why}` })),
    ],
  });
  blocks.push({ kind: 'text', text: coiQuorumLine(r) });
  if (options.share) blocks.push({ kind: 'actions', buttons: [options.share] });
  blocks.push({
    kind: 'note',
    text: 'From the register of interests, the roster’s relationships and declarations. Only you can see this.',
  });
  return { summary, blocks, visibility: 'private' };
}
