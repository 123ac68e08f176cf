// The local policies register and the concerns raised privately, as stored. Every write is one
// transaction with its audit row. Audit rows of a concern name the concern, never its words or
// the person it is about.
import type { Concern, ConcernInput } from '../../domain/concerns.ts';
import type { Policy, PolicyInput } from '../../domain/policies.ts';
import type { Change } from './register.ts';

export interface PolicyStore {
  /** The partnership's policies, by name. */
  list(partnershipId: string): Promise<Policy[]>;
  /** Add, or update the entry of the same name (case and spacing ignored); `created` says which. */
  save(change: Change, input: PolicyInput): Promise<{ policy: Policy; created: boolean }>;
  /** Remove the entry of this name; null when there is none. */
  remove(change: Change, name: string): Promise<Policy | null>;
  /** Policies with a review date, of every partnership in `scope` (the reminder job). */
  withReviewDates(partnershipIds: readonly string[]): Promise<(Policy & { partnershipId: string })[]>;
}

export interface ConcernStore {
  /** Numbers the concern within its partnership and stores it, audited, in one transaction. */
  raise(change: Change, input: ConcernInput & { raisedById: string; reviewerId: string | null }): Promise<Concern>;
  find(partnershipId: string, id: string): Promise<Concern | null>;
  /** Concerns this person reviews (open first, then newest). */
  reviewing(partnershipId: string, reviewerId: string): Promise<Concern[]>;
  /** Concerns this person raised, newest first. */
  raisedBy(partnershipId: string, personId: string): Promise<Concern[]>;
  /** Record the outcome and close an open concern; null when it is not open (closed already). */
  close(change: Change, id: string, outcome: string): Promise<Concern | null>;
}
