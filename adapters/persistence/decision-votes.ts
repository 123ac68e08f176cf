// The one writer of votes (docs/database.md, "One writer per kind of change"). A vote or a vote
// change is a Vote row and its audit row, written here and nowhere else, as prepared statements:
// by the fast path's batched transactions (decision-fast.ts), and, for a plan the fast path leaves
// to the locked transaction of decision-store.ts, inside that transaction through the same
// statements (fast-sql.ts `prismaSql`). Declarations, recusals and closes: decision-changes.ts.
import { randomUUID } from 'node:crypto';
import { withVote } from '../../src/domain/decisions/vote-split.ts';
import type { Change, DecisionState, Plan, VoteRecord } from '../../src/domain/decisions/types.ts';
import type { SqlRunner } from './fast-sql.ts';

export type VoteChange = Extract<Change, { type: 'vote' }>;
/** Every change but a vote: written by decision-store.ts */
export type OtherChange = Exclude<Change, VoteChange>;

export const isVote = (c: Change): c is VoteChange => c.type === 'vote';

/** What a vote leaves in the audit log; secret ballots never record the choice. */
function voteAudit(c: VoteChange, secret: boolean): { action: string; before: unknown; after: unknown } {
  const proxy = c.byProxy ? { byProxy: true } : {};
  const after = secret
    ? { personId: c.personId, secret: true, ...proxy }
    : { personId: c.personId, option: c.option, ...proxy };
  return c.replaces !== undefined
    ? { action: 'decision.vote.change', before: secret ? null : { option: c.replaces }, after }
    : { action: 'decision.vote', before: null, after };
}

/**
 * Writes one vote (a change when it `replaces` one) and its audit row, and returns the state as a
 * fresh read would give it (the voter's name is already in `state.people`: the vote path checks,
 * the locked path reads afresh after writing).
 */
export async function writeVote(
  tx: SqlRunner,
  state: DecisionState,
  plan: Plan<unknown>,
  c: VoteChange,
): Promise<DecisionState> {
  const d = state.decision;
  const at = plan.at;
  const changing = c.replaces !== undefined;
  if (changing) {
    await tx.run(
      'UPDATE "Vote" SET "option" = $1, "reason" = NULL, "changes" = "changes" + 1, "updatedAt" = $2, "byProxy" = $3 WHERE "decisionId" = $4 AND "personId" = $5',
      [c.option, at, c.byProxy === true, d.id, c.personId],
    );
  } else {
    await tx.run(
      'INSERT INTO "Vote" ("id", "decisionId", "personId", "option", "changes", "createdAt", "updatedAt", "byProxy") VALUES ($1, $2, $3, $4, 0, $5, $6, $7)',
      [randomUUID(), d.id, c.personId, c.option, at, at, c.byProxy === true],
    );
  }
  const audit = voteAudit(c, d.ballot === 'secret');
  await tx.run(
    'INSERT INTO "AuditEvent" ("id", "partnershipId", "actorId", "action", "subjectType", "subjectId", "before", "after", "at") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [
      randomUUID(),
      d.partnershipId,
      plan.actorId,
      audit.action,
      'decision',
      d.id,
      audit.before === null ? null : JSON.stringify(audit.before),
      JSON.stringify(audit.after),
      at,
    ],
  );
  // a reason given for the vote it replaces no longer fits
  return withVote(state, c.personId, (old): VoteRecord =>
    changing && old
      ? { ...old, option: c.option, reason: null, changes: old.changes + 1, updatedAt: at, byProxy: c.byProxy === true }
      : {
          personId: c.personId,
          option: c.option,
          changes: 0,
          at,
          updatedAt: at,
          byProxy: c.byProxy === true,
          reason: null,
        },
  );
}
