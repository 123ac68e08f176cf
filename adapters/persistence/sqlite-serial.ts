// One SQLite connection serves the whole process. Prisma's better-sqlite3 adapter serialises
// transactions with a private mutex, but plain queries bypass it and would run INSIDE whichever
// transaction is open on the connection (and be rolled back with it). This wrapper puts every
// query and every transaction of the connection behind one lock, so a write outside a
// transaction can never be swallowed by someone else's.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

export class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function serialise(adapter: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  const overrides: Partial<SqlDriverAdapter> = {
    queryRaw: (q) => lock.run(() => adapter.queryRaw(q)),
    executeRaw: (q) => lock.run(() => adapter.executeRaw(q)),
    executeScript: (s) => lock.run(() => adapter.executeScript(s)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      const done = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      return new Proxy(tx, {
        get(target, prop) {
          if (prop === 'commit' || prop === 'rollback') {
            return async () => {
              try {
                await target[prop]();
              } finally {
                done();
              }
            };
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  return new Proxy(adapter, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof SqlDriverAdapter];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * `onConnect` hears of each connection with its lock, so the fast statements (fast-sql.ts) can
 * share the connection and queue behind the same lock.
 */
export function serialisedFactory(
  inner: SqlDriverAdapterFactory,
  onConnect?: (adapter: SqlDriverAdapter, lock: Lock) => void,
): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const lock = new Lock();
      onConnect?.(adapter, lock);
      return serialise(adapter, lock);
    },
  };
}
