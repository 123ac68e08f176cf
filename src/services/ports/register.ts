// The register of interests, the roster's relationships and the partnership's known
// organisations, as stored. Every write is one transaction together with its audit row
// (who, when, before and after): the adapter guarantees both or neither.
import type { DecisionDeclaration } from '../../domain/coi.ts';
import type { InterestInput, RelationshipInput } from '../../domain/register.ts';

/** Who changes what, when: written to the audit row of the same transaction. */
export interface Change {
  partnershipId: string;
  actorId: string | null;
  at: Date;
}

export interface StoredInterest extends InterestInput {
  id: string;
  personId: string;
  updatedAt: Date;
}

export interface StoredRelationship extends RelationshipInput {
  id: string;
  createdAt: Date;
}

export interface KnownOrganisation {
  id: string;
  name: string;
  aliases: string[];
}

/** A stored decision, as much as the conflict-of-interest check needs. */
export interface DecisionForCheck {
  id: string;
  number: number;
  title: string;
  /** general | procurement | grant */
  kind: string;
  organisations: string[];
  /** declarations with outcome "interest" */
  declarations: DecisionDeclaration[];
}

export type Saved<T> = { status: 'saved'; value: T } | { status: 'not-found' } | { status: 'duplicate' };

export interface RegisterStore {
  interestsOf(personId: string): Promise<StoredInterest[]>;
  getInterest(id: string): Promise<StoredInterest | null>;
  /** `registerOrganisation`: also add the organisation to the known list if no name or alias matches. */
  addInterest(
    change: Change,
    personId: string,
    input: InterestInput,
    options?: { registerOrganisation?: boolean },
  ): Promise<StoredInterest>;
  updateInterest(
    change: Change,
    id: string,
    input: InterestInput,
    options?: { registerOrganisation?: boolean },
  ): Promise<Saved<StoredInterest>>;
  removeInterest(change: Change, id: string): Promise<Saved<StoredInterest>>;
  /** "Nothing to declare", recorded with its date (an audit row, action `interests.none-confirmed`). */
  confirmNothingToDeclare(change: Change, personId: string): Promise<void>;
  lastNothingToDeclare(partnershipId: string, personId: string): Promise<Date | null>;

  relationships(partnershipId: string): Promise<StoredRelationship[]>;
  getRelationship(id: string): Promise<(StoredRelationship & { partnershipId: string }) | null>;
  addRelationship(change: Change, input: RelationshipInput): Promise<Saved<StoredRelationship>>;
  updateRelationship(change: Change, id: string, input: RelationshipInput): Promise<Saved<StoredRelationship>>;
  removeRelationship(change: Change, id: string): Promise<Saved<StoredRelationship>>;

  organisations(partnershipId: string): Promise<KnownOrganisation[]>;
  /** Add a name to the known list (no-op when its key is already a name or alias there). */
  registerOrganisation(change: Change, name: string): Promise<KnownOrganisation>;
  /**
   * `alias` is another name for `name`: both become one organisation from now on. When both were
   * known separately, the alias's organisation is merged into `name`'s.
   */
  addAlias(change: Change, name: string, alias: string): Promise<{ organisation: KnownOrganisation; changed: boolean }>;
  removeAlias(change: Change, organisationId: string, alias: string): Promise<Saved<KnownOrganisation>>;

  /** Decision `number` of the partnership with its declared interests, or null. */
  decisionForCheck(partnershipId: string, number: number): Promise<DecisionForCheck | null>;
  /** The free text of every declaration made in the partnership (the channel guard keeps it out of channels). */
  declarationDetails(partnershipId: string): Promise<string[]>;
}
