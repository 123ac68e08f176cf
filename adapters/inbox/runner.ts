// Processing the durable inbox (docs/inbox.md). An adapter accepts each interaction here before
// acknowledging it (the row is on disk), then processes it at once through `process`. An item
// whose process died (its claim expired), or whose processing failed and is due again, is taken
// over by `recover`, which runs on a timer in every server process: the platform's adapter
// processes it again from its stored body. An item is retried a bounded number of times, then
// the person is told it could not be done; nothing is dropped silently.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock, Logger } from '../../src/services/ports/index.ts';
import type { DueItem, InboxStore } from '../persistence/inbox-store.ts';
import { currentInboxWork, isAlreadyDone, runInInboxScope } from '../persistence/inbox-scope.ts';

/** processing attempts of one item (the first, live one included) before the person is told it failed */
export const MAX_ATTEMPTS = 3;
/** items taken over in one recovery pass */
const RECOVER_BATCH = 50;

/**
 * How processing went: done; a duplicate (another process had done it); stored, then a later
 * step failed (not tried again: that would double it); retrying later; or failed for good.
 */
export type Processed =
  { outcome: 'done' | 'duplicate' } | { outcome: 'stored' | 'retrying' | 'failed'; error: unknown };

/** How a platform's adapter processes its recovered items. */
export interface Replayer {
  /** Processes the item again from its stored body; the person hears the answer as usual. */
  replay(item: DueItem & { body: string }): Promise<void>;
  /** After the last attempt failed: tell the person, from the stored body, that it was not done. */
  giveUp(item: DueItem & { body: string }): Promise<void>;
}

export interface InboxRunnerDeps {
  inbox: InboxStore;
  clock: Clock;
  logger: Logger;
  /** how long a process holds an item it is working on; it renews the claim while alive */
  claimMs: number;
}

/**
 * May the work now failing be tried again later? Not once its effect is stored (marked done with
 * it), not on the last attempt, and not outside the inbox (nothing would retry it).
 */
export function mayRetryLater(): boolean {
  const work = currentInboxWork();
  return !!work && !work.marked && !work.lastAttempt;
}

export class InboxRunner {
  /** this process's name on its claims */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly replayers = new Map<string, Replayer>();
  private timers: NodeJS.Timeout[] = [];
  private recovering: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly deps: InboxRunnerDeps) {}

  register(platform: string, replayer: Replayer): void {
    this.replayers.set(platform, replayer);
  }

  /**
   * Writes the interaction before it is acknowledged: true when new, false for a re-delivery of
   * one already received. Rejects when the database cannot record it: the caller answers with an
   * error, so the platform (or the person) tries again.
   */
  accept(key: string, platform: string, body: unknown): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.inbox.accept(
      { key, platform, body: JSON.stringify(body) },
      this.holder,
      new Date(now.getTime() + this.deps.claimMs),
      now,
    );
  }

  /**
   * Runs an accepted item's work in its scope (writes made by it mark it done atomically) and
   * settles it: done; or let go for a later attempt when the work failed before storing anything;
   * or failed after the last attempt or for a reason retrying would not cure (`onGiveUp`, when
   * given, tells the person; a live caller tells them itself). Never rejects: the outcome
   * says what happened, with the error when the work failed.
   */
  async process(
    key: string,
    attempts: number,
    work: () => Promise<void>,
    onGiveUp?: () => Promise<void>,
    /** may this failure be tried again later? (a platform refusing a reply would refuse it again) */
    retryable: (error: unknown) => boolean = () => true,
  ): Promise<Processed> {
    const scope = { key, marked: false, lastAttempt: attempts >= MAX_ATTEMPTS };
    const log = this.deps.logger;
    try {
      await runInInboxScope(scope, work);
      // an item its effect's commit marked done needs no second write (a click's usual case)
      if (!scope.marked) await this.deps.inbox.finish(key, 'done');
      return { outcome: 'done' };
    } catch (error) {
      if (isAlreadyDone(error)) {
        log.info('inbox item already processed by another process', { code: 'duplicate' });
        return { outcome: 'duplicate' };
      }
      const code = (error as { code?: unknown }).code?.toString() ?? 'E_PROCESSING';
      try {
        if (scope.marked) {
          log.error('inbox item stored, then its processing failed', { code, attempts });
          await this.deps.inbox.finish(key, 'done');
          return { outcome: 'stored', error };
        }
        if (!scope.lastAttempt && retryable(error)) {
          log.warn('inbox item failed; it will be tried again', { code, attempts });
          await this.deps.inbox.release(key, this.retryAt(attempts));
          return { outcome: 'retrying', error };
        }
        log.error('inbox item failed for good; the person is told', { code, attempts });
        await this.deps.inbox.finish(key, 'failed');
        await onGiveUp?.();
        return { outcome: 'failed', error };
      } catch (settling) {
        // the database went away too: the claim expires and recovery takes the item again
        log.error('inbox item could not be settled', { code: (settling as { code?: unknown }).code?.toString() });
        return { outcome: 'retrying', error };
      }
    }
  }

  /** Takes over due items (expired claims, failed attempts due again) and processes them. */
  recover(): Promise<number> {
    this.recovering ??= this.recoverOnce().finally(() => (this.recovering = null));
    return this.recovering;
  }

  private async recoverOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopped) return total;
      const now = this.deps.clock.now();
      const due = await this.deps.inbox.claimDue(
        this.holder,
        now,
        new Date(now.getTime() + this.deps.claimMs),
        RECOVER_BATCH,
      );
      // side by side: one slow item (a rate-limited Slack call) must not hold up the rest
      await Promise.all(due.map((item) => this.recoverItem(item)));
      total += due.length;
      if (due.length < RECOVER_BATCH) return total;
    }
  }

  private async recoverItem(item: DueItem): Promise<void> {
    const log = this.deps.logger;
    const replayer = this.replayers.get(item.platform);
    if (item.body === null) {
      await this.deps.inbox.finish(item.key, 'failed'); // nothing to process it from
      return;
    }
    const stored = { ...item, body: item.body };
    log.info('inbox item taken over', { platform: item.platform, attempts: item.attempts, code: 'recovered' });
    if (item.attempts > MAX_ATTEMPTS || !replayer) {
      if (!replayer) log.error('inbox item of a platform this process does not run', { platform: item.platform });
      await this.deps.inbox.finish(item.key, 'failed');
      await replayer
        ?.giveUp(stored)
        .catch((error) =>
          log.error('inbox failure could not be reported', { code: (error as { code?: unknown }).code?.toString() }),
        );
      return;
    }
    await this.process(
      item.key,
      item.attempts,
      () => replayer.replay(stored),
      () => replayer.giveUp(stored),
    );
  }

  private retryAt(attempts: number): Date {
    return new Date(this.deps.clock.now().getTime() + Math.min(this.deps.claimMs, 5_000) * attempts);
  }

  /** Recovery now and then every few seconds; this process's claims renewed while it lives. */
  start(): void {
    const { claimMs, logger } = this.deps;
    const quietly = (what: string, run: () => Promise<unknown>) => () =>
      void run().catch((error) =>
        logger.warn(`inbox ${what} failed`, { code: (error as { code?: unknown }).code?.toString() }),
      );
    const recover = quietly('recovery', () => this.recover());
    const renew = quietly('claim renewal', () => {
      const now = this.deps.clock.now();
      return this.deps.inbox.renew(this.holder, now, new Date(now.getTime() + claimMs));
    });
    recover();
    this.timers = [
      setInterval(recover, Math.max(500, Math.min(claimMs / 2, 5_000))),
      setInterval(renew, Math.max(300, claimMs / 3)),
    ];
    for (const t of this.timers) t.unref();
  }

  /** No more recovery passes; the current one finishes its item. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.recovering?.catch(() => undefined);
  }
}
