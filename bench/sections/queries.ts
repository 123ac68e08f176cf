// Section 5: SQL statements per chat interaction at partnership sizes 10 and 1,000, on SQLite and
// PostgreSQL, through the real core (createBot) and the real stores. Counted with Prisma's query
// events (every statement the client sends, transactions included). Must not grow with size.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase, type Provider } from '../../adapters/persistence/database.ts';
import { createStores, deployMigrations } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { Request } from '../../src/domain/chat/inbound.ts';
import { systemClock } from '../../src/services/ports/index.ts';
import { generateRoster } from '../lib/rosters.ts';
import { median, ms } from '../lib/stats.ts';
import type { BenchContext, Section } from '../report.ts';

export const PARTNERSHIP_SIZES = [10, 1_000] as const;
const RUNS = 5;
const CHAIR_EMAIL = 'person0@example.org'; // generated rosters: person 0 is the chair

const dm = (inbound: Request['inbound'], userId = 'U0CHAIR', email = CHAIR_EMAIL): Request => ({
  conversation: { platform: 'slack', workspaceId: 'T0BENCH', channelId: `D${userId}`, kind: 'direct' },
  speaker: { userId, workspaceId: 'T0BENCH', email },
  inbound,
});
const inChannel = (inbound: Request['inbound']): Request => ({
  conversation: { platform: 'slack', workspaceId: 'T0BENCH', channelId: 'C0BENCH', kind: 'channel' },
  speaker: { userId: 'U0CHAIR', workspaceId: 'T0BENCH', email: CHAIR_EMAIL },
  inbound,
});

export const INTERACTIONS: { label: string; request: Request }[] = [
  { label: '"are we in criteria?" in a direct message', request: dm({ type: 'text', text: 'Are we in criteria?' }) },
  {
    label: '"are we in criteria?" in the partnership channel',
    request: inChannel({ type: 'text', text: 'are we in criteria?' }),
  },
  { label: 'criteria details button', request: inChannel({ type: 'action', actionId: 'criteria.details', value: '' }) },
  { label: '"who is on the partnership?"', request: dm({ type: 'text', text: 'who is on the partnership?' }) },
  {
    label: '/partnership coi (conflict check)',
    request: dm({ type: 'command', text: 'coi Organisation 0 Ltd; Organisation 2 Ltd' }),
  },
];
const FIRST_CONTACT = 'first message from an unlinked account (linked by email)';

interface Counted {
  label: string;
  queries: number[];
  ms: number[];
}

async function measureAt(ctx: BenchContext, provider: Provider, size: number): Promise<Counted[]> {
  const name = `bench_queries_${size}_${Date.now()}`;
  let url: string;
  let remove: () => void;
  if (provider === 'sqlite') {
    const file = join(tmpdir(), `${name}.db`);
    url = `file:${file}`;
    remove = () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true }));
  } else {
    const cluster = await ctx.postgres();
    if (!cluster) throw new Error('PostgreSQL is not available');
    url = await cluster.createDatabase(name);
    remove = () => undefined; // the cluster is thrown away at the end of the run
  }
  await deployMigrations(url, provider);
  let queries = 0;
  const database = await openDatabase(url, { onQuery: () => void queries++ });
  try {
    const stores = createStores(database);
    const { partnership } = await stores.rosters.importRoster(`generated-${size}`, generateRoster(size));
    await stores.directory.bindChannel(
      { partnershipId: partnership.id, platform: 'slack', workspaceId: 'T0BENCH', channelId: 'C0BENCH' },
      'bench',
    );
    const bot = createBot({ stores, clock: systemClock, logger: silentLogger });
    const once = async (request: Request) => {
      queries = 0;
      const started = performance.now();
      const replies = await bot.handle(request);
      if (replies.length === 0) throw new Error('the bot gave no reply');
      return { queries, ms: performance.now() - started };
    };
    // Warm up the whole path with another member's first message, so the chair's is not the
    // process's first interaction (one sample only).
    await once(dm({ type: 'text', text: 'Are we in criteria?' }, 'U0WARMUP', 'person5@example.org'));
    const first = await once(dm({ type: 'text', text: 'Are we in criteria?' }));
    const out: Counted[] = [{ label: FIRST_CONTACT, queries: [first.queries], ms: [first.ms] }];
    for (const interaction of INTERACTIONS) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(interaction.request));
      out.push({ label: interaction.label, queries: runs.map((r) => r.queries), ms: runs.map((r) => r.ms) });
    }
    return out;
  } finally {
    await database.close();
    remove();
  }
}

const span = (values: number[]) =>
  Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}-${Math.max(...values)}`;

export const queriesPerInteraction: Section = {
  id: '5',
  title: 'Database queries per interaction by partnership size',
  async run(ctx) {
    const rows: string[][] = [];
    const data: Record<string, unknown> = {};
    let constant = true;
    const notes: string[] = [];
    for (const provider of ['sqlite', 'postgres'] as const) {
      if (provider === 'postgres' && !(await ctx.postgres())) {
        notes.push(
          'PostgreSQL rows not measured: the PostgreSQL server binaries are not installed (apt-get install postgresql).',
        );
        continue;
      }
      const bySize: Counted[][] = [];
      for (const size of PARTNERSHIP_SIZES) {
        ctx.log(`queries: ${provider}, partnership of ${size}`);
        bySize.push(await measureAt(ctx, provider, size));
      }
      data[provider] = Object.fromEntries(PARTNERSHIP_SIZES.map((s, i) => [s, bySize[i]]));
      const [small = [], large = []] = bySize;
      small.forEach((s, i) => {
        const l = large[i]!;
        const same = span(s.queries) === span(l.queries) && !span(s.queries).includes('-');
        constant &&= same;
        rows.push([
          s.label,
          provider,
          span(s.queries),
          span(l.queries),
          same ? 'yes' : '**no**',
          ms(median(s.ms)),
          ms(median(l.ms)),
        ]);
      });
    }
    return {
      id: this.id,
      title: this.title,
      about:
        `SQL statements the Prisma client sent for one interaction through the real core (createBot) and stores, on a generated partnership ` +
        `with its channel bound; ${RUNS} runs each (a range means the runs differed). Times include building the reply, in-process.`,
      tables: [
        {
          columns: [
            'Interaction',
            'Database',
            'Queries, 10 people',
            'Queries, 1,000 people',
            'Constant',
            'Time, 10 people',
            'Time, 1,000 people',
          ],
          rows,
        },
      ],
      targets: [
        {
          text: 'queries per interaction constant (the same at 10 and 1,000 people)',
          met: rows.length ? constant : null,
        },
      ],
      notes,
      data,
    };
  },
};
