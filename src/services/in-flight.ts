// Work still running after the person got their answer (a card refreshed after a vote, Slack work
// after the acknowledgement). Shutdown waits for it (nothing is lost on a restart), and tests wait
// for it instead of sleeping.
/** Where follow-up work goes once the person's answer is ready. */
export interface Background {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export class InFlight implements Background {
  private readonly running = new Set<Promise<unknown>>();

  run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    const forget = () => void this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Resolves when nothing is running (including work started while waiting). */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
