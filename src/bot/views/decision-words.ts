// The words of decisions that are not a card or a form: why someone can't take part, why a change
// was refused, the notices a person gets privately. The rules behind them are in src/domain/decisions.
import type { ConflictReason } from '../../domain/coi.ts';
import type { RefusedWhy } from '../../domain/decisions/lifecycle.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { reply, type Reply } from '../../domain/chat/reply.ts';
import { can } from '../../domain/permissions.ts';
import type { Person } from '../../domain/roster.ts';
import type { PartnershipSettings } from '../../domain/settings.ts';
import type { OwnPart, Position } from '../../services/decisions/record.ts';

export const KIND_WORDS = {
  'direct-financial': 'direct financial',
  'indirect-financial': 'indirect financial',
  loyalty: 'loyalty',
} as const;

export const NOT_FOUND =
  'I can’t find that decision in your partnership. Type `/partnership decisions` to see the open ones.';

export const MALFORMED =
  'I can’t find that decision in your partnership: that button does not carry what my buttons carry, so nothing was done. Type `/partnership decisions` to see the open ones.';

export const UNEXPECTED_FIELDS =
  'That form carries fields my form never had, so nothing was saved. Open it again from my message and send it from there.';

export const START_IN_CHANNEL =
  'Start the vote in your partnership’s channel (type `/partnership poll` there), so that everyone sees its card.';

export const manageRefusal = 'Only the chair, or the person who put this decision, can do that.';

/** Why this person cannot vote on any decision, or null when they have a vote. */
export function noVoteReason(person: Person | null): string | null {
  if (!person)
    return 'I don’t know who you are yet, so I can’t take your vote. Ask your chair or rep to link you with `/partnership link`.';
  if (can(person, 'decision.vote')) return null;
  if (person.kind === 'paid-worker')
    return 'Paid workers never vote on partnership decisions: Local Trust’s guidance says “in no circumstances should a paid worker also sit as a voting member”.';
  if (person.kind === 'rep') return 'The Big Local rep supports the partnership but does not vote on its decisions.';
  return 'You are a non-voting member of the partnership, so you don’t vote on its decisions. If you have an interest in one, declare it with its card’s Declare button or `/partnership declare`.';
}

export function createRefusal(person: Person | null, settings: PartnershipSettings): string {
  const who = settings.repMayCreateDecisions
    ? 'the chair, the vice-chair, the secretary or the rep'
    : 'the chair, the vice-chair or the secretary';
  const extra =
    person?.kind === 'rep'
      ? ' Your partnership has not allowed the rep to put decisions; its chair can change that setting.'
      : ' Ask one of them to start the vote.';
  return `Only ${who} can put a decision to the partnership.${extra}`;
}

/** A reason whose person was erased keeps only its kind (docs/privacy.md, "Erasure"): no organisation, no detail. */
export const describeReasons = (reasons: readonly ConflictReason[]): string[] =>
  reasons.map(
    (r) =>
      `${KIND_WORDS[r.kind]} interest${r.organisation ? ` (${r.organisation})` : ''}${r.detail ? `: ${r.detail}` : ''}`,
  );

/** `voter` false: someone without a vote (a non-voting member, a paid worker, the rep) who steps out of the discussion. */
function recusalParts(decision: Decision, reasons: readonly ConflictReason[], voter: boolean): [string, string] {
  const so = voter
    ? 'so you can’t vote on it'
    : 'so please stay out of its discussion (you don’t vote on it in any case)';
  return [
    `You must not take part in Decision ${decision.number} (“${decision.title}”), ${so}.`,
    `Why: ${describeReasons(reasons).join(' ')} The channel only sees how many people stepped back, never who or why.`,
  ];
}

export const recusalNotice = (decision: Decision, reasons: readonly ConflictReason[], voter = true): string =>
  recusalParts(decision, reasons, voter).join(' ');

/** The notice as a reply: the answer on its own line, the reasons after it (docs/house-style.md). */
export function recusalReply(
  decision: Decision,
  reasons: readonly ConflictReason[],
  voter = true,
  lead?: string,
): Reply {
  const lines = [...(lead ? [lead] : []), ...recusalParts(decision, reasons, voter)];
  return reply(
    lines.join(' '),
    lines.map((text) => ({ kind: 'text' as const, text })),
  );
}

export function closedMessage(d: Decision, closedAt: Date = d.closedAt ?? d.closesAt): string {
  return `Decision ${d.number} (“${d.title}”) closed at ${formatWhen(closedAt, d.rules.timeZone)}, so it no longer takes declarations or votes.`;
}

const SECRET_LIVE_AMEND =
  'A secret ballot can’t have live results: the counts would show how someone voted when they drop after a member is recused or leaves. To make it secret, choose “After close” for Results as well.';

/** A decision's rule refusing what was asked (src/domain/decisions: the plans and the prompts' checks). */
export function refusedText(d: Decision, why: RefusedWhy, person: Person | null): string {
  switch (why.code) {
    case 'closed':
      return closedMessage(d, why.closedAt);
    case 'no-such-option':
      return 'That option is not on this decision. Open the ballot again from the decision’s card.';
    case 'no-vote':
      return noVoteReason(person) ?? '';
    case 'recused':
      return recusalNotice(d, why.reasons);
    case 'not-eligible':
      return `You can’t vote on this decision: ${why.why}.`;
    case 'declare-first':
      return `Please declare first: before your vote on Decision ${d.number} counts, say whether you have any interest in it (“No interest” or “I have an interest”).`;
    case 'interest-on-record':
      return 'You have already declared an interest in this decision, and a declaration stays on the record. If something was wrong or is missing, tell the chair so it is noted in the minutes.';
    case 'secret-stays-secret':
      return 'A secret ballot can never be made open: members voted on the promise that their choice stays private.';
    case 'voted-stays-open':
      return 'Members have already voted on an open ballot, so it can’t become secret now. Start a new decision if it must be secret.';
    case 'secret-never-live':
      return SECRET_LIVE_AMEND;
    case 'hidden-until-close':
      return 'Results hidden until the decision closes can’t be revealed early; they will be shown when it closes.';
    case 'seen-stays-live':
      return 'Members have already seen live results, so they can’t be hidden now.';
    case 'vote-first':
      return `You haven’t voted on Decision ${d.number} yet, so there is no vote to give a reason for. Vote first, then add your reason; nothing was saved.`;
    case 'secret-no-reason':
      return `Decision ${d.number} is a secret ballot, so it takes no reasons: a reason would tell others how you voted. Nothing was saved.`;
    case 'remind-too-soon':
      return `Those who haven’t answered Decision ${d.number} were reminded less than 12 hours ago, so I haven’t reminded them again. You can send the next reminder from ${formatWhen(why.nextAt, d.rules.timeZone)}.`;
  }
}

/** A closed secret ballot no longer holds anyone's choice, their own included. */
const votedText = (option: string | null): string =>
  option === null ? 'You voted (secret ballot: choices are not kept once it closes).' : `You voted ${option}.`;

export function ownPartText(own: OwnPart): string {
  if ('recused' in own) return `You were recused: ${describeReasons(own.recused).join(' ')}`;
  const declared =
    own.declared === 'none'
      ? 'You declared no interest.'
      : own.declared === 'interest'
        ? 'You declared an interest.'
        : 'You have not declared.';
  return `${declared} ${own.voted ? votedText(own.voted.option) : 'You have not voted.'}`;
}

/** Where a person stands on an open decision (the list, the Home tab). */
export function positionText(p: Position): string {
  switch (p.kind) {
    case 'recused':
      return 'You are recused.';
    case 'no-vote':
      return 'You don’t vote on it.';
    case 'undeclared':
      return 'You have not declared yet.';
    case 'voted':
      return votedText(p.option);
    case 'declared':
      return 'You have declared; you have not voted yet.';
  }
}
