// A database ready for clicks on open decisions, on any migrated database (a SQLite file or a
// PostgreSQL database): a partnership of `members` voting members (member 0 is the chair and
// never clicks, so no decision closes because everyone voted), its channel bound, every member
// linked to a chat account, and `decisions` open decisions whose card was posted. Which members
// have already declared "no interest" in which decision is chosen by the caller: those can vote,
// the others can declare. Used by the durable-floor section, the crash benchmark and the crash test.
import { silentLogger } from '../../adapters/log.ts';
import { openDatabase } from '../../adapters/persistence/database.ts';
import { createStores } from '../../adapters/persistence/index.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import type { Person, Roster } from '../../src/domain/roster.ts';
import { defaultSettings } from '../../src/domain/settings.ts';
import { systemClock } from '../../src/services/ports/index.ts';

export interface DecisionWorldOptions {
  /** a migrated database */
  databaseUrl: string;
  /** the partnership's channel, where the cards are posted */
  conversation: Conversation;
  members: number;
  decisions: number;
  /** the chat account of member i */
  userId(i: number): string;
  /** member i has already declared "no interest" in decision d (and so may vote on it) */
  declared(d: number, i: number): boolean;
  /**
   * Member i's chat account is linked already (the default: everyone). An unlinked member's first
   * click makes the adapter ask the platform who they are (Slack users.info), then link them by email.
   */
  linked?(i: number): boolean;
  /** Teams: the channel's conversation reference, through which cards are updated */
  teamsReference?: object;
  /**
   * Teams: member i's personal chat with the bot, as saved when the bot first wrote to them there
   * (the declaration prompt does); null for a member the bot has never written to.
   */
  teamsPersonalReference?(i: number): object | null;
}

export interface DecisionWorld {
  databaseUrl: string;
  decisionIds: string[];
  /** the person id of member i */
  personIds: string[];
  userId(i: number): string;
  /** member i's email, as the roster has it */
  email(i: number): string;
}

const memberEmail = (i: number) => `member${i}@example.org`;

function roster(members: number): Roster {
  const people: Person[] = Array.from({ length: members }, (_, i) => ({
    id: `p${i}`,
    name: `Member ${i}`,
    kind: 'member',
    resident: i % 4 !== 0,
    voting: true,
    roles: i === 0 ? ['chair'] : [],
    ltoRepresentative: false,
    councillor: false,
    email: memberEmail(i),
    interests: [],
  }));
  return { partnership: { name: 'Bench Big Local', settings: defaultSettings() }, people, relationships: [] };
}

export async function createDecisionWorld(o: DecisionWorldOptions): Promise<DecisionWorld> {
  const database = await openDatabase(o.databaseUrl);
  try {
    const stores = createStores(database);
    const { partnership } = await stores.rosters.importRoster('bench-decisions', roster(o.members));
    const loaded = await stores.rosters.loadRoster(partnership.id);
    const byName = new Map(loaded.people.map((p) => [p.name, p.id]));
    const personIds = Array.from({ length: o.members }, (_, i) => byName.get(`Member ${i}`)!);
    const { platform, workspaceId, channelId } = o.conversation;
    await stores.directory.bindChannel(
      { partnershipId: partnership.id, platform, workspaceId, channelId },
      personIds[0]!,
    );
    await database.db.platformIdentity.createMany({
      data: personIds
        .map((personId, i) => ({ personId, platform, workspaceId, userId: o.userId(i) }))
        .filter((_, i) => i === 0 || (o.linked?.(i) ?? true)),
    });
    if (o.teamsReference)
      await database.db.conversationRef.create({
        data: { platform: 'teams', workspaceId, key: channelId, reference: JSON.stringify(o.teamsReference) },
      });
    const personal = o.teamsPersonalReference;
    if (personal)
      await database.db.conversationRef.createMany({
        data: personIds.flatMap((_, i) => {
          const reference = personal(i);
          return reference
            ? [{ platform: 'teams', workspaceId, key: o.userId(i), reference: JSON.stringify(reference) }]
            : [];
        }),
      });
    const bot = createBot({ stores, clock: systemClock, logger: silentLogger });
    const decisionIds: string[] = [];
    for (let d = 0; d < o.decisions; d++) {
      const replies = await bot.handle({
        conversation: o.conversation,
        speaker: { userId: o.userId(0), workspaceId },
        inbound: {
          type: 'form',
          formId: 'decision.create',
          values: { title: `Fund the summer playscheme, part ${d + 1}`, closes: 'in 7 days' },
        },
      });
      const listed = await stores.decisions.list(partnership.id);
      const decision = listed.find((x) => !decisionIds.includes(x.id));
      if (!decision) throw new Error(`decision ${d + 1} was not created: ${replies.map((r) => r.summary).join(' | ')}`);
      decisionIds.push(decision.id);
      await stores.decisions.setCard(decision.id, {
        conversation: o.conversation,
        message: { platform, workspaceId, channelId, messageId: `1700000000.${String(d).padStart(6, '0')}` },
      });
      const declared = personIds.filter((_, i) => o.declared(d, i));
      if (declared.length)
        await database.db.declaration.createMany({
          data: declared.map((personId) => ({ decisionId: decision.id, personId, outcome: 'none' })),
        });
    }
    return { databaseUrl: o.databaseUrl, decisionIds, personIds, userId: o.userId, email: memberEmail };
  } finally {
    await database.close();
  }
}

/** What the database holds for one decision, per person: what was stored, and how often it was audited. */
export interface StoredClicks {
  votes: Map<string, { option: string | null; changes: number }>;
  declarations: Map<string, string>;
  /** `${action} ${actorId}` -> audit rows (decision.vote, decision.declare, and their .change) */
  audits: Map<string, number>;
}

export async function readStoredClicks(databaseUrl: string, decisionId: string): Promise<StoredClicks> {
  const database = await openDatabase(databaseUrl, { poolSize: 1 });
  try {
    // one after another: a pool of one connection takes one query at a time
    const votes = await database.db.vote.findMany({
      where: { decisionId },
      select: { personId: true, option: true, changes: true },
    });
    const declarations = await database.db.declaration.findMany({
      where: { decisionId },
      select: { personId: true, outcome: true },
    });
    const audits = await database.db.auditEvent.groupBy({
      by: ['action', 'actorId'],
      where: { subjectId: decisionId, action: { startsWith: 'decision.' } },
      _count: { _all: true },
    });
    return {
      votes: new Map(votes.map((v) => [v.personId, { option: v.option, changes: v.changes }])),
      declarations: new Map(declarations.map((d) => [d.personId, d.outcome])),
      audits: new Map(audits.map((a) => [`${a.action} ${a.actorId ?? ''}`, a._count._all])),
    };
  } finally {
    await database.close();
  }
}
