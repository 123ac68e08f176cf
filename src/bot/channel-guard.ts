// The one privacy guard for whatever leaves for a channel (Slack, Teams, the playground): the
// bot's answers (src/bot/bot.ts) and what the core posts or updates there on its own (src/bot/notifier-registry.ts).
// Views already build channel replies from names, kinds and counts only; this is the defence in
// depth behind them. A reply carrying the partnership's private free text (a register entry or
// its detail, a relationship chain, a declaration's words, someone's resident status) is not
// posted: a safe message goes instead, and the log gets a code, never the content.
import { INTEREST_LABELS } from '../domain/register.ts';
import type { Roster } from '../domain/roster.ts';
import type { Conversation } from '../domain/chat/inbound.ts';
import type { Logger, RegisterStore, DirectoryStore, RosterStore } from '../services/ports/index.ts';
import type { Reply } from '../domain/chat/reply.ts';
import { replyText } from '../domain/chat/reply.ts';

export type LeakCode = 'register-entry' | 'interest-detail' | 'relationship' | 'declaration-detail' | 'residency';

interface Phrase {
  code: LeakCode;
  /** normalised (see `norm`) */
  text: string;
}

/** What the partnership holds privately, in the forms a view could render it. */
export interface PrivateText {
  phrases: Phrase[];
  /** normalised names of everyone on the roster (resident wording next to a name) */
  names: string[];
}

const norm = (s: string): string => s.toLowerCase().replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Free text is matched whole. Short or one-word texts ("manager") are everyday words the bot's own
 * sentences and decision titles use, so only distinctive ones count: two words or more, or one
 * long word. (The register entry and relationship phrases below always count.)
 */
const distinctive = (s: string): boolean => (s.includes(' ') ? s.length >= 8 : s.length >= 10);

/** Words a relationship is told in (src/domain/kinship.ts, src/domain/register.ts, src/domain/coi.ts). */
const BONDS = [
  'spouse',
  'civil partner',
  'partner',
  'unmarried partner',
  'parent',
  'child',
  'grandparent',
  'grandchild',
  'sibling',
  'household member',
  'close friend',
  'relative',
  'friend',
];

export function privateTextOf(roster: Roster, declarationDetails: readonly string[]): PrivateText {
  const phrases: Phrase[] = [];
  const add = (code: LeakCode, text: string | undefined) => {
    const t = norm(text ?? '');
    if (t) phrases.push({ code, text: t });
  };
  const byId = new Map(roster.people.map((p) => [p.id, p]));
  for (const person of roster.people) {
    for (const i of person.interests) {
      add('register-entry', `${i.kind} of ${i.organisation}`);
      add('register-entry', `${INTEREST_LABELS[i.kind].replace(/ \(.*\)$/, '')} of ${i.organisation}`);
      if (i.detail && distinctive(norm(i.detail))) add('interest-detail', i.detail);
    }
  }
  // "Ann is Bob's spouse", "Their close friend Bob": any bond word after the name of someone in a relationship.
  const related = new Set(roster.relationships.flatMap((r) => [r.fromId, r.toId]));
  for (const id of related) {
    const name = byId.get(id)?.name;
    if (!name) continue;
    for (const bond of BONDS) {
      add('relationship', `${name}'s ${bond}`);
      add('relationship', `${bond} ${name}`);
    }
  }
  for (const d of declarationDetails) if (distinctive(norm(d))) add('declaration-detail', d);
  return { phrases, names: roster.people.map((p) => norm(p.name)).filter((n) => n.length > 0) };
}

/** Everything a platform would show of a reply: text, form contents, a file. */
function shown(reply: Reply): string[] {
  const lines = replyText(reply).split('\n');
  for (const b of reply.blocks) {
    if (b.kind !== 'form') continue;
    for (const f of b.form.fields)
      lines.push(f.initial ?? '', f.placeholder ?? '', f.hint ?? '', ...(f.options ?? []).map((o) => o.label));
  }
  if (reply.attachment) lines.push(reply.attachment.filename, ...reply.attachment.content.split('\n'));
  return lines.map(norm).filter(Boolean);
}

const RESIDENCY = /\b(non-?)?residents?\b|\blives? in the area\b|\bdoesn't live\b/;

/** The first kind of private text the reply would show, or null when it is safe for a channel. */
export function leakIn(reply: Reply, text: PrivateText): LeakCode | null {
  const lines = shown(reply);
  const all = lines.join('\n');
  const hit = text.phrases.find((p) => all.includes(p.text));
  if (hit) return hit.code;
  // Resident wording is fine in counts ("6 of 9 members live in the area"), never beside a name.
  if (lines.some((line) => RESIDENCY.test(line) && text.names.some((n) => line.includes(n)))) return 'residency';
  return null;
}

export const WITHHELD =
  'I held this message back: it would have shown someone’s personal details (an interest, a relationship, a declaration or where someone lives) to the whole channel. Ask me in a direct message instead.';

const withheld = (original: Reply): Reply => ({
  summary: WITHHELD,
  blocks: [{ kind: 'text', text: WITHHELD }],
  visibility: 'channel',
  ...(original.replaceOriginal ? { replaceOriginal: true } : {}),
});

export interface ChannelGuardDeps {
  stores: { directory: DirectoryStore; rosters: RosterStore; register: RegisterStore };
  logger: Logger;
}

/** Where a message goes: a conversation, or a message already posted (no kind: looked up by its binding). */
export type Destination = Pick<Conversation, 'platform' | 'workspaceId' | 'channelId'> & {
  kind?: Conversation['kind'];
};

export interface ChannelGuard {
  /**
   * The reply as it may be posted at the destination: unchanged when only the asker sees it (a
   * private reply, a direct chat, a conversation bound to no partnership), otherwise checked
   * against the partnership's private text. `roster` saves a lookup when the caller has it.
   */
  screen(where: Destination, reply: Reply, known?: { partnershipId: string; roster: Roster }): Promise<Reply>;
}

export function createChannelGuard(deps: ChannelGuardDeps): ChannelGuard {
  return {
    async screen(where, reply, known) {
      if (reply.visibility !== 'channel' || where.kind === 'direct') return reply;
      let partnershipId = known?.partnershipId;
      let roster = known?.roster;
      if (!partnershipId || !roster) {
        const binding = await deps.stores.directory.findBinding(where.platform, where.workspaceId, where.channelId);
        if (!binding) return reply; // no partnership here: nothing of anyone's to show (src/bot/context.ts)
        partnershipId = binding.partnershipId;
        roster = await deps.stores.rosters.loadRoster(partnershipId);
      }
      const code = leakIn(reply, privateTextOf(roster, await deps.stores.register.declarationDetails(partnershipId)));
      if (!code) return reply;
      deps.logger.warn('channel reply withheld', { code, platform: where.platform, partnershipId });
      return withheld(reply);
    },
  };
}
