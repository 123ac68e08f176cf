// The words of proxy votes: the form to appoint a proxy, the proxy's ballot, who holds your proxy
// (with the button to withdraw it), the answers, and why a proxy cannot be appointed, withdrawn or
// used. All private.
import type { Block, Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { ProxyOutcome, ProxyWhy } from '../../domain/decisions/proxy.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import type { Person } from '../../domain/roster.ts';
import type { OwnProxy, ProxyPrompt } from '../../services/decisions/proxy.ts';
import { refusedText } from './decision-words.ts';

export const PROXY_FORM_ID = 'decision.proxy';
export const PROXY_VOTE_ACTION = 'decision.proxy.vote';
export const PROXY_WITHDRAW_ACTION = 'decision.proxy.withdraw';
export const PROXY_FORM_FIELDS = ['holder'] as const;

const title = (d: Decision) => `Decision ${d.number} (“${d.title}”)`;

const WHY: Record<ProxyWhy, (d: Decision) => string> = {
  'proxies-off': (d) =>
    `${title(d)} does not take proxy votes: the partnership’s settings did not allow them when it was put (the \`proxyVotes\` setting, for partnerships whose terms of reference allow proxies).`,
  'declare-first': (d) =>
    `Please declare any interest in ${title(d)} first (the Declare button on its card, or \`/partnership declare\`): a proxy is never used by or for a member with a conflict.`,
  'already-voted': (d) => `You have already voted on ${title(d)}, so there is no proxy to appoint.`,
  'already-appointed': (d) =>
    `You have already appointed a proxy for ${title(d)}. To appoint someone else, withdraw it first: \`/partnership proxy ${d.number}\`.`,
  self: (d) => `Choose another voting member as your proxy for ${title(d)}.`,
  'holder-not-eligible': (d) =>
    `That person cannot hold your proxy for ${title(d)}: a proxy must be a voting member who may vote on it (not recused). Choose another.`,
  'holder-busy': (d) =>
    `That person already holds another member’s proxy for ${title(d)}; a member holds at most one. Choose another.`,
  'no-proxy': (d) => `You do not hold anyone’s proxy for ${title(d)}.`,
  'appointer-voted': (d) =>
    `The member whose proxy you hold has voted on ${title(d)} themselves, so their own vote counts and the proxy is not needed.`,
  'appointer-out': (d) =>
    `The proxy for ${title(d)} cannot be used: you or the member who appointed you is recused or cannot vote on it.`,
  'no-appointment': (d) => `You have no proxy to withdraw for ${title(d)}.`,
  'proxy-used': (d) =>
    `Your proxy has already voted for you on ${title(d)}, so the appointment can no longer be withdrawn. If you vote yourself, your own vote counts instead.`,
};

/** Who holds the member's proxy, and whether it has been used. */
const ownProxyLine = (d: Decision, own: OwnProxy): string =>
  own.used
    ? `${own.holder} holds your proxy for ${title(d)} and has voted for you. If you vote yourself, your own vote counts instead.`
    : `${own.holder} holds your proxy for ${title(d)} and has not voted with it yet. You can withdraw it, then appoint someone else or vote yourself.`;

/** That line, and the button to withdraw the proxy while it is unused. */
function ownProxyBlocks(d: Decision, own: OwnProxy): Block[] {
  const line: Block = { kind: 'text', text: ownProxyLine(d, own) };
  if (own.used) return [line];
  return [
    line,
    { kind: 'actions', buttons: [{ actionId: PROXY_WITHDRAW_ACTION, label: 'Withdraw my proxy', value: d.id }] },
  ];
}

/** Why nothing was done, in words. */
export function proxyOutcomeText(d: Decision, outcome: ProxyOutcome, person: Person | null): string {
  if (outcome.kind === 'proxy-refused') return WHY[outcome.why](d);
  if (outcome.kind === 'refused') return refusedText(d, outcome, person);
  return '';
}

export function proxyPromptReply(p: ProxyPrompt, person: Person | null): Reply {
  const d = p.decision;
  if (p.kind === 'proxy-refused') return textReply(proxyOutcomeText(d, p.outcome, person));
  if (p.kind === 'own-proxy')
    return { summary: ownProxyLine(d, p.own), blocks: ownProxyBlocks(d, p.own), visibility: 'private' };
  if (p.kind === 'proxy-ballot') {
    const own = p.own ? ownProxyBlocks(d, p.own) : [];
    if (p.appointerVoted) {
      const lead = `${p.appointer} has voted on ${title(d)} themselves, so their own vote counts.`;
      return { summary: lead, blocks: [{ kind: 'text', text: lead }, ...own], visibility: 'private' };
    }
    const lead = `You hold ${p.appointer}’s proxy for ${title(d)}. What you choose here is counted as their vote${p.current ? ` (now: ${p.current})` : ''}; your own vote is separate.`;
    return {
      summary: lead,
      blocks: [
        { kind: 'text', text: lead },
        {
          kind: 'actions',
          buttons: d.options.map((label, i) => ({
            actionId: PROXY_VOTE_ACTION,
            label: `${label} (for ${p.appointer})`,
            value: `${d.id}:${i}`,
          })),
        },
        ...own,
      ],
      visibility: 'private',
    };
  }
  if (p.holders.length === 0)
    return textReply(`No other voting member can hold your proxy for ${title(d)} now (each may hold one).`);
  const lead = `Appoint a proxy for ${title(d)}: another voting member who votes for you on this decision only. If you then vote yourself, your own vote counts instead.`;
  const blocks: Block[] = [
    { kind: 'text', text: lead },
    {
      kind: 'form',
      form: {
        id: PROXY_FORM_ID,
        title: `Proxy for Decision ${d.number}`,
        submitLabel: 'Appoint',
        context: d.id,
        fields: [
          {
            id: 'holder',
            label: 'Your proxy',
            type: 'select',
            required: true,
            options: p.holders.map((h) => ({ value: h.id, label: h.name })),
          },
        ],
      },
    },
  ];
  return { summary: lead, blocks, visibility: 'private' };
}

export function appointedReply(
  r: { decision: Decision; outcome: ProxyOutcome; holder: string },
  person: Person | null,
) {
  if (r.outcome.kind !== 'appointed') return textReply(proxyOutcomeText(r.decision, r.outcome, person));
  return textReply(
    `${r.holder} is now your proxy for ${title(r.decision)}. Tell them: they vote for you with \`/partnership proxy ${r.decision.number}\`. If you vote yourself, your own vote counts instead.`,
  );
}

export function withdrawnReply(
  r: { decision: Decision; outcome: ProxyOutcome; holder: string },
  person: Person | null,
) {
  if (r.outcome.kind !== 'withdrawn') return textReply(proxyOutcomeText(r.decision, r.outcome, person));
  return textReply(
    `${r.holder} no longer holds your proxy for ${title(r.decision)}. You can appoint someone else with \`/partnership proxy ${r.decision.number}\`, or vote yourself. If you told ${r.holder}, tell them it is withdrawn.`,
  );
}

export function proxyVotedReply(
  r: { decision: Decision; outcome: ProxyOutcome; appointer: string },
  person: Person | null,
) {
  if (r.outcome.kind !== 'proxy-voted') return textReply(proxyOutcomeText(r.decision, r.outcome, person));
  const said = r.outcome.unchanged
    ? `${r.appointer}’s vote on ${title(r.decision)} is already ${r.outcome.option}.`
    : `Recorded: ${r.outcome.option}, by proxy for ${r.appointer}, on ${title(r.decision)}.`;
  return textReply(
    r.outcome.closed ? `${said} Every eligible member has now voted, so the decision has closed.` : said,
  );
}
