// What the adapters (server, Slack, Teams, playground, scheduler, command line) need from the
// database beyond the core's stores, each a small store named for what it does. Built once per
// app (adapters/server/app.ts) and handed to each adapter's register(app).
import type { Database } from './database.ts';
import { SlackDirectStore, TeamsReferenceStore } from './conversation-refs.ts';
import { inboxStore, type InboxStore } from './inbox-store.ts';
import { leaseStore, personalData, type Leases, type PersonalData } from './maintenance-store.ts';

/** /healthz: does the database answer at all? */
export interface Health {
  /** resolves when the database answers a trivial query; rejects otherwise */
  ping(): Promise<void>;
}

/** The playground's lookups that the roster store does not offer. */
export interface DemoPeople {
  /** A current (neither ended nor erased) person of the partnership, or null. */
  findCurrent(partnershipId: string, personId: string): Promise<{ id: string; name: string } | null>;
}

export interface PlatformStores {
  health: Health;
  /** every interaction, on disk before it is acknowledged (docs/inbox.md) */
  inbox: InboxStore;
  leases: Leases;
  personalData: PersonalData;
  slackDirect: SlackDirectStore;
  teamsReferences: TeamsReferenceStore;
  demoPeople: DemoPeople;
}

export function createPlatformStores(database: Database): PlatformStores {
  const { db } = database;
  return {
    health: { ping: async () => void (await db.$queryRawUnsafe('SELECT 1')) },
    inbox: inboxStore(database),
    leases: leaseStore(database),
    personalData: personalData(database),
    slackDirect: new SlackDirectStore(database),
    teamsReferences: new TeamsReferenceStore(database),
    demoPeople: {
      findCurrent: (partnershipId, personId) =>
        db.person.findFirst({
          where: { id: personId, partnershipId, endedAt: null, erasedAt: null },
          select: { id: true, name: true },
        }),
    },
  };
}
