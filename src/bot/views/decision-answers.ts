// The answers to a person's own requests about decisions, from what the decision services return:
// the decision started, a declaration or vote taken, the prompts, the chair's close and amend,
// and the decisions’ refusals.
import type { Amended } from '../../domain/decisions/lifecycle.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { listNames, plural, type Person } from '../../domain/roster.ts';
import type { Block, Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { DecisionRefusal } from '../../services/decisions/deps.ts';
import type { CloseQuestion, AmendResult } from '../../services/decisions/manage.ts';
import type { BallotPrompt, DeclarePrompt } from '../../services/decisions/prompts.ts';
import type { Declared, Voted } from '../../services/decisions/respond.ts';
import type { Started } from '../../services/decisions/start.ts';
import { decisionCard } from './decision-card.ts';
import { createFormReply } from './decision-create-form.ts';
import { FIX, withProblems } from './form-problems.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';
import { quorumWarning } from './decision-notices.ts';
import { amendForm, ballotReply, declarationPrompt, declareButtons, interestFormReply } from './decision-prompts.ts';
import { closedMessage, recusalReply, refusedText, START_IN_CHANNEL } from './decision-words.ts';
import { reasonButton } from './decision-follow-up.ts';

const when = (d: Decision) => formatWhen(d.closesAt, d.rules.timeZone);
const recordButton = (d: Decision): Block => ({
  kind: 'actions',
  buttons: [{ actionId: 'decision.view', label: 'Show the record', value: d.id }],
});

/** The answer to the person who put the decision (and the card, when it could not be posted). */
export function startedReplies(s: Started): Reply[] {
  const d = s.state.decision;
  const lines = [
    `Decision ${d.number} is open until ${when(d)}.${s.posted ? ' Its card is in the channel.' : ''}`,
    `I asked ${plural(s.asked, 'voting member')} privately to declare any interest first.`,
  ];
  // The chat platform refused the card (an outage, a rate limit that outlasted the retries): the
  // card comes back with this answer instead, and the person who put the decision is told why.
  if (!s.posted && s.postFailed)
    lines.push(
      `I couldn’t post its card in the channel just now, so it comes with this answer instead; its counts won’t update by themselves. \`/partnership decision ${d.number}\` shows the record at any time.`,
    );
  if (s.recused)
    lines.push(
      `${plural(s.recused, 'member')} must not take part (the register of interests or their relationships show a conflict); each has been told why, privately.`,
    );
  if (s.othersOut)
    lines.push(
      `${plural(s.othersOut, 'person', 'people')} without a vote (a non-voting member, paid worker or the rep) must not take part in its discussion either; each has been told why, privately.`,
    );
  if (s.unreachable.length)
    lines.push(
      `I couldn’t reach ${listNames(s.unreachable)} privately (not linked to chat yet): they can use the card’s Declare button or \`/partnership declare\`.`,
    );
  if (s.quorumShort) lines.push(quorumWarning(s.state, s.roster).summary);
  const answer: Reply = {
    summary: lines[0]!,
    blocks: [{ kind: 'text', text: lines.join('\n') }, recordButton(d)],
    visibility: 'private',
  };
  // no platform to post through: the card goes back with the answer
  return s.posted ? [answer] : [answer, decisionCard(s.state, s.roster)];
}

const withLead = (lead: string, ballot: Reply, after: Reply['blocks'] = []): Reply => ({
  ...ballot,
  summary: `${lead} ${ballot.summary}`,
  blocks: [{ kind: 'text', text: lead }, ...ballot.blocks, ...after],
});

/**
 * The answer to a declaration replaces the message it was made from (the "Before you vote"
 * prompt, its form), where the platform allows: its "No interest" and "I have an interest"
 * buttons no longer apply. A reply in a message others see is never replaced (the adapters hold it).
 */
export const declaredReply = (x: Declared): Reply => ({ ...declaredAnswer(x), replaceOriginal: true });

function declaredAnswer(x: Declared): Reply {
  const d = x.state.decision;
  if (x.recused) return recusalReply(d, x.recused, x.voter, 'Thank you: your declaration is on the record.');
  if (x.closedNow) return textReply(`Thank you: your declaration is on the record. ${closedMessage(d)}`);
  if (!x.voter)
    return textReply(
      `${x.unchanged ? 'You had already declared' : 'Thank you: you declared'} no interest in Decision ${d.number}. You don’t vote on it; if that changes, declare it again before it closes.`,
    );
  const lead =
    x.outcome === 'none'
      ? `${x.unchanged ? 'You had already declared' : 'Thank you: you declared'} no interest in Decision ${d.number}.`
      : `Thank you: your interest is on the record. Your partnership’s policy is that loyalty interests are declared and the member stays, so you may vote.`;
  return withLead(lead, ballotReply(d, x.vote));
}

export function votedReply(v: Voted): Reply {
  const d = v.decision;
  const until = v.closedNow
    ? ' Everyone eligible has now voted, so the decision has closed.'
    : ` You can change it until ${when(d)}.`;
  if (v.unchanged) return textReply(`Your vote on Decision ${d.number} is already ${v.option}; nothing changed.`);
  if (v.previous)
    return withReason(
      d,
      v,
      textReply(`Your vote on Decision ${d.number} is changed from ${v.previous} to ${v.option}.${until}`),
    );
  return withReason(d, v, textReply(`Your vote on Decision ${d.number} is recorded: ${v.option}.${until}`));
}

/** An open ballot still open: the voter may add a short reason to the record. */
const withReason = (d: Decision, v: Voted, reply: Reply): Reply =>
  d.ballot === 'secret' || v.closedNow
    ? reply
    : { ...reply, blocks: [...reply.blocks, { kind: 'actions', buttons: [reasonButton(d)] }] };

export function ballotPromptReply(p: BallotPrompt): Reply {
  if (p.kind === 'declare-first')
    return declarationPrompt(p.decision, 'Please declare first: do you have an interest in this decision?');
  return ballotReply(p.decision, p.current);
}

const interestOnRecord = (d: Decision) =>
  textReply(`You have already declared an interest in Decision ${d.number}; it is on the record.`);

export function declarePromptReply(p: DeclarePrompt, partnershipName: string): Reply {
  switch (p.kind) {
    case 'ask':
      return p.voter
        ? declarationPrompt(p.decision)
        : declarationPrompt(p.decision, 'You don’t vote on this decision, but do you have an interest to declare?');
    case 'interest-declared':
      return interestOnRecord(p.decision);
    case 'declared-none': {
      const d = p.decision;
      if (!p.voter) {
        const said = `You declared no interest in Decision ${d.number}. You don’t vote on it; if that has changed, declare it.`;
        return {
          summary: said,
          blocks: [
            { kind: 'text', text: said },
            {
              kind: 'actions',
              buttons: [{ actionId: 'decision.declare.interest', label: 'I have an interest after all', value: d.id }],
            },
          ],
          visibility: 'private',
        };
      }
      return withLead(
        `You declared no interest in Decision ${d.number}. If that has changed, declare it before you vote.`,
        ballotReply(d, p.current),
        [
          {
            kind: 'actions',
            buttons: [{ actionId: 'decision.declare.interest', label: 'I have an interest after all', value: d.id }],
          },
        ],
      );
    }
    case 'none-open':
      return textReply(
        `${partnershipName} has no open decisions to declare on. Declarations are asked for when a vote starts.`,
      );
    case 'choose':
      return {
        summary: `${p.open.length} decisions are open. Which one is your declaration about?`,
        blocks: [
          { kind: 'text', text: 'Which decision is your declaration about?' },
          { kind: 'list', items: p.open.map((d) => `Decision ${d.number}: ${d.title} (closes ${when(d)})`) },
          {
            kind: 'actions',
            buttons: p.open
              .slice(0, 10)
              .map((d) => ({ actionId: 'decision.declare', label: `Decision ${d.number}`, value: d.id })),
          },
        ],
        visibility: 'private',
      };
  }
}

export const interestAlreadyReply = (d: Decision): Reply => interestOnRecord(d);

export function closeQuestionReply(q: CloseQuestion): Reply {
  const d = q.decision;
  const text = `Close Decision ${d.number} (“${d.title}”) now? ${q.voted} of ${q.eligible} eligible members have voted; it is due to close ${when(d)}.`;
  return {
    summary: text,
    blocks: [
      { kind: 'text', text },
      {
        kind: 'actions',
        buttons: [{ actionId: 'decision.close.confirm', label: 'Yes, close it now', value: d.id, style: 'danger' }],
      },
    ],
    visibility: 'private',
  };
}

/** Replaces the "Close it now?" question, so its "Yes, close it now" cannot be pressed a second time. */
export const closedByChairReply = (d: Decision): Reply => ({
  ...textReply(
    `Decision ${d.number} is closed. Its card in the channel shows the result; \`/partnership decision ${d.number}\` shows the record.`,
  ),
  replaceOriginal: true,
});

export function amendFormReply(d: Decision, problems?: readonly Problem[], typed?: Record<string, string>): Reply {
  if (!problems?.length)
    return {
      summary: `Change Decision ${d.number}.`,
      blocks: [{ kind: 'form', form: amendForm(d) }],
      visibility: 'private',
    };
  const form = amendForm(d);
  const kept = { ...form, fields: form.fields.map((f) => (typed?.[f.id] ? { ...f, initial: typed[f.id] } : f)) };
  return {
    summary: `Nothing was changed: ${formatProblems(problems)}`,
    blocks: [
      { kind: 'text', text: `Nothing was changed. ${FIX}` },
      { kind: 'form', form: withProblems(kept, problems) },
    ],
    visibility: 'private',
  };
}

const AMENDED = (d: Decision, a: Amended): string =>
  a.what === 'secret'
    ? 'the ballot is now secret'
    : a.what === 'after-close'
      ? 'results are now shown only after it closes'
      : `it now closes ${formatWhen(a.at, d.rules.timeZone)}`;

export function amendedReply(r: AmendResult): Reply {
  if (r.kind === 'unchanged') return textReply('Nothing to change: that is how the decision already stands.');
  return textReply(`Decision ${r.decision.number} changed: ${r.what.map((a) => AMENDED(r.decision, a)).join('; ')}.`);
}

export const sharedReply = (d: Decision): Reply =>
  textReply(`The conflicts log for Decision ${d.number} is now in the channel.`);

/**
 * A decision's own refusal in words (the shared ones, and "not found", are answered by the chat
 * layer's refusal handling). `prefix` leads an amendment's refusal ("Nothing was changed.").
 */
export function decisionRefusalReply(
  refused: Exclude<
    DecisionRefusal,
    { code: 'not-permitted' | 'unknown-person' | 'not-found' | 'invalid' | 'no-decision' }
  >,
  o: {
    person: Person | null;
    partnershipName: string;
    /** what the form sent, to fill it in again */
    values?: Record<string, string> | undefined;
    prefix?: string | undefined;
  },
): Reply {
  switch (refused.code) {
    case 'no-such-number':
      return textReply(
        `${o.partnershipName} has no Decision ${refused.number}. Type \`/partnership decisions\` to see the open ones.`,
      );
    case 'needs-channel':
      return textReply(START_IN_CHANNEL);
    case 'closing-time-invalid':
      // the change form again, the closing time typed kept and its problem beside it
      return amendFormReply(refused.decision, [{ where: 'closes', message: refused.problem }], o.values);
    case 'draft-invalid':
      return createFormReply(refused.problems, o.values, refused.channelId);
    case 'declaration-invalid':
      return interestFormReply(refused.decision, refused.problems, o.values);
    case 'refused': {
      if (refused.why.code === 'recused')
        return recusalReply(refused.decision, refused.why.reasons, true, o.prefix?.trim() || undefined);
      const text = `${o.prefix ?? ''}${refusedText(refused.decision, refused.why, o.person)}`;
      if (refused.why.code !== 'declare-first') return textReply(text);
      return {
        summary: text,
        blocks: [{ kind: 'text', text }, declareButtons(refused.decision)],
        visibility: 'private',
      };
    }
  }
}
