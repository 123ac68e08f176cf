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
