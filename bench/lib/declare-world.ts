// A database ready for the full-server declaration benchmark: the vote benchmark's partnership
// (vote-world.ts: VOTERS + 1 voting members, every one linked to a chat account, its channel
// bound), on SQLite or PostgreSQL, with `decisions` open decisions on which nobody has declared
// yet, each with its card posted. Click n is member 1 + (n mod VOTERS) declaring "no interest" on
// decision floor(n / VOTERS): every click is a new declaration, written before it is acknowledged.
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase, type Provider } from '../../adapters/persistence/database.ts';
import { createStores, deployMigrations } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import { systemClock } from '../../src/services/ports/index.ts';
import { roster, VOTERS } from './vote-world.ts';

export interface DeclareWorld {
  /** the open decisions, in order */
  decisionIds: string[];
  /** the chat account of member i */
  userId(i: number): string;
  /** declarations stored on these decisions (all of them when none are named) */
  declarations(decisionIds?: string[]): Promise<number>;
}

/** Decision and member of the n-th click; null once every member has declared on every decision. */
export function declarationOf(world: DeclareWorld, n: number): { decisionId: string; member: number } | null {
  const decisionId = world.decisionIds[Math.floor(n / VOTERS)];
  return decisionId ? { decisionId, member: 1 + (n % VOTERS) } : null;
}

export async function createDeclareWorld(
  databaseUrl: string,
  provider: Provider,
  conversation: Conversation,
  cardMessageId: string,
  userId: (i: number) => string,
  decisions: number,
): Promise<DeclareWorld> {
  await deployMigrations(databaseUrl, provider);
  const database = await openDatabase(databaseUrl);
  try {
    const stores = createStores(database);
    const { partnership } = await stores.rosters.importRoster('bench-declarations', roster());
    const people = await stores.rosters.loadRoster(partnership.id);
    const byName = new Map(people.people.map((p) => [p.name, p.id]));
    const ids = Array.from({ length: VOTERS + 1 }, (_, i) => byName.get(`Member ${i}`)!);
    const { platform, workspaceId, channelId } = conversation;
    await stores.directory.bindChannel({ partnershipId: partnership.id, platform, workspaceId, channelId }, ids[0]!);
    await database.db.platformIdentity.createMany({
      data: ids.map((personId, i) => ({ personId, platform, workspaceId, userId: userId(i) })),
    });
    const bot = createBot({ stores, clock: systemClock, logger: silentLogger });
    for (let k = 0; k < decisions; k++) {
      await bot.handle({
        conversation,
        speaker: { userId: userId(0), workspaceId },
        inbound: {
          type: 'form',
          formId: 'decision.create',
          values: { title: `Bench decision ${k + 1}`, closes: 'in 7 days' },
        },
      });
    }
    const made = (await stores.decisions.list(partnership.id)).sort((a, b) => a.number - b.number);
    if (made.length !== decisions) throw new Error(`${made.length} of ${decisions} benchmark decisions were created`);
    for (const d of made)
      await stores.decisions.setCard(d.id, {
        conversation,
        message: { platform, workspaceId, channelId, messageId: cardMessageId },
      });
    const decisionIds = made.map((d) => d.id);
    return {
      decisionIds,
      userId,
      async declarations(only = decisionIds) {
        const db = await openDatabase(databaseUrl);
        try {
          return await db.db.declaration.count({ where: { decisionId: { in: only } } });
        } finally {
          await db.close();
        }
      },
    };
  } finally {
    await database.close();
  }
}
