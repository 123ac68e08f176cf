// The durable inbox's hook into the batched writes (batched-writer.ts): a batch's transaction is
// shared by several requests, so the driver-level marking (inbox-marking.ts) cannot tell whose it
// is. Instead each queued write carries its request's inbox item, and the item is marked done
// inside the batch transaction just before that write: the write and "done" commit together. An
// item another process has already done is skipped, and its request stops (never doubled).
import type { BatchSeam, QueuedJob } from './batched-writer.ts';
import { currentInboxWork, InboxItemAlreadyDone, markDoneSql, type InboxWork } from './inbox-scope.ts';

/** The transaction each item is being marked in, until it commits (a request may queue two writes). */
const markingIn = new WeakMap<InboxWork, unknown>();

const workOf = (job: QueuedJob): InboxWork | undefined => job.context as InboxWork | undefined;

export const inboxSeam: BatchSeam = {
  context: currentInboxWork,
  async beforeWrite(tx, job) {
    const work = workOf(job);
    if (!work || work.marked || markingIn.get(work) === tx) return true;
    // `$1` runs on both databases through these prepared statements
    if ((await tx.run(markDoneSql('postgres'), [work.key])) !== 1) return false;
    markingIn.set(work, tx);
    return true;
  },
  alreadyDone: (job) => new InboxItemAlreadyDone(workOf(job)?.key ?? ''),
  // Not yet marked: this commit carries the "done" mark, so if a power cut loses it the item is
  // still pending (on disk since before its acknowledgement) and is done again. An item marked by
  // an earlier commit has no such record left, so its later writes are synced.
  recoverable: (job) => {
    const work = workOf(job);
    return !!work && !work.marked;
  },
  committed(job) {
    const work = workOf(job);
    if (work) work.marked = true;
  },
};
