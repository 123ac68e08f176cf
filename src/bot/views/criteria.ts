// "Are we in criteria?" as a reply. In a channel it fits one screen: the answer and counts in
// one line, the one or two things to act on first, and a button for the rest; the relationship
// checks are one line that singles nobody out. Privately it adds what the channel did not show:
// whom it counted, every check, and every fix (relationship chains and who counts as a resident
// only for officers and the rep).
import type { CriteriaReport } from '../../domain/criteria/index.ts';
import { RELATIONSHIP_CHECKS, type CheckResult } from '../../domain/criteria/result.ts';
import { listNames, plural } from '../../domain/roster.ts';
import type { Block, CheckItem, Reply, Tone } from '../../domain/chat/reply.ts';

export const CRITERIA_UNKNOWN_PERSON =
  'I don’t know who you are yet, so I can’t show the partnership’s details. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.';

/** The channel shows this many things to act on; the private details show them all. */
export const CHANNEL_ACTIONS = 2;

export const DETAILS_BUTTON_LABEL = 'Show details';

export interface CriteriaViewOptions {
  showDetails: boolean;
  visibility: Reply['visibility'];
  /** offer the private details view (in a channel) */
  offerDetails?: boolean;
}

const RELATIONSHIPS_TITLE = 'Relationships on the roster';
const RELATIONSHIPS_TO_CHECK = 'some need a private look by an officer or the rep.';

/** "2 things to fix, 1 to watch", or "" when there is nothing. */
function thingsWords(fix: number, watch: number): string {
  const parts = [
    fix ? `${plural(fix, 'thing')} to fix` : '',
    watch ? (fix ? `${watch} to watch` : `${plural(watch, 'thing')} to watch`) : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/**
 * The answer in one short line: "In criteria: 10 members, 7 residents; 1 thing to watch." In a
 * channel the relationship checks count as one thing, so the count cannot say how many pairs.
 */
export function criteriaHeadline(r: CriteriaReport, inChannel = false): string {
  const counted = (status: CheckResult['status']) => {
    const own = r.checks.filter((c) => c.status === status && !(inChannel && RELATIONSHIP_CHECKS.has(c.id))).length;
    return inChannel && worstRelationshipTone(r.checks) === status ? own + 1 : own;
  };
  const things = thingsWords(counted('fail'), counted('warn'));
  return `${r.inCriteria ? 'In criteria' : 'Not in criteria'}: ${plural(r.members, 'member')}, ${plural(r.residents, 'resident')}${things ? `; ${things}` : ''}.`;
}

export function criteriaItems(r: CriteriaReport, showDetails: boolean): CheckItem[] {
  return r.checks.map((c) => ({
    tone: c.status,
    title: c.title,
    text: c.message,
    ...(c.fix && c.status !== 'pass' ? { fix: c.fix } : {}),
    ...(showDetails && c.details.length ? { details: c.details } : {}),
  }));
}

const WORST: Tone[] = ['fail', 'warn', 'info', 'pass'];

function worstRelationshipTone(checks: readonly CheckResult[]): Tone {
  const related = checks.filter((c) => RELATIONSHIP_CHECKS.has(c.id));
  return WORST.find((t) => related.some((c) => c.status === t)) ?? 'pass';
}

/** What to act on, the most urgent first: every fix (private), or what a channel may read. */
function actions(r: CriteriaReport, inChannel: boolean): string[] {
  const open = (status: Tone) =>
    r.checks
      .filter((c) => c.status === status && c.fix && !(inChannel && RELATIONSHIP_CHECKS.has(c.id)))
      .map((c) => `${c.title}: ${c.fix}`);
  const relationships = inChannel ? worstRelationshipTone(r.checks) : 'pass';
  return [
    ...open('fail'),
    ...(relationships === 'fail' ? [`${RELATIONSHIPS_TITLE}: ${RELATIONSHIPS_TO_CHECK}`] : []),
    ...open('warn'),
    ...(relationships === 'warn' ? [`${RELATIONSHIPS_TITLE}: ${RELATIONSHIPS_TO_CHECK}`] : []),
  ];
}

const OUT_OF_CRITERIA_NOTE =
  'When out of criteria, tell Local Trust "what you are doing to meet them, and your timeline" (your rep can help).';

function channelReply(r: CriteriaReport, options: CriteriaViewOptions): Reply {
  const headline = criteriaHeadline(r, true);
  const todo = actions(r, true);
  const blocks: Block[] = [{ kind: 'text', text: headline }];
  if (todo.length) {
    blocks.push({ kind: 'list', items: todo.slice(0, CHANNEL_ACTIONS) });
    if (todo.length > CHANNEL_ACTIONS)
      blocks.push({ kind: 'note', text: `And ${plural(todo.length - CHANNEL_ACTIONS, 'more thing')} in the details.` });
  }
  if (!r.inCriteria) blocks.push({ kind: 'note', text: OUT_OF_CRITERIA_NOTE });
  if (options.offerDetails) {
    blocks.push({
      kind: 'actions',
      buttons: [{ actionId: 'criteria.details', label: DETAILS_BUTTON_LABEL, value: 'details' }],
    });
  }
  return { summary: headline, blocks, visibility: 'channel' };
}

/** Whom the count took in, and whom it left out and why: names and roles, never residency. */
function countedFacts({ counted, notCounted }: CriteriaReport): Block {
  return {
    kind: 'facts',
    facts: [
      {
        label: `Members counted (${counted.length})`,
        value: counted.length ? listNames(counted) : 'nobody',
      },
      ...(notCounted.length ? [{ label: 'Not counted', value: `${notCounted.join('; ')}.` }] : []),
    ],
  };
}

export function criteriaReply(r: CriteriaReport, options: CriteriaViewOptions): Reply {
  if (options.visibility === 'channel') return channelReply(r, options);
  const headline = criteriaHeadline(r);
  const todo = actions(r, false);
  const blocks: Block[] = [{ kind: 'text', text: headline }];
  blocks.push({ kind: 'heading', text: 'Whom I counted' }, countedFacts(r));
  blocks.push(
    { kind: 'heading', text: 'Every check' },
    { kind: 'checklist', items: criteriaItems(r, options.showDetails) },
  );
  if (todo.length) blocks.push({ kind: 'heading', text: 'What to do' }, { kind: 'list', items: todo });
  if (!r.inCriteria) blocks.push({ kind: 'note', text: OUT_OF_CRITERIA_NOTE });
  if (!options.showDetails)
    blocks.push({
      kind: 'note',
      text: 'Who is related to whom and who counts as a resident are shown to officers and the rep only.',
    });
  return { summary: headline, blocks, visibility: options.visibility };
}
