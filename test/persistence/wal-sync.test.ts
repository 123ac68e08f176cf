// Syncs shared between commits (adapters/persistence/wal-sync.ts): a caller is answered only by a
// sync that started after it asked, callers that ask while one runs share the next, and a failed
// sync rejects exactly the callers it was for.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupSync, walSync } from '../../adapters/persistence/wal-sync.ts';
import { TMP_DIR } from '../support/paths.ts';

/** A flush the test finishes by hand. */
function heldFlushes() {
  const held: { finish(): void; fail(error: Error): void }[] = [];
  const flush = () => new Promise<void>((resolve, reject) => held.push({ finish: resolve, fail: reject }));
  return { held, flush };
}

const settled = async <T>(p: Promise<T>) => {
  let state = 'pending';
  p.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((r) => setImmediate(r));
  return state;
};

describe('group sync', () => {
  it('answers a caller only with a sync that started after it asked', async () => {
    const { held, flush } = heldFlushes();
    const sync = groupSync(flush);
    const first = sync.sync();
    expect(held).toHaveLength(1);
    const second = sync.sync(); // the running sync may have started before this commit
    const third = sync.sync(); // shares the second's sync
    expect(held).toHaveLength(1);
    held[0]!.finish();
    expect(await settled(first)).toBe('resolved');
    expect(await settled(second)).toBe('pending');
    expect(held).toHaveLength(2);
    held[1]!.finish();
    await Promise.all([second, third]);
  });

  it('rejects the callers of a failed sync, and the next caller starts a new one', async () => {
    const { held, flush } = heldFlushes();
    const sync = groupSync(flush);
    const failed = sync.sync();
    held[0]!.fail(new Error('EIO: the disk refused'));
    await expect(failed).rejects.toThrow('EIO');
    const again = sync.sync();
    expect(held).toHaveLength(2);
    held[1]!.finish();
    await again;
  });

  it('syncs the write-ahead log beside a database file, and opens it again if it was replaced', async () => {
    const dir = mkdtempSync(join(TMP_DIR, 'wal-sync-'));
    try {
      const file = join(dir, 'x.db');
      writeFileSync(`${file}-wal`, 'frames');
      const log = walSync(file);
      await log.sync();
      rmSync(`${file}-wal`);
      writeFileSync(`${file}-wal`, 'new frames');
      await log.sync();
      rmSync(`${file}-wal`);
      await expect(log.sync()).rejects.toThrow(/ENOENT/);
      await log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
