// Copies of data this process read, each under the version number the database had for it
// (Partnership.rosterVersion, Decision.version: bumped by triggers on every change, whichever
// process or tool made it). A copy is used only while the number is unchanged, so a cache can be
// stale only in speed, never in content. Read the version before the data: a write in between
// makes the copy look older than it is (reloaded next time), never newer.

export interface Versioned<T> {
  version: string;
  value: T;
}

/** Least recently used entries go first once `max` are held (memory stays bounded at any scale). */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Versioned<T>>();

  constructor(private readonly max = 500) {}

  get(key: string, version: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key); // re-insert: Map order is recency
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, version: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, value });
  }
}
