// What is still to do for the review, in words: the lines of a nudge, of the status, of
// "Not yet" when the rep tries to mark the review as submitted, and of what is still open when
// they confirm it.
import type { DetailIssue, Outstanding } from '../../domain/review/status.ts';
import type { OpenItem } from '../../domain/review/submit.ts';
import { listNames, plural } from '../../domain/roster.ts';

export function detailIssueText(d: DetailIssue): string {
  switch (d.kind) {
    case 'no-address':
      return `${d.name} has no email address on the roster, so I can’t ask them to confirm: add it, or link their chat account.`;
    case 'unreachable':
      return `I could not reach ${d.name} privately to ask them to confirm: check their chat account is linked (\`/partnership link\`).`;
    case 'resident-differs':
      return `${d.name} confirmed they ${d.resident ? 'live' : 'do not live'} in the area, but the roster says they ${d.rosterResident ? 'do' : 'do not'}: update the roster.`;
  }
}

export function outstandingText(o: Outstanding): string {
  switch (o.kind) {
    case 'unconfirmed':
      return `${plural(o.names.length, 'member has', 'members have')} not confirmed their membership yet: ${listNames(o.names)}.`;
    case 'leaving':
      return `${o.name} says they are no longer a member: update the roster.`;
    case 'details':
      return detailIssueText(o.issue);
    case 'changes':
      return `${plural(o.changes.length, 'change')} since the ${o.lastYear} review to check: ${o.changes.join(' ')}`;
    case 'questions':
      // a digit first: the line also follows "before the review is marked as submitted, "
      return `${o.titles.length} of 4 review questions ${o.titles.length === 1 ? 'is' : 'are'} unanswered: ${o.titles.join(' ')}`;
    case 'plan': {
      const missing = [
        o.missingPlan ? 'what the partnership is doing to meet the criteria' : '',
        o.missingTimeline ? 'the timeline' : '',
      ].filter(Boolean);
      return `The partnership is out of criteria: the review needs ${missing.join(' and ')}.`;
    }
  }
}

/** A line of "still open" when the review is marked as submitted: what is outstanding, and failing checks. */
export function openItemText(o: OpenItem): string {
  return o.kind === 'failing-check' ? `A criteria check needs action: ${o.title}. ${o.message}` : outstandingText(o);
}
