// The record of a decision in chat: the minutes-ready text privately (with the conflicts log for
// officers and the rep), and the conflicts log the chair may choose to share with the channel.
import {
  declarationLine,
  facts,
  headline,
  loyaltyPolicy,
  quorumSentence,
  recordMarkdown,
  recusalLine,
  residentSentence,
  rosterChangeCounts,
  rosterChangeLines,
  resultSentence,
  voterLines,
} from './decision-minutes.ts';
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { plural, withArticle } from '../../domain/roster.ts';
import { CONFLICT_KINDS, type ConflictKind } from '../../domain/coi.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import type { RecordView } from '../../services/decisions/record.ts';
import { kindsOf } from './coi-share.ts';
import { ownPartText } from './decision-words.ts';

export interface RecordViewOptions {
  decisionId: string;
  /** declarations and recusal reasons: officers and the rep */
  conflicts: boolean;
  canShare: boolean;
  canManage: boolean;
  /** the viewer's own part, when they are not shown the whole log */
  own?: string | undefined;
}

export function recordReply(r: DecisionRecord, o: RecordViewOptions): Reply {
  const blocks: Block[] = [
    { kind: 'heading', text: headline(r) },
    { kind: 'text', text: facts(r) },
  ];
  if (r.organisations.length)
    blocks.push({ kind: 'text', text: `Organisations involved: ${r.organisations.join('; ')}.` });
  if (r.description) blocks.push({ kind: 'text', text: r.description });
  blocks.push(
    { kind: 'heading', text: 'Result' },
    { kind: 'text', text: resultSentence(r) },
    { kind: 'text', text: quorumSentence(r) },
    { kind: 'text', text: residentSentence(r) },
  );
  const changes = o.conflicts ? rosterChangeLines(r) : [rosterChangeCounts(r)].filter((x): x is string => !!x);
  if (changes.length)
    blocks.push({ kind: 'heading', text: 'Changes to the roster during the vote' }, { kind: 'list', items: changes });
  if (o.conflicts) {
    blocks.push(
      { kind: 'heading', text: 'Declarations of interest' },
      {
        kind: 'list',
        items: r.declarations.length ? r.declarations.map((x) => declarationLine(r, x)) : ['No declarations yet.'],
      },
    );
    blocks.push(
      { kind: 'heading', text: 'Recusals' },
      { kind: 'text', text: loyaltyPolicy(r) },
      { kind: 'list', items: r.recusals.length ? r.recusals.map(recusalLine) : ['Nobody was recused.'] },
    );
    if (r.notEligible.length)
      blocks.push(
        { kind: 'heading', text: 'Not eligible to vote' },
        { kind: 'list', items: r.notEligible.map((n) => `${n.name}: ${n.why}`) },
      );
  } else {
    blocks.push({
      kind: 'text',
      text: `${r.counts.declared} declared; ${r.counts.recused === 0 ? 'nobody' : plural(r.counts.recused, 'member')} recused.${othersOut(r)}`,
    });
  }
  if (o.own) blocks.push({ kind: 'text', text: o.own });
  blocks.push({ kind: 'heading', text: 'Votes' }, { kind: 'list', items: voterLines(r) });
  const buttons: Button[] = [];
  if (o.canShare && o.conflicts)
    buttons.push({ actionId: 'decision.share', label: 'Share the conflicts log in the channel', value: o.decisionId });
  if (o.canManage && r.status === 'open') {
    buttons.push({ actionId: 'decision.amend', label: 'Change closing time or ballot', value: o.decisionId });
    buttons.push({ actionId: 'decision.close', label: 'Close now', value: o.decisionId, style: 'danger' });
  }
  if (buttons.length) blocks.push({ kind: 'actions', buttons });
  blocks.push({ kind: 'note', text: `Only you can see this. Times are ${r.timeZone}.` });
  return {
    summary: `${headline(r)}. ${resultSentence(r)}`,
    blocks,
    visibility: 'private',
    ...(o.conflicts
      ? { attachment: { filename: `decision-${r.number}.md`, mimeType: 'text/markdown', content: recordMarkdown(r) } }
      : {}),
  };
}

/**
 * The conflicts log for the channel: who declared or was recused, the kind of conflict, and that
 * those recused do not vote. The register entries, relationships and declarations' words behind
 * them stay in the private record.
 */
export function conflictsLogReply(r: DecisionRecord, sharedBy: string): Reply {
  const kind = (k: string | null) =>
    (CONFLICT_KINDS as readonly (string | null)[]).includes(k)
      ? `${withArticle(kindsOf([{ kind: k as ConflictKind }]))} interest`
      : 'an interest';
  const declared = r.declarations.map((x) =>
    x.outcome === 'none' ? `${x.name}: no interest` : `${x.name}: declared ${kind(x.kind)}`,
  );
  const notVoting = r.status === 'closed' ? 'did not vote' : 'does not vote';
  const recused = r.recusals.map(
    (x) => `${x.name}: ${kindsOf(x.reasons)} interest; ${x.voter ? notVoting : 'no vote, not taking part'}`,
  );
  const blocks: Block[] = [
    { kind: 'heading', text: `Conflicts of interest log: ${headline(r)}` },
    { kind: 'text', text: loyaltyPolicy(r) },
    { kind: 'heading', text: 'Declarations' },
    { kind: 'list', items: declared.length ? declared : ['No declarations yet.'] },
    { kind: 'heading', text: 'Recused' },
    { kind: 'list', items: recused.length ? recused : ['Nobody was recused.'] },
    {
      kind: 'note',
      text: `Shared by ${sharedBy} for the minutes. Conflicts are shown by kind only; the details stay in the private record.`,
    },
  ];
  return {
    summary: `Conflicts of interest log for ${headline(r)}: ${r.declarations.length} declarations, ${r.recusals.length} recused.`,
    blocks,
    visibility: 'channel',
  };
}

/** " 1 person without a vote is not taking part either." (counts only) */
const othersOut = (r: DecisionRecord): string => {
  const n = r.counts.notTakingPart - r.counts.recused;
  return n ? ` ${plural(n, 'person', 'people')} without a vote ${n === 1 ? 'is' : 'are'} not taking part either.` : '';
};

/** The record as the service gave it for this viewer. */
export const recordView = (v: RecordView): Reply =>
  recordReply(v.record, {
    decisionId: v.decisionId,
    conflicts: v.conflicts,
    canShare: v.canShare,
    canManage: v.canManage,
    own: v.own ? ownPartText(v.own) : undefined,
  });
