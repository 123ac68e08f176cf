// The conflict-of-interest check as a conversation: organisations typed by the chair (or taken
// from a stored decision with its declarations), "did you mean …?" for names close to known ones,
// then the private answer, and the redacted summary the chair may share with the channel.
// Button values carry the query (organisation names and a decision number: nothing personal);
// every click re-checks permission and recomputes from the database.
import { z } from 'zod';
import { checkConflicts, type CoiResult } from '../../domain/coi.ts';
import { organisationKey } from '../../domain/organisations.ts';
import { listNames } from '../../domain/roster.ts';
import type { DecisionForCheck } from '../../services/ports/index.ts';
import type { ScopedContext } from '../commands/types.ts';
import { can } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { coiShareReply, didYouMeanReply } from '../views/coi-share.ts';
import { coiReply } from '../views/coi.ts';
import { loadDirectory, privateText } from './common.ts';

export const MAX_ORGANISATIONS = 10;
const MAX_TOTAL = 1200;

export const querySchema = z.object({
  /** organisation names, as typed or as picked */
  n: z.array(z.string().min(1).max(200)).max(MAX_ORGANISATIONS),
  /** keys of names the chair chose to keep as typed */
  k: z.array(z.string().max(200)).max(MAX_ORGANISATIONS).default([]),
  /** a decision number */
  d: z.number().int().min(1).max(999_999).optional(),
});
export type CoiQuery = z.infer<typeof querySchema>;

/** "Acme Ltd; Riverside Youth Trust" or one per line: several bidders at once. */
export const splitOrganisations = (text: string): string[] =>
  text
    .split(/[;\n]|,(?=\s*[A-Z])/)
    .map((s) =>
      s
        .trim()
        .replace(/^["“']|["”']$/g, '')
        .trim(),
    )
    .filter(Boolean);

const DECISION = /^(?:the\s+)?(?:decision|vote)?\s*(?:no\.?|number)?\s*#?\s*(\d{1,6})$/i;

export function parseCheck(args: string): CoiQuery | string {
  const decision = DECISION.exec(args.trim());
  if (decision) return { n: [], k: [], d: Number(decision[1]) };
  const names = splitOrganisations(args);
  if (names.length === 0) {
    return 'Which organisation is the decision about? For example: `/partnership coi Riverside Youth Trust`, or `/partnership coi 12` for decision 12. Separate several bidders with semicolons.';
  }
  if (names.length > MAX_ORGANISATIONS)
    return `That is ${names.length} organisations; I check at most ${MAX_ORGANISATIONS} at once. Split them into two checks.`;
  const tooLong = names.find((n) => n.length > 200);
  if (tooLong) return `“${tooLong.slice(0, 40)}…” is longer than 200 characters; type the organisation’s name only.`;
  // The names travel in button values, which chat platforms cap at about 2,000 characters.
  if (names.join('').length > MAX_TOTAL)
    return `Those names come to more than ${MAX_TOTAL} characters; split them into two checks.`;
  return { n: names, k: [] };
}

const encode = (q: CoiQuery): string => JSON.stringify(q.d === undefined ? { n: q.n, k: q.k } : q);

interface Ready {
  result: CoiResult;
  decision: DecisionForCheck | null;
  notes: string[];
  query: CoiQuery;
}

const decisionTitle = (d: DecisionForCheck): string => `decision ${d.number} (${d.title})`;

/** Runs the check, or returns the reply that must come first (refusal, unknown decision, "did you mean"). */
async function prepare(ctx: ScopedContext, asked: CoiQuery): Promise<Ready | Reply> {
  const { person, partnership, roster } = ctx.scope;
  if (!can(person, 'coi.check'))
    return privateText(
      person
        ? refusal('coi.check')
        : 'I don’t know who you are yet. Ask your chair or rep to link you with `/partnership link`.',
    );
  let query = asked;
  let decision: DecisionForCheck | null = null;
  const notes: string[] = [];
  if (query.d !== undefined) {
    decision = await ctx.deps.stores.register.decisionForCheck(partnership.id, query.d);
    if (!decision)
      return privateText(
        `${partnership.name} has no decision ${query.d}. Check the number in the decision record, or name the organisations instead: \`/partnership coi Acme Ltd; Riverside Youth Trust\`.`,
      );
    if (query.n.length === 0) query = { ...query, n: decision.organisations.slice(0, MAX_ORGANISATIONS) };
    if (query.n.length === 0)
      notes.push(
        `Decision ${decision.number} names no organisation, so only the declarations made for it are checked. To check the register too, name the organisations: \`/partnership coi <organisation>\`.`,
      );
  }
  const directory = await loadDirectory(ctx);
  for (const [index, name] of query.n.entries()) {
    const known = directory.find(name);
    if (known) {
      if (organisationKey(known.name) !== organisationKey(name))
        notes.push(`“${name}” is another name for “${known.name}”: both are checked.`);
      continue;
    }
    const suggestions = query.k.includes(organisationKey(name)) ? [] : directory.suggest(name);
    if (suggestions.length) return askFirst(ctx, query, index, suggestions);
    notes.push(
      `Nobody’s register of interests mentions “${name}” or a name I know for it, so only declarations can show a conflict with it. If it is another name for a known organisation, an officer can link the two names with \`/partnership organisations\`.`,
    );
  }
  const result = checkConflicts(roster, {
    organisations: query.n,
    aliases: directory.aliasGroups(),
    declarations: decision?.declarations ?? [],
    keyDecision: decision ? decision.kind !== 'general' : true,
  });
  return { result, decision, notes, query };
}

function askFirst(ctx: ScopedContext, query: CoiQuery, index: number, suggestions: string[]): Reply {
  const typed = query.n[index]!;
  const replaced = (name: string): CoiQuery => ({ ...query, n: query.n.map((n, i) => (i === index ? name : n)) });
  return didYouMeanReply({
    typed,
    suggestions,
    use: suggestions.map((s) => ({
      actionId: 'coi.pick',
      label: `Use “${s}”`.slice(0, 75),
      value: encode(replaced(s)),
      style: 'primary' as const,
    })),
    keep: {
      actionId: 'coi.pick',
      label: `Keep “${typed}”`.slice(0, 75),
      value: encode({ ...query, k: [...query.k, organisationKey(typed)].slice(-MAX_ORGANISATIONS) }),
    },
    ...(can(ctx.scope.person, 'organisations.alias')
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

/** The private answer, with a "Share summary" button where the channel would see the summary. */
export async function runCheck(ctx: ScopedContext, query: CoiQuery, notice?: string): Promise<Reply[]> {
  const ready = await prepare(ctx, query);
  if (!('result' in ready)) return [ready];
  const { result, decision, notes, query: resolved } = ready;
  const inDirect = ctx.request.conversation.kind === 'direct';
  const mayShare = can(ctx.scope.person, 'coi.share');
  if (mayShare && inDirect)
    notes.push(
      'To share a summary with the partnership, run the check in its channel: the summary names who steps back and the kind of reason, nothing more.',
    );
  const shareQuery: CoiQuery = { ...resolved, k: resolved.n.map(organisationKey) };
  return [
    coiReply(result, {
      ...(decision ? { title: decisionTitle(decision) } : {}),
      notes: notice ? [notice, ...notes] : notes,
      ...(mayShare && !inDirect
        ? { share: { actionId: 'coi.share', label: 'Share summary', value: encode(shareQuery) } }
        : {}),
    }),
  ];
}

/** The redacted summary for the channel; recomputed, never copied from the private answer. */
export async function shareCheck(ctx: ScopedContext, query: CoiQuery): Promise<Reply[]> {
  const { person } = ctx.scope;
  if (!can(person, 'coi.share')) return [privateText(refusal('coi.share'))];
  const ready = await prepare(ctx, { ...query, k: query.n.map(organisationKey) });
  if (!('result' in ready)) return [ready];
  const about = ready.decision ? decisionTitle(ready.decision) : listNames(ready.result.organisations);
  await ctx.deps.stores.audit.record({
    partnershipId: ctx.scope.partnership.id,
    actorId: person?.id ?? null,
    action: 'coi.shared',
    subjectType: ready.decision ? 'decision' : 'organisations',
    subjectId: ready.decision?.id ?? null,
    after: {
      organisations: ready.result.organisations,
      steppingBack: ready.result.mustNotTakePart.map((c) => c.person.id),
    },
  });
  return [coiShareReply(ready.result, about, person?.name ?? 'an officer')];
}
