// Group commit's disk sync, off the event loop (docs/database.md, "Syncs"). better-sqlite3 runs
// SQLite on the calling thread, so a commit with `synchronous = FULL` blocks every other request
// while the disk flushes (a few hundred microseconds here). A commit made with NORMAL instead
// appends to the write-ahead log without waiting; syncing that log file from libuv's thread pool
// then makes it, and every commit before it, durable, while the event loop keeps working. Callers
// that wait together share one sync: the first starts it, those who arrive while it runs wait for
// the next one (a sync that started before their commit does not cover it).
import { fstatSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface LogSync {
  /** Resolves once every commit made before the call is on disk; rejects when the disk refuses. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Shares syncs between callers: at most one running and one waiting to run after it. */
export function groupSync(flush: () => Promise<void>): Pick<LogSync, 'sync'> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const started = flush().finally(() => {
      if (running === started) running = null;
    });
    running = started;
    return started;
  };
  return {
    sync() {
      if (!running) return start();
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start();
        });
      return next;
    },
  };
}

/**
 * Syncs SQLite's write-ahead log, `<file>-wal`. The file is opened on first use (SQLite creates it
 * when the connection enters WAL mode) and again if it was replaced, which SQLite does only when
 * the last connection closes; a sync of a file no longer at that path would not cover new commits.
 */
export function walSync(databaseFile: string): LogSync {
  const path = `${databaseFile}-wal`;
  let handle: FileHandle | null = null;
  const reopen = async (): Promise<FileHandle> => {
    await handle?.close().catch(() => undefined);
    handle = await open(path, 'r');
    return handle;
  };
  // Checked on this thread (two cheap system calls) so a sync is one trip to the thread pool.
  const replaced = (file: FileHandle): boolean => {
    const opened = fstatSync(file.fd);
    const named = statSync(path, { throwIfNoEntry: false });
    return !named || opened.ino !== named.ino || opened.dev !== named.dev;
  };
  const group = groupSync(async () => {
    let file = handle ?? (await reopen());
    if (replaced(file)) file = await reopen();
    await file.sync();
  });
  return {
    sync: group.sync,
    async close() {
      await handle?.close().catch(() => undefined);
      handle = null;
    },
  };
}
