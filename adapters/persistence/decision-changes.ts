// The one writer of a declaration, a recusal, a withdrawn vote, a close, "reminders sent", a
// vote's reason and the chair's reminder
// (docs/database.md, "One writer per kind of change"), as prepared statements beside the vote's
// (decision-votes.ts): used by the fast path's batched transactions (decision-fast.ts) and, through
// the same statements, inside the locked transaction (decision-store.ts, fast-sql.ts `prismaSql`).
// Each writes its rows and its audit row and returns the state as a fresh read (decision-rows.ts
// `loadState`) would give it, so the fast path can keep deciding on its copy.
import { randomUUID } from 'node:crypto';
import type { Change, DecisionState, Plan } from '../../src/domain/decisions/types.ts';
import type { SqlRunner, SqlValue } from './fast-sql.ts';

type Of<K extends Change['type']> = Extract<Change, { type: K }>;
/** The changes written here; a vote is decision-votes.ts's, the rest decision-store.ts's. */
export type RowChange =
  | Of<'declare'>
  | Of<'recuse'>
  | Of<'withdraw-vote'>
  | Of<'close'>
  | Of<'reminders-sent'>
  | Of<'vote-reason'>
  | Of<'chair-reminded'>;

const ROW_KINDS: ReadonlySet<Change['type']> = new Set([
  'declare',
  'recuse',
  'withdraw-vote',
  'close',
  'reminders-sent',
  'vote-reason',
  'chair-reminded',
]);
export const isRowChange = (c: Change): c is RowChange => ROW_KINDS.has(c.type);

/** What a JSON column gives back when read: `undefined` fields gone, dates as text. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function audit(
  tx: SqlRunner,
  state: DecisionState,
  plan: Plan<unknown>,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  const d = state.decision;
  const args: SqlValue[] = [
    randomUUID(),
    d.partnershipId,
    plan.actorId,
    action,
    'decision',
    d.id,
    before === null ? null : JSON.stringify(before),
    JSON.stringify(after),
    plan.at,
  ];
  await tx.run(
    'INSERT INTO "AuditEvent" ("id", "partnershipId", "actorId", "action", "subjectType", "subjectId", "before", "after", "at") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    args,
  );
}

/**
 * The state names everyone its rows mention (loadState's `people`): a newcomer's name is read
 * here. Copying hundreds of names for every click of a batch would cost more than the click, so a
 * `people` that is not frozen is the caller's own and gains the name in place: a batch copies the
 * cached names once, at its first newcomer, and adds the rest to that copy.
 */
async function naming(tx: SqlRunner, state: DecisionState, personId: string): Promise<DecisionState> {
  if (state.people[personId]) return state;
  const [row] = await tx.all<{ name: string; resident: unknown }>(
    'SELECT "name", "resident" FROM "Person" WHERE "id" = $1',
    [personId],
  );
  if (!row) return state;
  const named = { name: row.name, resident: Boolean(row.resident) };
  if (Object.isFrozen(state.people)) return { ...state, people: { ...state.people, [personId]: named } };
  state.people[personId] = named;
  return state;
}

async function declare(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>, c: Of<'declare'>) {
  const d = state.decision;
  const at = plan.at;
  const fields = { kind: c.kind ?? null, organisation: c.organisation ?? null, detail: c.detail ?? null };
  await tx.run(
    'INSERT INTO "Declaration" ("id", "decisionId", "personId", "outcome", "kind", "organisation", "detail", "createdAt", "updatedAt") ' +
      'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT ("decisionId", "personId") DO UPDATE SET ' +
      '"outcome" = excluded."outcome", "kind" = excluded."kind", "organisation" = excluded."organisation", ' +
      '"detail" = excluded."detail", "updatedAt" = excluded."updatedAt"',
    [randomUUID(), d.id, c.personId, c.outcome, fields.kind, fields.organisation, fields.detail, at],
  );
  await audit(
    tx,
    state,
    plan,
    c.replaces ? 'decision.declare.change' : 'decision.declare',
    c.replaces ? { outcome: c.replaces } : null,
    { personId: c.personId, outcome: c.outcome, kind: fields.kind, organisation: fields.organisation },
  );
  const row = { personId: c.personId, outcome: c.outcome, ...fields, at };
  const stored = state.declarations.some((x) => x.personId === c.personId);
  const declarations = stored
    ? state.declarations.map((x) => (x.personId === c.personId ? row : x))
    : [...state.declarations, row];
  return naming(tx, { ...state, declarations }, c.personId);
}

async function recuse(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>, c: Of<'recuse'>) {
  const reasons = JSON.stringify(c.reasons);
  await tx.run(
    'INSERT INTO "Recusal" ("id", "decisionId", "personId", "reasons", "voter", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), state.decision.id, c.personId, reasons, c.voter, plan.at],
  );
  await audit(tx, state, plan, 'decision.recuse', null, {
    personId: c.personId,
    voter: c.voter,
    reasons: c.reasons.map((r) => ({ kind: r.kind, source: r.source })),
  });
  const recusals = [
    ...state.recusals,
    { personId: c.personId, reasons: asStored(c.reasons), voter: c.voter, at: plan.at },
  ];
  return naming(tx, { ...state, recusals }, c.personId);
}

async function withdrawVote(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>, c: Of<'withdraw-vote'>) {
  await tx.run('DELETE FROM "Vote" WHERE "decisionId" = $1 AND "personId" = $2', [state.decision.id, c.personId]);
  await audit(tx, state, plan, 'decision.vote.withdraw', null, { personId: c.personId, why: c.why });
  return { ...state, votes: state.votes.filter((v) => v.personId !== c.personId) };
}

/**
 * A secret ballot forgets (docs/privacy.md, "Secret ballots"): the tally is in the outcome now, so
 * the link between each member and their choice goes in this transaction; the rows stay, without
 * a choice, as the record of who took part. The caller flushes SQLite's log after the commit.
 */
async function close(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>, c: Of<'close'>) {
  const d = state.decision;
  const at = plan.at;
  const closedAt = c.closedAt ?? at;
  await tx.run(
    'UPDATE "Decision" SET "status" = $1, "closedAt" = $2, "closeReason" = $3, "outcome" = $4, "updatedAt" = $5 WHERE "id" = $6',
    ['closed', closedAt, c.reason, JSON.stringify(c.snapshot), at, d.id],
  );
  const secret = d.ballot === 'secret';
  if (secret)
    await tx.run('UPDATE "Vote" SET "option" = NULL, "changes" = 0, "updatedAt" = $1 WHERE "decisionId" = $2', [
      at,
      d.id,
    ]);
  await audit(tx, state, plan, 'decision.close', null, { reason: c.reason, ...c.snapshot });
  return {
    ...state,
    decision: { ...d, status: 'closed' as const, closedAt, closeReason: c.reason, outcome: asStored(c.snapshot) },
    votes: secret ? state.votes.map((v) => ({ ...v, option: null, changes: 0, updatedAt: at })) : state.votes,
  };
}

async function remindersSent(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>) {
  const at = plan.at;
  await tx.run('UPDATE "Decision" SET "remindersSentAt" = $1, "updatedAt" = $1 WHERE "id" = $2', [
    at,
    state.decision.id,
  ]);
  await audit(tx, state, plan, 'decision.remind', null, { at: at.toISOString() });
  return { ...state, decision: { ...state.decision, remindersSentAt: at } };
}

/** The reason is shown in the record, not copied into the audit row: the row says one was given. */
async function voteReason(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>, c: Of<'vote-reason'>) {
  await tx.run('UPDATE "Vote" SET "reason" = $1 WHERE "decisionId" = $2 AND "personId" = $3', [
    c.reason,
    state.decision.id,
    c.personId,
  ]);
  await audit(tx, state, plan, 'decision.vote.reason', null, { personId: c.personId });
  return { ...state, votes: state.votes.map((v) => (v.personId === c.personId ? { ...v, reason: c.reason } : v)) };
}

async function chairReminded(tx: SqlRunner, state: DecisionState, plan: Plan<unknown>) {
  const at = plan.at;
  await tx.run('UPDATE "Decision" SET "chairRemindedAt" = $1, "updatedAt" = $1 WHERE "id" = $2', [
    at,
    state.decision.id,
  ]);
  await audit(tx, state, plan, 'decision.chair-remind', null, { at: at.toISOString() });
  return { ...state, decision: { ...state.decision, chairRemindedAt: at } };
}

/** Writes one change with its audit row; the state as a fresh read would give it afterwards. */
export function writeRowChange(
  tx: SqlRunner,
  state: DecisionState,
  plan: Plan<unknown>,
  c: RowChange,
): Promise<DecisionState> {
  switch (c.type) {
    case 'declare':
      return declare(tx, state, plan, c);
    case 'recuse':
      return recuse(tx, state, plan, c);
    case 'withdraw-vote':
      return withdrawVote(tx, state, plan, c);
    case 'close':
      return close(tx, state, plan, c);
    case 'reminders-sent':
      return remindersSent(tx, state, plan);
    case 'vote-reason':
      return voteReason(tx, state, plan, c);
    case 'chair-reminded':
      return chairReminded(tx, state, plan);
  }
}
