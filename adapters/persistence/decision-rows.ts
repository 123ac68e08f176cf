// Decision rows <-> the core's decision types. JSON columns are parsed defensively: a damaged
// column must not stop a record being shown.
import type { ConflictKind, ConflictReason } from '../../src/domain/coi.ts';
import { parseSettings } from '../../src/domain/settings.ts';
import {
  rulesFrom,
  type Ballot,
  type CardRef,
  type ClosingSnapshot,
  type CloseReason,
  type Decision,
  type DecisionKind,
  type MeetingFacts,
  type OpeningRoster,
  type RosterChangeKind,
  type RosterChangeRecord,
  type DecisionState,
  type Visibility,
} from '../../src/domain/decisions/types.ts';
import { safeJson } from './person-rows.ts';
import type { Db } from './database.ts';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

type DecisionRow = Awaited<ReturnType<Db['decision']['findUniqueOrThrow']>>;

const list = (text: string): string[] => {
  const v = safeJson(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** `opening`: the row of DecisionOpening (its own table: prisma/models.prisma says why); a query must include it. */
export function toDecision(row: DecisionRow & { opening: { roster: string } | null }): Decision {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    number: row.number,
    title: row.title,
    description: row.description,
    kind: row.kind as DecisionKind,
    organisations: list(row.organisations),
    options: list(row.options),
    ballot: row.ballot as Ballot,
    visibility: row.visibility as Visibility,
    rules: rulesFrom(parseSettings(safeJson(row.rules))),
    status: row.status === 'closed' ? 'closed' : 'open',
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    closeReason: (row.closeReason as CloseReason | null) ?? null,
    createdById: row.createdById,
    createdAt: row.createdAt,
    card: (safeJson(row.cardRef) as CardRef | undefined) ?? null,
    remindersSentAt: row.remindersSentAt,
    chairRemindedAt: row.chairRemindedAt,
    outcome: (safeJson(row.outcome) as ClosingSnapshot | undefined) ?? null,
    opening: openingOf(row.opening?.roster ?? null),
    rosterChanges: rosterChangesOf(row.rosterChanges),
    meeting: meetingOf(row.meeting),
  };
}

/** A meeting's record as stored; a damaged column reads as a chat poll's (none). */
function meetingOf(text: string | null): MeetingFacts | null {
  const v = safeJson(text) as Partial<MeetingFacts> | undefined;
  if (!v || typeof v.heldOn !== 'string' || !Array.isArray(v.present) || !v.result) return null;
  return {
    heldOn: v.heldOn,
    present: v.present.map(String),
    left: Array.isArray(v.left) ? v.left.map(String) : [],
    result: v.result,
    outcome: String(v.outcome ?? ''),
    flagged: Array.isArray(v.flagged) ? v.flagged : [],
  };
}

function openingOf(text: string | null): OpeningRoster | null {
  const v = safeJson(text) as Partial<OpeningRoster> | undefined;
  if (!v || !Array.isArray(v.onRoster) || !Array.isArray(v.votingMembers)) return null;
  return { onRoster: v.onRoster.map(String), votingMembers: v.votingMembers.map(String) };
}

const CHANGE_KINDS: readonly RosterChangeKind[] = ['joined', 'gained-vote', 'lost-vote', 'left'];

function rosterChangesOf(text: string): RosterChangeRecord[] {
  const v = safeJson(text);
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: { personId?: unknown; change?: unknown; voting?: unknown; at?: unknown }) =>
    typeof x?.personId === 'string' && CHANGE_KINDS.includes(x.change as RosterChangeKind)
      ? [
          {
            personId: x.personId,
            change: x.change as RosterChangeKind,
            voting: x.voting === true,
            at: new Date(String(x.at)),
          },
        ]
      : [],
  );
}

const reasonsOf = (text: string): ConflictReason[] => {
  const v = safeJson(text);
  return Array.isArray(v) ? (v as ConflictReason[]) : [];
};

// Rows in a state are in a fixed order, by their time (a declaration's latest, a recusal's or a
// vote's first) and then by person, so that rows written in the same millisecond (a batch of
// clicks) come out the same from a fresh read and from the fast path's copy (`inStoredOrder`).
const byTime = [{ createdAt: 'asc' as const }, { personId: 'asc' as const }];

const timeThenPerson = (a: { at: Date; personId: string }, b: { at: Date; personId: string }): number =>
  a.at.getTime() - b.at.getTime() || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/**
 * `rows` in that order: the same list when it is in order already (a list a click left alone).
 * `was` is a list that was in order: two neighbours that are still its two, at the same places,
 * are in order, so only pairs with a new or replaced row are compared (a click appends or
 * replaces one), and a click is not a walk over every row's dates.
 */
function inOrder<T extends { at: Date; personId: string }>(rows: readonly T[], was?: readonly T[]): T[] {
  for (let i = 1; i < rows.length; i++) {
    if (was && rows[i] === was[i] && rows[i - 1] === was[i - 1]) continue;
    if (timeThenPerson(rows[i - 1]!, rows[i]!) > 0) return [...rows].sort(timeThenPerson);
  }
  return rows as T[];
}

/**
 * The state's rows in the order `loadState` reads them. Lists already in order are kept as they
 * are (not copied): the conflict checks and standing remember what they worked out per list. A
 * list that is the same as in `before` (the state it was in order in) is not looked at again.
 */
export const inStoredOrder = (state: DecisionState, before?: DecisionState): DecisionState => {
  const ordered = <T extends { at: Date; personId: string }>(rows: readonly T[], was?: readonly T[]): T[] =>
    rows === was ? (rows as T[]) : inOrder(rows, was);
  return {
    ...state,
    declarations: ordered(state.declarations, before?.declarations),
    recusals: ordered(state.recusals, before?.recusals),
    votes: ordered(state.votes, before?.votes),
  };
};

/** The decision with its declarations, recusals and votes, and the names of everyone they mention. */
export async function loadState(tx: Tx | Db, id: string): Promise<DecisionState | null> {
  const row = await tx.decision.findUnique({
    where: { id },
    include: {
      declarations: { orderBy: [{ updatedAt: 'asc' }, { personId: 'asc' }] },
      recusals: { orderBy: byTime },
      votes: { orderBy: byTime },
      proxies: { orderBy: { createdAt: 'asc' } },
      opening: true,
    },
  });
  if (!row) return null;
  const ids = new Set([
    row.createdById,
    ...row.declarations.map((d) => d.personId),
    ...row.recusals.map((r) => r.personId),
    ...row.votes.map((v) => v.personId),
    ...rosterChangesOf(row.rosterChanges).map((c) => c.personId),
    ...(meetingOf(row.meeting)?.present ?? []),
    ...row.proxies.flatMap((p) => [p.appointerId, p.holderId]),
  ]);
  const people = await tx.person.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, resident: true },
  });
  return {
    decision: toDecision(row),
    declarations: row.declarations.map((d) => ({
      personId: d.personId,
      outcome: d.outcome === 'interest' ? 'interest' : 'none',
      kind: (d.kind as ConflictKind | null) ?? null,
      organisation: d.organisation,
      detail: d.detail,
      at: d.updatedAt,
    })),
    recusals: row.recusals.map((r) => ({
      personId: r.personId,
      reasons: reasonsOf(r.reasons),
      voter: Boolean(r.voter),
      at: r.createdAt,
    })),
    votes: row.votes.map((v) => ({
      personId: v.personId,
      option: v.option,
      changes: v.changes,
      at: v.createdAt,
      updatedAt: v.updatedAt,
      byProxy: Boolean(v.byProxy),
      reason: v.reason,
    })),
    proxies: row.proxies.map((p) => ({ appointerId: p.appointerId, holderId: p.holderId, at: p.createdAt })),
    people: Object.fromEntries(people.map((p) => [p.id, { name: p.name, resident: p.resident }])),
  };
}
