// What the decision use cases need: the stores, the clock, a logger and (when a chat platform is
// running) the notifier. The bot's dependencies and the scheduler's both fit.
import type { Person, Roster } from '../domain/roster.js';
import type { Clock, Logger, Notifier, PartnershipRef, Stores } from '../ports/index.js';
import type { Reply } from '../bot/reply.js';
import { textReply } from '../bot/reply.js';

export interface DecisionDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  notifier?: Notifier | undefined;
  /** Where follow-up work goes once the person's answer is ready (a card refresh): without it, it is awaited. */
  background?: Background | undefined;
}

export interface Background {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Who is acting, in which partnership, with its roster as loaded for this request. */
export interface Actor {
  partnership: PartnershipRef;
  roster: Roster;
  person: Person | null;
}

export const NOT_FOUND = 'I can’t find that decision in your partnership. Type `/partnership decisions` to see the open ones.';
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

/** Several small async jobs run one after another per key; a job queued while one waits shares it. */
export function coalescer(): (key: string, job: () => Promise<void>) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  const queued = new Map<string, Promise<void>>();
  return (key, job) => {
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const run = (tails.get(key) ?? Promise.resolve()).then(() => {
      queued.delete(key);
      return job();
    });
    const settled = run.catch(() => undefined);
    queued.set(key, run);
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return run;
  };
}
