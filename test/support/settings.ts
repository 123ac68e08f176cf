// Every setting at its default, as a roster export writes it in `partnership.settings`
// (docs/roster-format.md, "Settings"), written out by hand so a changed default shows here.
export const DEFAULT_SETTINGS_OBJECT = {
  residentThreshold: 0.51,
  quorum: { type: 'fraction', value: 0.5 },
  loyaltyConflicts: 'withdraw',
  councillorsVoteOnKeyDecisions: true,
  countLtoRepresentatives: true,
  repMayCreateDecisions: false,
  proxyVotes: false,
  reminderHoursBeforeClose: 24,
  timeZone: 'Europe/London',
  retentionMonths: 24,
  review: {
    opensOn: '09-01',
    opensAt: '09:00',
    deadline: '12-31',
    nudgeDays: ['monday'],
    finalMonthNudgeDays: ['monday', 'thursday'],
    nudgeAt: '10:00',
    quietFrom: '20:00',
    quietTo: '08:00',
    quietDays: ['sunday'],
    confirmationReminders: 2,
    confirmationReminderDays: 14,
  },
};

/** A roster document written with the older `partnership.residentThreshold`, as an export now writes it. */
export function asExported<T extends { partnership: { name: string } }>(doc: T): T {
  return { ...doc, partnership: { name: doc.partnership.name, settings: DEFAULT_SETTINGS_OBJECT } };
}
