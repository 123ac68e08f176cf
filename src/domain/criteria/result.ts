// The shape every criteria and make-up check returns.

export const CHECK_IDS = [
  'min-members',
  'resident-majority',
  'diversity',
  'own-right',
  'paid-worker-voting',
  'family-household-limit',
  'related-officers',
  'worker-related-to-officer',
  'related-workers',
  'lto-in-power',
  'member-related-to-worker',
  'lto-voting',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  title: string;
  /** Safe for a channel: counts, names and roles, never relationships, interests or residency. */
  message: string;
  /** What would fix a failure, or avert a warning. */
  fix?: string;
  /**
   * Sensitive explanation: relationship chains, who is counted as a resident. Shown only to the
   * people concerned, officers and the rep, in private, or offline from a file the user holds.
   */
  details: string[];
  /** Seed documents the rule comes from (shared/seeds). */
  source: string;
}

export interface CriteriaReport {
  partnership: string;
  /** from min-members and resident-majority */
  inCriteria: boolean;
  /** false when any make-up conflict check fails */
  conformsToCoiGuidance: boolean;
  members: number;
  residents: number;
  /** names of the members counted (channel-safe: names only) */
  counted: string[];
  /** why each other person on the roster was not counted ("the rep Dan is not a member") */
  notCounted: string[];
  checks: CheckResult[];
}

/**
 * Checks that come from the roster's relationships. In a channel even their counts, next to the
 * names a channel sees (the only paid worker, the officers), can say who is related to whom.
 */
export const RELATIONSHIP_CHECKS: ReadonlySet<CheckId> = new Set<CheckId>([
  'family-household-limit',
  'related-officers',
  'worker-related-to-officer',
  'related-workers',
  'member-related-to-worker',
]);

export const CHECK_TITLES: Record<CheckId, string> = {
  'min-members': 'At least eight members',
  'resident-majority': 'Residents are the majority',
  diversity: 'Reflects the community',
  'own-right': 'Members take part in their own right',
  'paid-worker-voting': 'No paid worker votes',
  'family-household-limit': 'At most two from one family or household',
  'related-officers': 'Officers are not related to each other',
  'worker-related-to-officer': 'No worker is related to an officer',
  'related-workers': 'Paid workers are not related to each other',
  'lto-in-power': 'No LTO representative holds a position of power',
  'member-related-to-worker': 'Members related to a worker',
  'lto-voting': 'LTO staff as voting members',
};
