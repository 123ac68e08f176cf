// "Are we in criteria?": every check in RULES.md sections 1 and 2, in one report.
import { Kinship } from '../kinship.ts';
import type { Roster } from '../roster.ts';
import {
  checkFamilyHouseholdLimit,
  checkLtoInPower,
  checkLtoVoting,
  checkMemberRelatedToWorker,
  checkPaidWorkerVoting,
  checkRelatedOfficers,
  checkRelatedWorkers,
  checkWorkerRelatedToOfficer,
} from './makeup.ts';
import { checkDiversity, checkMinMembers, checkOwnRight, checkResidentMajority, countMembers } from './membership.ts';
import type { CheckId, CriteriaReport } from './result.ts';

export * from './result.ts';
export { countMembers, MIN_MEMBERS, residentsNeededFor } from './membership.ts';

const CRITERIA: readonly CheckId[] = ['min-members', 'resident-majority'];
export const MAKE_UP_CHECKS: readonly CheckId[] = [
  'paid-worker-voting',
  'family-household-limit',
  'related-officers',
  'worker-related-to-officer',
  'related-workers',
  'lto-in-power',
  'member-related-to-worker',
  'lto-voting',
];

export function checkCriteria(roster: Roster, kinship: Kinship = Kinship.of(roster)): CriteriaReport {
  const checks = [
    checkMinMembers(roster),
    checkResidentMajority(roster),
    checkDiversity(),
    checkOwnRight(roster),
    checkPaidWorkerVoting(roster),
    checkFamilyHouseholdLimit(roster, kinship),
    checkRelatedOfficers(roster, kinship),
    checkWorkerRelatedToOfficer(roster, kinship),
    checkRelatedWorkers(roster, kinship),
    checkLtoInPower(roster),
    checkMemberRelatedToWorker(roster, kinship),
    checkLtoVoting(roster),
  ];
  const { counted, excluded } = countMembers(roster);
  return {
    partnership: roster.partnership.name,
    inCriteria: checks.every((c) => !CRITERIA.includes(c.id) || c.status !== 'fail'),
    conformsToCoiGuidance: checks.every((c) => !MAKE_UP_CHECKS.includes(c.id) || c.status !== 'fail'),
    members: counted.length,
    residents: counted.filter((p) => p.resident).length,
    counted: counted.map((p) => p.name),
    notCounted: excluded,
    checks,
  };
}
export { appointmentsIn, lineUpKey, OFFICER_CHECKS, officerProblems, withAppointment } from './officers.ts';
export type { Appointment } from './officers.ts';
