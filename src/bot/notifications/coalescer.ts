// Runs small async jobs one after another per key, sharing a queued job between callers: how a
// decision's card is redrawn during a burst of votes. One per subscription (per app instance).

/**
 * Several small async jobs run one after another per key; a job queued while one waits shares it.
 * With `gapMs`, a job starts at least that long after the previous one for its key started: a
 * burst shares one job that runs at the end of the gap, reading the newest state then.
 */
export function coalescer(
  now: () => number = Date.now,
): (key: string, job: () => Promise<void>, gapMs?: number) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  const queued = new Map<string, Promise<void>>();
  return (key, job, gapMs = 0) => {
    const waiting = queued.get(key);
    if (waiting) return waiting;
    let startedAt = 0;
    const run = (tails.get(key) ?? Promise.resolve()).then(() => {
      queued.delete(key); // from here on the job may already have read the state: later changes queue anew
      startedAt = now();
      return job();
    });
    // The next job for this key waits for this one and then for the rest of the gap.
    const settled = run.catch(() => undefined).then(() => pause(startedAt + gapMs - now()));
    queued.set(key, run);
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return run;
  };
}

/** Kept alive on purpose: shutdown waits for a queued refresh rather than dropping it. */
const pause = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
