// After the vote: the form for a voter's short reason (open ballots only), and what the chair is
// told after reminding those who haven't answered.
import type { Button, Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import { REASON_MAX } from '../../domain/decisions/follow-up.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { formatWhen } from './text.ts';
import { listNames, plural } from '../../domain/roster.ts';
import type { ChairReminded } from '../../services/decisions/follow-up.ts';

/** Offered after a vote on an open ballot; never on a secret one (a reason would give the vote away). */
export const reasonButton = (d: Decision): Button => ({
  actionId: 'decision.reason',
  label: 'Add a reason',
  value: d.id,
});

export const remindButton = (decisionId: string): Button => ({
  actionId: 'decision.remind',
  label: 'Remind those who haven’t answered',
  value: decisionId,
});

export function reasonFormReply(p: { decision: Decision; option: string; reason: string | null }): Reply {
  const d = p.decision;
  return {
    summary: `Your reason for voting ${p.option} on Decision ${d.number}.`,
    blocks: [
      {
        kind: 'form',
        form: {
          id: 'decision.reason',
          title: `Decision ${d.number}: your reason`,
          submitLabel: 'Save my reason',
          context: d.id,
          fields: [
            {
              id: 'reason',
              label: `Why you voted ${p.option} (optional, shown in the record with your name)`,
              type: 'textarea',
              required: true,
              maxLength: REASON_MAX,
              ...(p.reason ? { initial: p.reason } : {}),
              hint: `A sentence or two for the minutes, up to ${REASON_MAX} characters. If you change your vote, the reason is cleared.`,
            },
          ],
        },
      },
    ],
    visibility: 'private',
  };
}

export const reasonSavedReply = (r: { decision: Decision; option: string; reason: string }): Reply =>
  textReply(
    `Your reason for voting ${r.option} on Decision ${r.decision.number} is saved, and the record shows it with your vote: “${r.reason}”`,
  );

export function chairRemindedReply(r: ChairReminded): Reply {
  const d = r.decision;
  if (!r.nextAt)
    return textReply(
      `Everyone eligible has already declared and voted on Decision ${d.number}, so nobody needed a reminder.`,
    );
  const missed = r.unreachable.length
    ? ` I couldn’t reach ${listNames(r.unreachable)} privately (not linked to chat yet): please tell them yourself.`
    : '';
  return textReply(
    `I reminded ${plural(r.reached, 'member')} privately who had not declared or voted on Decision ${d.number}.${missed} The next reminder can be sent from ${formatWhen(r.nextAt, d.rules.timeZone)}.`,
  );
}
