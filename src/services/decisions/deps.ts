// What the decision use cases need: the stores, the clock, a logger and (when a chat platform is
// running) the notifier. The bot's dependencies and the scheduler's both fit.
import type { Person, Roster } from '../../domain/roster.ts';
import type { Clock, Logger, Notifier, PartnershipRef, Stores } from '../ports/index.ts';
import type { Background } from '../in-flight.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';

export interface DecisionDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  notifier?: Notifier | undefined;
  /** Where follow-up work goes once the person's answer is ready (a card refresh): without it, it is awaited. */
  background?: Background | undefined;
  /** least milliseconds between two refreshes of one decision's card (0: after every change) */
  cardRefreshIntervalMs?: number | undefined;
}

export type { Background } from '../in-flight.ts';

/** Who is acting, in which partnership, with its roster as loaded for this request. */
export interface Actor {
  partnership: PartnershipRef;
  roster: Roster;
  person: Person | null;
}

export const NOT_FOUND =
  'I can’t find that decision in your partnership. Type `/partnership decisions` to see the open ones.';
export const notFound = (): Reply[] => [textReply(NOT_FOUND)];

/** A private message; a failure to reach someone is logged (ids only) and reported as false. */
export async function tell(deps: DecisionDeps, personId: string, reply: Reply): Promise<boolean> {
  if (!deps.notifier) return false;
  try {
    return await deps.notifier.sendToPerson(personId, reply);
  } catch (error) {
    deps.logger.warn('private message failed', { personId, code: (error as { code?: string }).code });
    return false;
  }
}

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
