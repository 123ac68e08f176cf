// Stores for the work around the conversations: the scheduler's lease, subject access and erasure (UK GDPR), and seeding the demo partnership.
// The adapters call these by name; the queries stay here, beside the rest of the database code.
import type { ImportSummary, Stores } from '../../src/services/ports/index.ts';
import type { Database } from './database.ts';
import { acquireLease, releaseLease } from './lease.ts';
import { eraseExpired, erasePerson, exportPerson, type PersonLookup } from './privacy.ts';
import { seedDemo } from './seed.ts';

/** A named lease shared by every server process: at most one holder at a time. */
export interface Leases {
  /** Take or renew; true when `holder` now holds the lease until now + ms (an expired one is taken over). */
  acquire(holder: string, now: Date, name: string, ms: number): Promise<boolean>;
  release(holder: string, name: string): Promise<void>;
}

export const leaseStore = (database: Pick<Database, 'db'>): Leases => ({
  acquire: (holder, now, name, ms) => acquireLease(database.db, holder, now, name, ms),
  release: (holder, name) => releaseLease(database.db, holder, name),
});

/** Subject access and erasure: everything held on a person, and its removal. */
export interface PersonalData {
  export(lookup: PersonLookup): Promise<Record<string, unknown> | null>;
  /** `actorId`: who asked (null from the command line) */
  erase(lookup: PersonLookup, actorId: string | null): Promise<{ pseudonym: string } | null>;
  /** Erase people whose membership ended more than `retentionMonths` before `now`; returns how many. */
  eraseExpired(partnershipId: string, retentionMonths: number, now: Date): Promise<number>;
}

export const personalData = (database: Pick<Database, 'db'>): PersonalData => ({
  export: (lookup) => exportPerson(database.db, lookup),
  erase: (lookup, actorId) => erasePerson(database.db, lookup, actorId),
  eraseExpired: (partnershipId, months, now) => eraseExpired(database.db, partnershipId, months, now),
});

/** The demo partnership into an empty database, several processes taking turns through a lease. */
export const seedDemoOnce = (stores: Stores, database: Pick<Database, 'db'>): Promise<ImportSummary | null> =>
  seedDemo(stores, database.db);
