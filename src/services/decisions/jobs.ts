// The scheduled work for decisions, as a plain function of `now` (the scheduler only triggers it):
// close every decision whose time has passed (so a restart after downtime catches up, once), and
// send each decision's reminder once. Both are decided inside the store's transaction, so two
// runs, or two servers, cannot close or remind twice.
import { planClose, planReminders, planRosterSync, reminderDueAt } from '../../domain/decisions/lifecycle.ts';
import { pendingRosterChanges } from '../../domain/decisions/roster-changes.ts';
import type { Roster } from '../../domain/roster.ts';
import type { PartnershipScope } from '../ports/index.ts';
import { announceClosed, type ServiceDeps } from './deps.ts';

export interface JobReport {
  closed: string[];
  reminded: number;
  /** open decisions whose roster changed (joins, departures) since the last look */
  rosterChanged: string[];
}

/** The decisions of the partnerships in `scope` (the scheduler: live ones at the real time, the playground's at its pretend time). */
export async function runDecisionJobs(deps: ServiceDeps, now: Date, scope: PartnershipScope): Promise<JobReport> {
  const report: JobReport = { closed: [], reminded: 0, rosterChanged: [] };
  const rosters = new Map<string, Promise<Roster>>();
  const rosterOf = (partnershipId: string) => {
    if (!rosters.has(partnershipId)) rosters.set(partnershipId, deps.stores.rosters.loadRoster(partnershipId));
    return rosters.get(partnershipId)!;
  };
  for (const d of await deps.stores.decisions.list(null, 'open', scope)) {
    try {
      if (now.getTime() >= d.closesAt.getTime()) {
        const roster = await rosterOf(d.partnershipId);
        const result = await deps.stores.decisions.apply(d.id, (state) => planClose(state, roster, null, now));
        if (result?.outcome.kind === 'closed') {
          report.closed.push(d.id);
          await announceClosed(deps, result.state, { roster });
        }
        continue;
      }
      const roster = await rosterOf(d.partnershipId);
      if (pendingRosterChanges(d, roster).length) await syncRoster(deps, d.id, roster, now, report);
      const due = reminderDueAt(d);
      if (d.remindersSentAt || !due || now < due) continue;
      const result = await deps.stores.decisions.apply(d.id, (state) => planReminders(state, roster, now));
      if (result?.outcome.kind !== 'remind') continue;
      const sent = await deps.events.emit('RemindersDue', { state: result.state, targets: result.outcome.targets });
      report.reminded += sent.reached.length;
      deps.logger.info('decision reminders sent', { decisionId: d.id, count: result.outcome.targets.length });
    } catch (error) {
      deps.logger.error('decision job failed', {
        decisionId: d.id,
        code: (error as { code?: string }).code,
        error: error as Error,
      });
    }
  }
  return report;
}

/**
 * Joins and departures since the decision opened (a roster import, someone given a vote or
 * leaving), recorded once: whoever joined is prompted, the card's counts follow, and the chair is
 * warned if the quorum can no longer be reached. Roster changes come from the CLI and the seed,
 * other processes, so the scheduler's minute is where a server notices them.
 */
async function syncRoster(deps: ServiceDeps, decisionId: string, roster: Roster, now: Date, report: JobReport) {
  const result = await deps.stores.decisions.apply(decisionId, (state) => planRosterSync(state, roster, now));
  if (result?.outcome.kind !== 'changed') return;
  const { joined, left, canBeTaken } = result.outcome;
  report.rosterChanged.push(decisionId);
  await deps.events.emit('DecisionRosterChanged', { state: result.state, roster, joined, left });
  if (!canBeTaken) await deps.events.emit('QuorumLost', { state: result.state, roster });
  deps.logger.info('decision roster changed', { decisionId, count: joined.length + left.length });
}
