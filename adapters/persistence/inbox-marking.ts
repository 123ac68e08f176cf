// Marks the inbox item being processed done inside the first transaction that writes while
// processing it (inbox-scope.ts), just before that transaction commits. When the item is no
// longer pending (another process did it after our claim expired), the transaction is rolled
// back instead, and the work stops with InboxItemAlreadyDone: its effect is never doubled.
//
// This wraps Prisma's driver adapter, so every store's transactions are covered without each
// one knowing about the inbox. Prisma commits by sending "COMMIT" through the transaction, then
// calling commit() to release the connection (usePhantomQuery is false in both adapters).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { currentInboxWork, InboxItemAlreadyDone, markDoneSql, type InboxWork } from './inbox-scope.ts';

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;
const COMMIT = /^\s*COMMIT\s*$/i;

/**
 * One statement at a time on a transaction's connection. Prisma sends a transaction's queries as
 * they come (a Promise.all inside $transaction); node-postgres queues them but warns that this is
 * deprecated (removed in pg 9), so they wait their turn here instead.
 */
function oneAtATime(): <T>(fn: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = last.then(fn, fn);
    last = run.catch(() => undefined);
    return run;
  };
}

function markingTransaction(tx: Transaction, provider: 'sqlite' | 'postgres'): Transaction {
  const serial = oneAtATime();
  let wrote = false;
  let marking: InboxWork | undefined;
  const track = (q: SqlQuery) => {
    if (WRITE.test(q.sql)) wrote = true;
  };
  const executeRaw = (q: SqlQuery): Promise<number> => serial(() => execute(q));
  const execute = async (q: SqlQuery): Promise<number> => {
    if (!COMMIT.test(q.sql)) {
      track(q);
      return tx.executeRaw(q);
    }
    const work = currentInboxWork();
    if (wrote && work && !work.marked) {
      const changed = await tx.executeRaw({
        sql: markDoneSql(provider),
        args: [work.key],
        argTypes: [{ scalarType: 'string', arity: 'scalar' }],
      });
      if (changed === 0) {
        await tx.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] });
        await tx.rollback(); // releases the connection: Prisma will not, after a failed COMMIT
        throw new InboxItemAlreadyDone(work.key);
      }
      marking = work;
    }
    const result = await tx.executeRaw(q);
    if (marking) marking.marked = true;
    return result;
  };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'executeRaw') return executeRaw;
      if (prop === 'queryRaw')
        return (q: SqlQuery) =>
          serial(() => {
            track(q);
            return target.queryRaw(q);
          });
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function markingAdapter(adapter: SqlDriverAdapter, provider: 'sqlite' | 'postgres'): SqlDriverAdapter {
  const startTransaction: SqlDriverAdapter['startTransaction'] = async (isolationLevel) =>
    markingTransaction(await adapter.startTransaction(isolationLevel), provider);
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === 'startTransaction') return startTransaction;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function inboxMarkingFactory(
  inner: SqlDriverAdapterFactory,
  provider: 'sqlite' | 'postgres',
): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => markingAdapter(await inner.connect(), provider),
  };
}
