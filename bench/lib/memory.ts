// Memory around a measured piece of work. "Heap used" read at a random moment mostly measures
// garbage not yet collected (after seeding 10,000 partnerships, over a gigabyte of it), and a
// faster sweep gives the collector fewer chances to run: before and after are therefore read
// after a full collection (what the work kept), and the peak is sampled during it.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined = globalThis.gc;

/** A full garbage collection, without needing `node --expose-gc`. */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc(); // a second pass frees what the first only made collectable (finalisers, weak references)
}

export interface MemoryDuring {
  /** heap used after a full collection, before and after the work */
  heapBefore: number;
  heapAfter: number;
  /** highest heap used and resident set size sampled every 10 ms during the work */
  peakHeap: number;
  peakRss: number;
}

export async function measureMemory<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemoryDuring }> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const sampler = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return {
      result,
      memory: { heapBefore, heapAfter: (collectGarbage(), process.memoryUsage().heapUsed), peakHeap, peakRss },
    };
  } finally {
    clearInterval(sampler);
  }
}
