// A database ready for the full-server vote benchmarks: a partnership of VOTERS + 1 voting members
// (one never votes, so the decision stays open however many clicks arrive), its channel bound,
// every member linked to a chat account and already declared "no interest" in one open decision
// whose card was posted (so each vote refreshes it with chat.update / updateActivity).
// The clicks then alternate each voter between For and Against: every click is a new vote or a
// change, and the database's votes + changes must equal the clicks answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { createStores, deployMigrations } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Person, Roster } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { systemClock } from '../../src/services/ports/index.ts';

export const VOTERS = 500;

export interface VoteWorld {
  databaseUrl: string;
  decisionId: string;
  /** the chat account of voter i */
  userId(i: number): string;
  /** votes recorded plus vote changes, read from the database */
  tally(): Promise<{ votes: number; changes: number }>;
  remove(): void;
}

/** VOTERS + 1 voting members, member 0 the chair (also used by the declaration benchmark, declare-world.ts). */
export function roster(): Roster {
  const people: Person[] = Array.from({ length: VOTERS + 1 }, (_, i) => ({
    id: `p${i}`,
    name: `Member ${i}`,
    kind: 'member',
    resident: i % 4 !== 0,
    voting: true,
    roles: i === 0 ? ['chair'] : [],
    ltoRepresentative: false,
    councillor: false,
    email: `member${i}@example.org`,
    interests: [],
  }));
  return { partnership: { name: 'Bench Big Local', settings: defaultSettings() }, people, relationships: [] };
}

/** `cardMessageId`: the decision card's message in `conversation`; `userId(i)`: member i's chat account. */
export async function createVoteWorld(
  conversation: Conversation,
  cardMessageId: string,
  userId: (i: number) => string,
  teamsReference?: object,
): Promise<VoteWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-votes-'));
  const databaseUrl = `file:${join(dir, 'votes.db')}`;
  await deployMigrations(databaseUrl, 'sqlite');
  const database = await openDatabase(databaseUrl);
  try {
    const stores = createStores(database);
    const { partnership } = await stores.rosters.importRoster('bench-votes', roster());
    const people = await stores.rosters.loadRoster(partnership.id);
    const byName = new Map(people.people.map((p) => [p.name, p.id]));
    const ids = Array.from({ length: VOTERS + 1 }, (_, i) => byName.get(`Member ${i}`)!);
    const { platform, workspaceId, channelId } = conversation;
    await stores.directory.bindChannel({ partnershipId: partnership.id, platform, workspaceId, channelId }, ids[0]!);
    await database.db.platformIdentity.createMany({
      data: ids.map((personId, i) => ({ personId, platform, workspaceId, userId: userId(i) })),
    });
    const bot = createBot({ stores, clock: systemClock, logger: silentLogger });
    const replies = await bot.handle({
      conversation,
      speaker: { userId: userId(0), workspaceId },
      inbound: {
        type: 'form',
        formId: 'decision.create',
        values: { title: 'Fund the summer playscheme', closes: 'in 7 days' },
      },
    });
    const decision = (await stores.decisions.list(partnership.id))[0];
    if (!decision)
      throw new Error(`the benchmark decision was not created: ${replies.map((r) => r.summary).join(' | ')}`);
    await stores.decisions.setCard(decision.id, {
      conversation,
      message: { platform, workspaceId, channelId, messageId: cardMessageId },
    });
    // Teams updates a card through the conversation reference the adapter stored when it was installed.
    if (teamsReference)
      await database.db.conversationRef.create({
        data: { platform: 'teams', workspaceId, key: channelId, reference: JSON.stringify(teamsReference) },
      });
    await database.db.declaration.createMany({
      data: ids.map((personId) => ({ decisionId: decision.id, personId, outcome: 'none' })),
    });
    return {
      databaseUrl,
      decisionId: decision.id,
      userId,
      async tally() {
        const db = await openDatabase(databaseUrl);
        try {
          const votes = await db.db.vote.aggregate({
            where: { decisionId: decision.id },
            _count: { _all: true },
            _sum: { changes: true },
          });
          return { votes: votes._count._all, changes: votes._sum.changes ?? 0 };
        } finally {
          await db.close();
        }
      },
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    await database.close();
  }
}

/** Voter and option of the n-th click: voters in turn, each alternating For (0) and Against (1). */
export function clickOf(n: number): { voter: number; option: number } {
  return { voter: 1 + (n % VOTERS), option: Math.floor(n / VOTERS) % 2 };
}
