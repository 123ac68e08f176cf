// The policy review reminders, as a plain function of `now` (the scheduler only triggers it): a
// month before a policy's review date and again on the day, the chair and the rep are told
// privately. Each reminder's key is recorded before it is sent (ScheduledSend, as the review
// season's messages), so a second run, a restart or a second server never sends it twice.
import { isoDay } from '../../domain/review/calendar.ts';
import { reminderDue, reminderKey } from '../../domain/policies.ts';
import type { ServiceDeps } from '../deps.ts';
import type { PartnershipScope } from '../ports/index.ts';

export const POLICY_REMINDER_KIND = 'policy-review';
/** how long one process holds a reminder it is sending */
const CLAIM_MS = 10 * 60_000;

export interface PolicyJobReport {
  sent: number;
  failed: number;
}

export async function runPolicyJobs(
  deps: ServiceDeps,
  now: Date,
  scope: PartnershipScope,
  stop?: AbortSignal,
): Promise<PolicyJobReport> {
  const report: PolicyJobReport = { sent: 0, failed: 0 };
  const partnerships = await deps.stores.rosters.listPartnerships(scope);
  const byId = new Map(partnerships.map((p) => [p.id, p]));
  const policies = await deps.stores.policies.withReviewDates([...byId.keys()]);
  for (const policy of policies) {
    if (stop?.aborted) break;
    const partnership = byId.get(policy.partnershipId);
    if (!partnership) continue;
    const reminder = reminderDue(policy.reviewOn, isoDay(now, partnership.settings));
    if (!reminder || !policy.reviewOn) continue;
    try {
      const roster = await deps.stores.rosters.loadRoster(partnership.id);
      const recipients = roster.people.filter((p) => p.kind === 'rep' || p.roles.includes('chair'));
      for (const person of recipients) {
        const sendKey = reminderKey(policy.id, policy.reviewOn, reminder, person.id);
        const reserved = await deps.stores.reviews.reserveSends(
          [
            {
              key: sendKey,
              partnershipId: partnership.id,
              kind: POLICY_REMINDER_KIND,
              recipientId: person.id,
              status: 'pending',
            },
          ],
          now,
        );
        if (!reserved.has(sendKey)) continue;
        const claimed = await deps.stores.reviews.claimSends(
          [{ partnershipId: partnership.id, key: sendKey, status: 'pending', attempts: 0 }],
          now,
          new Date(now.getTime() + CLAIM_MS),
        );
        if (!claimed.includes(sendKey)) continue;
        const delivery = await deps.events.emit('PolicyReviewDue', {
          roster,
          policy,
          reminder,
          recipientId: person.id,
          sendKey,
        });
        const reached = delivery.reached.includes(person.id);
        await deps.stores.reviews.finishSends(
          [{ partnershipId: partnership.id, key: sendKey }],
          reached ? { status: 'sent', at: now } : { status: 'failed', at: now, nextAttemptAt: null },
        );
        if (reached) report.sent++;
        else report.failed++;
      }
    } catch (error) {
      deps.logger.error('policy reminder failed', {
        policyId: policy.id,
        code: (error as { code?: string }).code,
        error: error as Error,
      });
    }
  }
  return report;
}
