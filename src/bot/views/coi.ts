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

export function coiReply(r: CoiResult, options: CoiReplyOptions = {}): Reply {
  const orgs = listNames(r.organisations);
  const t = options.title;
  const summary = r.mustNotTakePart.length
    ? `${plural(r.mustNotTakePart.length, 'member')} must not take part in ${t ?? `the decision about ${orgs}`}.`
    : `Nobody has a recorded conflict ${t ? `in ${t}` : `with ${orgs}`}.`;
  const blocks: Block[] = [
    { kind: 'heading', text: `Conflicts of interest: ${t ?? orgs}` },
    { kind: 'text', text: summary },
  ];
  for (const note of options.notes ?? []) blocks.push({ kind: 'text', text: note });
  if (r.mustNotTakePart.length) {
    blocks.push({
      kind: 'checklist',
      items: r.mustNotTakePart.map(({ person, reasons }) => ({
        tone: 'fail' as const,
        title: person.name,
        text: `Must not take part: ${[...new Set(reasons.map((x) => KIND_WORDS[x.kind]))].join(', ')} interest.`,
        details: reasons.map((x) => `${KIND_WORDS[x.kind]}: ${x.detail}`),
      })),
    });
  }
  if (r.othersNotTakingPart.length) {
    // paid workers and the rep never vote, but take no part in the discussion either
    blocks.push({
      kind: 'checklist',
      items: r.othersNotTakingPart.map(({ person, reasons }) => ({
        tone: 'fail' as const,
        title: `${person.name} (${describeRole(person)}, no vote)`,
        text: `Must not take part in the discussion: ${[...new Set(reasons.map((x) => KIND_WORDS[x.kind]))].join(', ')} interest.`,
        details: reasons.map((x) => `${KIND_WORDS[x.kind]}: ${x.detail}`),
      })),
    });
  }
  if (r.declaredAndStaying.length) {
    blocks.push({
      kind: 'checklist',
      items: r.declaredAndStaying.map(({ person, reasons }) => ({
        tone: 'warn' as const,
        title: person.name,
        text: 'Loyalty interest: declares it and stays (your partnership’s policy).',
        details: reasons.map((x) => x.detail),
      })),
    });
  }
  blocks.push({
    kind: 'facts',
    facts: [
      {
        label: 'Eligible to vote',
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
