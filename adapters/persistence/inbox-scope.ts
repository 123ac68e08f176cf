// Which inbox item the current work is processing (docs/inbox.md). The runner (adapters/inbox)
// runs each item's work inside this scope; the database layer reads it to mark the item done in
// the same transaction as the item's first write, so a write and "done" commit together or not
// at all: after a crash, an item whose effect is on disk is never processed again.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface InboxWork {
  readonly key: string;
  /** set once a transaction that marked the item done has committed */
  marked: boolean;
  /** no attempt follows this one: a failure is told to the person now */
  readonly lastAttempt?: boolean;
  /**
   * The fast path (docs/inbox.md): the item was not inserted before its work, so its row may not
   * exist yet. The transaction that stores its effect inserts it as done (or marks done the
   * pending row written meanwhile), in the same commit.
   */
  readonly deferred?: { platform: string; at: Date };
  /** told once the transaction that marked the item done has committed (the fast path acknowledges then) */
  readonly onStored?: () => void;
}

/** After the commit that marked the item done. */
export function markStored(work: InboxWork): void {
  work.marked = true;
  work.onStored?.();
}

const scope = new AsyncLocalStorage<InboxWork>();

export const currentInboxWork = (): InboxWork | undefined => scope.getStore();

export const runInInboxScope = <T>(work: InboxWork, fn: () => Promise<T>): Promise<T> => scope.run(work, fn);

/**
 * Runs `fn` outside any item's scope: a writer that batches several items' writes into one
 * transaction marks each item itself, so the transaction must not be taken for the caller's own.
 */
export const outsideInboxScope = <T>(fn: () => T): T => scope.exit(fn);

/** Thrown when an item turns out to be done already (another process got there first): its work is dropped. */
export class InboxItemAlreadyDone extends Error {
  readonly code = 'E_INBOX_ALREADY_DONE';
  constructor(key: string) {
    super(`inbox item ${key.slice(0, 60)} was already processed`);
  }
}

/** Is this error, or one it wraps (Bolt wraps listener errors), an InboxItemAlreadyDone? */
export function isAlreadyDone(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof InboxItemAlreadyDone) return true;
    const next = e as { original?: unknown; cause?: unknown };
    e = next.original ?? next.cause;
  }
  return false;
}

/** Marks a pending item done and erases its body (it can hold personal data); 0 rows when it was not pending. */
export const markDoneSql = (provider: 'sqlite' | 'postgres'): string =>
  `UPDATE "InboxItem" SET "status" = 'done', "body" = NULL, "claimedBy" = NULL WHERE "key" = ${provider === 'sqlite' ? '?' : '$1'} AND "status" = 'pending'`;

/**
 * A deferred item (`InboxWork.deferred`): inserted as done, or a pending row of it marked done;
 * 0 rows when it is already done or failed (another delivery of it got there first).
 * Parameters: key, platform, time.
 */
export const insertDoneSql = (provider: 'sqlite' | 'postgres'): string => {
  const [key, platform, at] = provider === 'sqlite' ? ['?', '?', '?'] : ['$1', '$2', '$3'];
  return (
    'INSERT INTO "InboxItem" ("key", "platform", "body", "status", "attempts", "claimedBy", "claimedUntil", "createdAt") ' +
    `VALUES (${key}, ${platform}, NULL, 'done', 1, NULL, NULL, ${at}) ON CONFLICT ("key") DO UPDATE ` +
    `SET "status" = 'done', "body" = NULL, "claimedBy" = NULL WHERE "InboxItem"."status" = 'pending'`
  );
};

/**
 * The statement and parameters that mark `work` done, with `provider`'s placeholders (`?` in order
 * for SQLite; the prepared statements of fast-sql.ts take `$n` on both databases).
 */
export function markDoneStatement(
  work: InboxWork,
  provider: 'sqlite' | 'postgres',
): { sql: string; args: (string | Date)[] } {
  if (!work.deferred) return { sql: markDoneSql(provider), args: [work.key] };
  return { sql: insertDoneSql(provider), args: [work.key, work.deferred.platform, work.deferred.at] };
}
