// A review sweep in its own process, as a second server would run it. Run by exactly-once.test.ts:
//   node --import tsx test/review/sweep-process.ts record|hold|crash <DATABASE_URL> <ISO time>...
// It prints "ready", then for each time waits for a line on standard input and sweeps at that
// time, so that two processes sweep in step as two servers on one real clock would (a process
// racing days ahead would rightly take over the other's expired claims). `hold` records like
// `record`, but at each time's first message it prints "held" and waits for another line: the
// other process sweeps meanwhile, while this one's keys are recorded and its batch claimed. `record` prints one JSON line per message
// handed to the chat platform; `crash` dies (SIGKILL) the moment the first message is handed
// over, after its key was recorded.
import { createInterface } from 'node:readline';
import { silentLogger } from '../../adapters/log.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { subscribeNotifications } from '../../src/bot/notifications/index.ts';
import { EventBus } from '../../src/services/events.ts';
import { systemClock, type Notifier } from '../../src/services/ports/index.ts';
import { runReviewSweep } from '../../src/services/review/sweep.ts';

const [mode, url, ...times] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'hold' && mode !== 'crash') || !url || !times.length) {
  throw new Error('usage: sweep-process.ts record|hold|crash <DATABASE_URL> <ISO time>...');
}
const database = await openDatabase(url);
const input = createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();
let sweepAt = '';
let held = '';
const notifier: Notifier = {
  async sendToPerson(personId, reply) {
    if (mode === 'crash') {
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => undefined);
    }
    if (mode === 'hold' && held !== sweepAt) {
      held = sweepAt;
      process.stdout.write('held\n');
      await lines.next();
    }
    process.stdout.write(`${JSON.stringify({ pid: process.pid, at: sweepAt, personId, summary: reply.summary })}\n`);
    return true;
  },
  sendToConversation: () => Promise.resolve(null),
  updateMessage: () => Promise.resolve(false),
};
const stores = createStores(database);
const reviews = stores.reviews;
const events = subscribeNotifications(new EventBus(), { stores, logger: silentLogger, notifier });
await reviews.listPartnerships(null, 1); // connected and warmed up
process.stdout.write('ready\n');
for (const at of times) {
  await lines.next();
  sweepAt = at;
  const summary = await runReviewSweep({ stores, clock: systemClock, logger: silentLogger, events }, new Date(at));
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
}
input.close();
await database.close();
