// One of two processes writing the same deliveries to the inbox at the same moment (two-processes.test.ts):
// waits for the agreed start time, claims every key at once, prints the keys it won as JSON.
import { openDatabase } from '../../adapters/persistence/database.ts';
import { inboxStore } from '../../adapters/persistence/inbox-store.ts';

const url = process.env.DATABASE_URL ?? '';
const keys = (process.env.CLAIM_KEYS ?? '').split(',').filter(Boolean);
const startAt = Number(process.env.START_AT ?? 0);

const database = await openDatabase(url, { poolSize: 8 });
await database.db.$queryRawUnsafe('SELECT 1'); // connected before the start line
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const inbox = inboxStore(database);
const holder = `worker-${process.pid}`;
const accept = (key: string) =>
  inbox.accept({ key, platform: 'slack', body: '{}' }, holder, new Date(Date.now() + 60_000), new Date());
const results = await Promise.all(keys.map(async (key) => ((await accept(key)) ? key : null)));
await database.close();
process.stdout.write(`${JSON.stringify({ won: results.filter((k): k is string => k !== null) })}\n`);
