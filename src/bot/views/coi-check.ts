// The conflict-of-interest check as a conversation: the private answer (with a "Share summary"
// button where the channel would see the summary), "did you mean …?" first for names close to
// known ones, the redacted summary for the channel, and why a check was not run.
import { organisationKey } from '../../domain/organisations.ts';
import { listNames } from '../../domain/roster.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import type { AskFirst, Checked, CoiNote, CoiQuery, CoiRefusal, Shared } from '../../services/coi.ts';
import { MAX_ORGANISATIONS } from '../../services/coi.ts';
import type { DecisionForCheck } from '../../services/ports/index.ts';
import { coiReply } from './coi.ts';
import { coiShareReply, didYouMeanReply } from './coi-share.ts';
import { refusalText } from './refusals.ts';

/** A query as a button value (src/bot/commands/coi.ts reads it back). */
export const encodeQuery = (q: CoiQuery): string =>
  JSON.stringify(q.d === undefined ? { n: q.n, k: q.k } : { n: q.n, k: q.k, d: q.d });

const decisionTitle = (d: DecisionForCheck): string => `decision ${d.number} (${d.title})`;

function noteText(note: CoiNote): string {
  switch (note.kind) {
    case 'alias':
      return `“${note.typed}” is another name for “${note.known}”: both are checked.`;
    case 'unknown-name':
      return `Nobody’s register of interests mentions “${note.name}” or a name I know for it, so only declarations can show a conflict with it. If it is another name for a known organisation, an officer can link the two names with \`/partnership organisations\`.`;
    case 'no-organisations':
      return `Decision ${note.number} names no organisation, so only the declarations made for it are checked. To check the register too, name the organisations: \`/partnership coi <organisation>\`.`;
  }
}

const SHARE_IN_CHANNEL =
  'To share a summary with the partnership, run the check in its channel: the summary names who steps back and the kind of reason, nothing more.';

/** The private answer. `inDirect`: the summary cannot be shared from a direct conversation. */
export function checkedReply(c: Checked, inDirect: boolean, linkedNotice?: string): Reply {
  const notes = c.notes.map(noteText);
  if (c.mayShare && inDirect) notes.push(SHARE_IN_CHANNEL);
  const shareQuery: CoiQuery = { ...c.query, k: c.query.n.map(organisationKey) };
  return coiReply(c.result, {
    ...(c.decision ? { title: decisionTitle(c.decision) } : {}),
    notes: linkedNotice ? [linkedNotice, ...notes] : notes,
    ...(c.mayShare && !inDirect
      ? { share: { actionId: 'coi.share', label: 'Share summary', value: encodeQuery(shareQuery) } }
      : {}),
  });
}

export function askFirstReply(a: AskFirst): Reply {
  const { query, index, suggestions } = a;
  const typed = query.n[index] ?? '';
  const replaced = (name: string): CoiQuery => ({ ...query, n: query.n.map((n, i) => (i === index ? name : n)) });
  return didYouMeanReply({
    typed,
    suggestions,
    use: suggestions.map((s) => ({
      actionId: 'coi.pick',
      label: `Use “${s}”`.slice(0, 75),
      value: encodeQuery(replaced(s)),
      style: 'primary' as const,
    })),
    keep: {
      actionId: 'coi.pick',
      label: `Keep “${typed}”`.slice(0, 75),
      value: encodeQuery({ ...query, k: [...query.k, organisationKey(typed)].slice(-MAX_ORGANISATIONS) }),
    },
    ...(a.mayLink
      ? {
          link: {
            actionId: 'coi.link',
            label: `“${typed}” is “${suggestions[0]!}”`.slice(0, 75),
            value: JSON.stringify({ q: query, i: index, o: suggestions[0]! }),
          },
        }
      : {}),
  });
}

/** The redacted summary for the channel. */
export const sharedReply = (s: Shared): Reply =>
  coiShareReply(s.result, s.decision ? decisionTitle(s.decision) : listNames(s.result.organisations), s.sharedBy);

/** Why no check was run. `partnershipName` names where the decision number was looked for. */
export function coiRefusalText(refused: CoiRefusal, partnershipName: string): string {
  switch (refused.code) {
    case 'no-decision':
      return `${partnershipName} has no decision ${refused.number}. Check the number in the decision record, or name the organisations instead: \`/partnership coi Acme Ltd; Riverside Youth Trust\`.`;
    case 'no-organisation':
      return 'Which organisation is the decision about? For example: `/partnership coi Riverside Youth Trust`, or `/partnership coi 12` for decision 12. Separate several bidders with semicolons.';
    case 'too-many':
      return `That is ${refused.count} organisations; I check at most ${refused.max} at once. Split them into two checks.`;
    case 'name-too-long':
      return `“${refused.name.slice(0, 40)}…” is longer than 200 characters; type the organisation’s name only.`;
    case 'names-too-long':
      return `Those names come to more than ${refused.max} characters; split them into two checks.`;
    default:
      return refusalText(refused);
  }
}
