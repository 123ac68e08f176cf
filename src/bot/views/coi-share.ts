// The conflict-of-interest check's channel-safe side: the redacted summary a chair may post
// (names of those stepping back and the KIND of reason only: no register entry, no relationship,
// no declaration text, nothing about residency), and the private "did you mean …?" question.
import type { CoiResult, ConflictKind } from '../../domain/coi.ts';
import { listNames, plural } from '../../domain/roster.ts';
import type { Block, Button, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';

const KIND_WORDS: Record<ConflictKind, string> = {
  'direct-financial': 'direct financial',
  'indirect-financial': 'indirect financial',
  loyalty: 'loyalty',
};

/**
 * The kind of a conflict as a channel may read it ("direct financial", "loyalty"): never the
 * register entry, the relationship chain or the declaration behind it. The shared conflicts log
 * of a decision says it the same way.
 */
export const kindsOf = (reasons: readonly { kind: ConflictKind }[]): string =>
  listNames([...new Set(reasons.map((r) => KIND_WORDS[r.kind]))]);

/** Everything here may be read by the whole channel: build it only from names, kinds and counts. */
export function coiShareReply(r: CoiResult, about: string, sharedBy: string): Reply {
  const summary = r.mustNotTakePart.length
    ? `Conflicts of interest for ${about}: ${plural(r.mustNotTakePart.length, 'member')} will step back.`
    : `Conflicts of interest for ${about}: nobody has a recorded conflict.`;
  const blocks: Block[] = [{ kind: 'heading', text: `Conflicts of interest: ${about}` }];
  if (r.mustNotTakePart.length) {
    blocks.push({ kind: 'text', text: 'Stepping back from this decision:' });
    blocks.push({
      kind: 'list',
      items: r.mustNotTakePart.map(({ person, reasons }) => `${person.name}: ${kindsOf(reasons)} interest`),
    });
  } else {
    blocks.push({ kind: 'text', text: 'Nobody has a recorded conflict of interest.' });
  }
  if (r.declaredAndStaying.length) {
    blocks.push({ kind: 'text', text: 'Declared an interest and stay, as the partnership’s policy allows:' });
    blocks.push({
      kind: 'list',
      items: r.declaredAndStaying.map(({ person, reasons }) => `${person.name}: ${kindsOf(reasons)} interest`),
    });
  }
  const q = r.quorum;
  blocks.push({
    kind: 'text',
    text: q.met
      ? `${plural(q.eligible, 'voting member')} can take part; the quorum needs ${q.required}, so the decision can be taken.`
      : `Only ${plural(q.eligible, 'voting member')} can take part; the quorum needs ${q.required}, so the decision cannot be taken as things stand.`,
  });
  blocks.push({
    kind: 'note',
    text: `Shared by ${sharedBy} from the private check. Reasons are shown by kind only; the details stay private.`,
  });
  return reply(summary, blocks, 'channel');
}

export interface DidYouMean {
  typed: string;
  suggestions: string[];
  /** one button per suggestion */
  use: Button[];
  keep: Button;
  /** for those who may link names: "they are the same organisation" */
  link?: Button;
}

export function didYouMeanReply(q: DidYouMean): Reply {
  const names = q.suggestions.map((s) => `“${s}”`).join(' or ');
  const text = `I don’t know an organisation called “${q.typed}”, but it is close to ${names}. Did you mean ${q.suggestions.length > 1 ? 'one of those' : 'that'}? Use the known name so the check finds everyone’s register entries, or keep yours.`;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Did you mean …?' },
    { kind: 'text', text },
    { kind: 'actions', buttons: [...q.use, q.keep, ...(q.link ? [q.link] : [])] },
    { kind: 'note', text: 'Names are compared ignoring case, accents, punctuation, “The” and “Limited”/“Ltd”.' },
  ];
  return reply(`Did you mean ${names}?`, blocks, 'private');
}
