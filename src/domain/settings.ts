// Per-partnership settings: where local policies may reasonably differ (RULES.md section 3,
// "locally agreed policies and procedures"). Every field has the default a careful chair expects.
import { z } from 'zod';
import { reviewSettingsSchema } from './review/settings.ts';

const FRACTION = { error: 'must be a number, such as 0.5' };
const WHOLE = { error: 'must be a whole number' };
const YES_NO = { error: 'must be true or false' };

export const quorumSchema = z.discriminatedUnion(
  'type',
  [
    /** at least this share of the voting members, rounded up */
    z.object({
      type: z.literal('fraction'),
      value: z.number(FRACTION).gt(0, 'must be more than 0').lte(1, 'must be a fraction no more than 1, such as 0.5'),
    }),
    /** at least this many eligible voting members */
    z.object({
      type: z.literal('count'),
      value: z.number(WHOLE).int(WHOLE).min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
    }),
  ],
  { error: 'must be { "type": "fraction", "value": 0.5 } or { "type": "count", "value": 6 }' },
);
export type Quorum = z.infer<typeof quorumSchema>;

export const settingsSchema = z.object({
  /** share of members who must be residents; 000/001 say "at least 51%" */
  residentThreshold: z
    .number(FRACTION)
    .gt(0, 'must be more than 0')
    .lte(1, 'must be a fraction no more than 1, such as 0.51')
    .default(0.51),
  quorum: quorumSchema.default({ type: 'fraction', value: 0.5 }),
  /** loyalty conflicts: step back from the decision, or declare and stay */
  loyaltyConflicts: z
    .enum(['withdraw', 'declare-and-stay'], { error: 'must be "withdraw" or "declare-and-stay"' })
    .default('withdraw'),
  /** some partnerships keep councillors from voting on key (procurement and grant) decisions */
  councillorsVoteOnKeyDecisions: z.boolean(YES_NO).default(true),
  /** LTO representatives who are members count towards the eight (001 counts them as members) */
  countLtoRepresentatives: z.boolean(YES_NO).default(true),
  /** the locally trusted organisation's name: decisions involving it conflict LTO representatives */
  ltoOrganisation: z
    .string({ error: "must be the organisation's name" })
    .trim()
    .max(200, 'must be at most 200 characters')
    .optional(),
  /** whether the rep may put decisions to the partnership */
  repMayCreateDecisions: z.boolean(YES_NO).default(false),
  /**
   * whether a voting member may appoint another voting member as their proxy for one decision
   * (only when the partnership's terms of reference allow proxy votes: off unless they say so)
   */
  proxyVotes: z.boolean(YES_NO).default(false),
  /** hours before a decision closes to remind members who have not declared or voted (0: no reminders) */
  reminderHoursBeforeClose: z
    .number(WHOLE)
    .int(WHOLE)
    .min(0, 'must be 0 (no reminder) or more')
    .max(336, 'must be at most 336 hours (two weeks)')
    .default(24),
  /** IANA time zone for everything a person reads; the programme is in England */
  timeZone: z.string({ error: 'must be a time zone name such as Europe/London' }).default('Europe/London'),
  /**
   * Months after a membership ends before the person's personal data is erased (decision
   * records are kept, pseudonymised). UK GDPR storage limitation; 0 keeps until erased by hand.
   */
  retentionMonths: z
    .number(WHOLE)
    .int(WHOLE)
    .min(0, 'must be 0 (kept until erased by hand) or more')
    .max(120, 'must be at most 120 months')
    .default(24),
  /**
   * the impartial person who reviews concerns raised privately (a name on the roster); unset: the
   * rep (src/domain/concerns.ts routes around the person a concern is about)
   */
  concernReviewer: z
    .string({ error: "must be a person's name on the roster" })
    .trim()
    .max(200, 'must be at most 200 characters')
    .optional(),
  /** review season: opening, deadline, nudge cadence, quiet hours, snooze (src/domain/review/settings.ts) */
  review: reviewSettingsSchema.prefault({}),
});
export type PartnershipSettings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): PartnershipSettings => settingsSchema.parse({});

/** Parse stored or imported settings; unknown keys are dropped, missing ones defaulted. */
export function parseSettings(input: unknown): PartnershipSettings {
  return settingsSchema.parse(input ?? {});
}

export function describeQuorum(q: Quorum): string {
  return q.type === 'count'
    ? `at least ${q.value} eligible voting members`
    : `at least ${Math.round(q.value * 100)}% of voting members`;
}

export function quorumRequired(q: Quorum, votingMembers: number): number {
  return q.type === 'count' ? q.value : Math.max(1, Math.ceil(q.value * votingMembers - 1e-9));
}

export const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
