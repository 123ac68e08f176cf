// "Are we in criteria?" as a reply. Details (relationship chains, who counts as a resident) are
// only included when the viewer may see them and the reply is private; in a channel the
// relationship checks are one line that singles nobody out.
import type { CriteriaReport } from '../../domain/criteria/index.ts';
import { RELATIONSHIP_CHECKS, type CheckResult } from '../../domain/criteria/result.ts';
import type { Block, CheckItem, Reply, Tone } from '../../domain/chat/reply.ts';

export const CRITERIA_UNKNOWN_PERSON =
  'I don’t know who you are yet, so I can’t show the partnership’s details. Ask your chair or rep to add your email address to the roster or to link you with `/partnership link`.';

export interface CriteriaViewOptions {
  showDetails: boolean;
  visibility: Reply['visibility'];
  /** offer the officers' private detail view (in a channel) */
  offerDetails?: boolean;
}

export function criteriaHeadline(r: CriteriaReport): string {
  const state = r.inCriteria ? 'in criteria' : 'not in criteria';
  const warnings = r.checks.filter((c) => c.status === 'warn').length;
  const coi = r.conformsToCoiGuidance
    ? ''
    : ' The make-up of the partnership breaks the conflicts of interest guidance.';
  const warn = warnings ? ` ${warnings} ${warnings === 1 ? 'thing needs' : 'things need'} watching.` : '';
  return `${r.partnership} is ${state}: ${r.members} members, ${r.residents} of them residents.${coi}${warn}`;
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

/**
 * The channel's one line for every relationship check: whether there is anything to look at,
 * never which check, how many or whom. Officers and the rep see the rest privately.
 */
function relationshipsItem(checks: readonly CheckResult[]): CheckItem {
  const tone = WORST.find((t) => checks.some((c) => c.status === t)) ?? 'pass';
  return tone === 'pass'
    ? {
        tone,
        title: 'Relationships on the roster',
        text: 'No relationship between people on the roster breaks the rules.',
      }
    : {
        tone,
        title: 'Relationships on the roster',
        text: 'There are things to check privately about relationships on the roster. Officers and the rep can see them with the button below.',
      };
}

export function criteriaReply(r: CriteriaReport, options: CriteriaViewOptions): Reply {
  const headline = criteriaHeadline(r);
  const inChannel = options.visibility === 'channel';
  const shown = inChannel ? { ...r, checks: r.checks.filter((c) => !RELATIONSHIP_CHECKS.has(c.id)) } : r;
  const items = criteriaItems(shown, options.showDetails && !inChannel);
  if (inChannel) items.push(relationshipsItem(r.checks.filter((c) => RELATIONSHIP_CHECKS.has(c.id))));
  const failing = shown.checks.filter((c) => c.status === 'fail' && c.fix);
  const blocks: Block[] = [
    { kind: 'heading', text: r.inCriteria ? '✅ In criteria' : '❌ Not in criteria' },
    { kind: 'text', text: headline },
    { kind: 'checklist', items },
  ];
  if (failing.length) {
    blocks.push(
      { kind: 'heading', text: 'What to do' },
      { kind: 'list', items: failing.map((c) => `${c.title}: ${c.fix}`) },
    );
    if (!r.inCriteria) {
      blocks.push({
        kind: 'note',
        text: 'When out of criteria, tell Local Trust "what you are doing to meet them, and your timeline" (your rep can help).',
      });
    }
  }
  if (options.offerDetails) {
    blocks.push({
      kind: 'actions',
      buttons: [{ actionId: 'criteria.details', label: 'Show me the details privately', value: 'details' }],
    });
  }
  return { summary: headline, blocks, visibility: options.visibility };
}
