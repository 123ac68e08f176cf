// The scheduled work for decisions, as a plain function of `now` (the scheduler only triggers it):
// close every decision whose time has passed (so a restart after downtime catches up, once), and
// send each decision's reminder once. Both are decided inside the store's transaction, so two
// runs, or two servers, cannot close or remind twice.
import { planClose, planReminders, reminderDueAt } from '../../domain/decisions/lifecycle.ts';
import type { Roster } from '../../domain/roster.ts';
import type { PartnershipScope } from '../ports/index.ts';
import { announceClosed, type ServiceDeps } from './deps.ts';

export interface JobReport {
  closed: string[];
  reminded: number;
}

/** The decisions of the partnerships in `scope` (the scheduler: live ones at the real time, the playground's at its pretend time). */
export async function runDecisionJobs(deps: ServiceDeps, now: Date, scope: PartnershipScope): Promise<JobReport> {
  const report: JobReport = { closed: [], reminded: 0 };
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
      const due = reminderDueAt(d);
      if (d.remindersSentAt || !due || now < due) continue;
      const roster = await rosterOf(d.partnershipId);
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
