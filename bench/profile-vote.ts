// Profiles one vote through the core (createBot) on the benchmark's vote world, without HTTP:
//   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-vote.ts [clicks]
// Prints the median time and SQL statements per vote.
import { silentLogger } from '../adapters/log.ts';
import { openDatabase } from '../adapters/persistence/database.ts';
import { createStores } from '../adapters/persistence/index.ts';
import { createBot } from '../src/bot/bot.ts';
import type { Conversation } from '../src/domain/chat/inbound.ts';
import { systemClock } from '../src/services/ports/index.ts';
import { median, ms } from './lib/stats.ts';
import { clickOf, createVoteWorld } from './lib/vote-world.ts';

const clicks = Number(process.argv[2] ?? 200);
const conversation: Conversation = { platform: 'slack', workspaceId: 'T0BENCH', channelId: 'C0BENCH', kind: 'channel' };
const world = await createVoteWorld(conversation, '1.1', (i) => `U0VOTER${i}`);
let queries = 0;
const trace = process.env.TRACE_SQL === '1';
const database = await openDatabase(world.databaseUrl, {
  onQuery: (sql) => {
    queries++;
    if (trace && n === clicks - 1) console.log(sql.slice(0, 140));
  },
});
const bot = createBot({ stores: createStores(database), clock: systemClock, logger: silentLogger });
const times: number[] = [];
const counts: number[] = [];
let n = 0;
for (; n < clicks; n++) {
  const { voter, option } = clickOf(n);
  queries = 0;
  const t = performance.now();
  const replies = await bot.handle({
    conversation,
    speaker: { userId: world.userId(voter), workspaceId: 'T0BENCH' },
    inbound: { type: 'action', actionId: 'decision.vote', value: `${world.decisionId}:${option}` },
  });
  times.push(performance.now() - t);
  counts.push(queries);
  if (n === 0) console.log(replies[0]?.summary);
}
console.log(`${clicks} votes: median ${ms(median(times))}, queries median ${median(counts)}`);
await database.close();
world.remove();
