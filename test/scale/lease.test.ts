// Several server processes share one database: the scheduler's lease lets only one of them run
// jobs, a crashed holder's lease is taken over once it expires, and a long job keeps its lease.
// On PostgreSQL two database handles stand for two processes (each has its own connections). On
// SQLite one handle is shared: two connections in one process would block each other's event
// loop on SQLite's file lock, which separate processes do not; the holders still differ.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase, type Database } from '../../adapters/persistence/database.ts';
import { leaseStore } from '../../adapters/persistence/maintenance-store.ts';
import { acquireLease, releaseLease, Scheduler, SCHEDULER_LEASE, type Job } from '../../adapters/scheduler/index.ts';
import type { Clock } from '../../src/services/ports/index.ts';
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from '../support/db.ts';
import { eventually } from '../support/eventually.ts';
import { FakeClock } from '../support/fake-clock.ts';

const T0 = new Date('2026-11-23T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`the scheduler lease across processes (${TEST_PROVIDER})`, () => {
  let first: TestDatabase;
  let second: Database;
  beforeEach(async () => {
    first = await createTestDatabase();
    second = TEST_PROVIDER === 'postgres' ? await openDatabase(first.url) : first.database;
  });
  afterEach(async () => {
    if (second !== first.database) await second.close();
    await first.close();
  });

  const a = () => leaseStore(first.database);
  const b = () => leaseStore(second);

  function scheduler(database: Database, clock: Clock = { now: () => T0 }, leaseMs?: number) {
    return new Scheduler({ leases: leaseStore(database), clock, logger: silentLogger }, leaseMs ? { leaseMs } : {});
  }
  function job(runs: string[], label: string, ms = 0): Job {
    return {
      name: 'count',
      schedule: '0 3 * * *',
      kind: 'maintenance',
      run: async () => {
        runs.push(label);
        if (ms) await sleep(ms);
      },
    };
  }

  it('has one holder at a time, renews, takes over an expired lease and hands over on release', async () => {
    expect(await acquireLease(a(), 'A', at(0))).toBe(true);
    expect(await acquireLease(b(), 'B', at(1))).toBe(false);
    expect(await acquireLease(a(), 'A', at(30))).toBe(true); // renewed: now held until 90 s
    expect(await acquireLease(b(), 'B', at(89))).toBe(false);
    expect(await acquireLease(b(), 'B', at(91))).toBe(true); // A stopped renewing (crashed): taken over
    expect(await acquireLease(a(), 'A', at(92))).toBe(false);
    await releaseLease(b(), 'B');
    expect(await acquireLease(a(), 'A', at(93))).toBe(true);
  });

  it('lets exactly one of two processes win a free or an expired lease, every time', async () => {
    for (let i = 0; i < 15; i++) {
      const name = `race-${i}`;
      const free = await Promise.all([
        acquireLease(a(), 'A', at(0), name, 60_000),
        acquireLease(b(), 'B', at(0), name, 60_000),
      ]);
      expect(free.filter(Boolean)).toHaveLength(1);
      const expired = await Promise.all([
        acquireLease(a(), 'A2', at(120), name, 60_000),
        acquireLease(b(), 'B2', at(120), name, 60_000),
      ]);
      expect(expired.filter(Boolean)).toHaveLength(1);
    }
  });

  it('runs a job once when two processes tick at the same moment', async () => {
    const runs: string[] = [];
    const one = scheduler(first.database);
    const two = scheduler(second);
    for (let round = 0; round < 5; round++) {
      const now = at(round * 120); // each round the previous lease has expired: a real race
      const ran = await Promise.all([one.tick(job(runs, 'one', 10), now), two.tick(job(runs, 'two', 10), now)]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(runs).toHaveLength(round + 1);
    }
  });

  it('takes over from a crashed process once its lease has expired', async () => {
    const runs: string[] = [];
    const crashed = scheduler(first.database);
    const survivor = scheduler(second);
    expect(await crashed.tick(job(runs, 'crashed'), at(0))).toBe(true); // then never renews nor releases
    expect(await survivor.tick(job(runs, 'survivor'), at(30))).toBe(false);
    expect(await survivor.tick(job(runs, 'survivor'), at(61))).toBe(true);
    expect(runs).toEqual(['crashed', 'survivor']);
  });

  it('keeps the lease while a long job runs, so no second process starts it meanwhile', async () => {
    const runs: string[] = [];
    // The clock moves only when the test says, and the job runs until the test lets it finish:
    // no race between the heartbeat, the job and the other process, however busy the machine.
    const clock = new FakeClock(T0);
    const busy = scheduler(first.database, clock, 1_000);
    const other = scheduler(second, clock, 1_000);
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const running = busy.tick({ ...job(runs, 'busy'), run: () => (runs.push('busy'), finished) });
    await eventually(() => runs.length > 0, 'the long job starting'); // the lease is taken: held until T0 + 1 s
    clock.set(at(5)); // past the lease's first expiry: only the heartbeat keeps it
    const expiry = async () =>
      (await first.database.db.lease.findUniqueOrThrow({ where: { name: SCHEDULER_LEASE } })).expiresAt;
    await eventually(async () => (await expiry()) > clock.now(), 'a heartbeat renewing the lease');
    expect(await other.tick(job(runs, 'other'))).toBe(false);
    finish();
    expect(await running).toBe(true);
    expect(runs).toEqual(['busy']);
  });

  it('catches up every job at start, and stop() waits for a running job, then releases the lease', async () => {
    const runs: string[] = [];
    const one = scheduler(first.database);
    one.add({ ...job(runs, 'first'), name: 'first' });
    one.add({ ...job(runs, 'second'), name: 'second' });
    await one.start();
    expect(runs).toEqual(['first', 'second']);
    const long = one.tick({
      name: 'long',
      schedule: '0 3 * * *',
      kind: 'maintenance',
      run: async () => {
        await sleep(300);
        runs.push('long done');
      },
    });
    await one.stop();
    expect(runs).toContain('long done');
    expect(await long).toBe(true);
    expect(await one.tick(job(runs, 'after stop'))).toBe(false);
    expect(await scheduler(second).tick(job(runs, 'next'), at(1))).toBe(true);
    expect(runs).toEqual(['first', 'second', 'long done', 'next']);
  });
});
