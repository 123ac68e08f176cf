// Which batched writes may commit without waiting for a disk sync (adapters/persistence/inbox-seam.ts):
// only a write whose commit also marks its pending inbox item done, so that losing the commit
// leaves the item pending, on disk, to be done again.
import { describe, expect, it } from 'vitest';
import { mustSync } from '../../adapters/persistence/batched-writer.ts';
import { inboxSeam } from '../../adapters/persistence/inbox-seam.ts';
import type { InboxWork } from '../../adapters/persistence/inbox-scope.ts';

const job = (context: InboxWork | undefined) => ({ context });

describe('the inbox seam and disk syncs', () => {
  it('lets a batch of pending inbox items commit unsynced', () => {
    const jobs = [job({ key: 'a', marked: false }), job({ key: 'b', marked: false })];
    expect(mustSync(inboxSeam, jobs)).toBe(false);
  });

  it('syncs when any write has no inbox item behind it (a scheduled job, the command line)', () => {
    expect(mustSync(inboxSeam, [job({ key: 'a', marked: false }), job(undefined)])).toBe(true);
  });

  it('syncs a second write of an item already marked done by an earlier commit', () => {
    expect(mustSync(inboxSeam, [job({ key: 'a', marked: true })])).toBe(true);
  });

  it('syncs for a writer with no seam that can recover its writes', () => {
    expect(mustSync({}, [job({ key: 'a', marked: false })])).toBe(true);
  });
});
