// Refusing a button or form submission. Interactive payloads come from outside: their ids and
// values could have been changed, replayed from another partnership's message or sent from a
// conversation the bot does not serve. The person gets one clear sentence; the partnership's audit
// log gets who tried what and why (ids and a reason code, never the payload); the log gets a line.
import type { Attempt, BotDeps } from './context.ts';
import type { Request } from '../domain/chat/inbound.ts';
import type { Reply } from '../domain/chat/reply.ts';
import { textReply } from '../domain/chat/reply.ts';

export const SECURITY_REFUSED = 'security.refused';

export const REFUSAL_REASONS = [
  /** the conversation is not bound to a partnership */
  'unbound',
  /** a direct chat with someone the bot cannot place on any roster */
  'unknown-person',
  /** the conversation belongs to a partnership the person is not on */
  'wrong-partnership',
  /** the value names a decision of another partnership */
  'other-partnership',
  /** the value names no decision at all */
  'unknown-decision',
  /** the value is not in the shape the bot's own buttons carry (a person id added, say) */
  'malformed-value',
  /** the form carries fields its form never had (someone else's id, say) */
  'unexpected-field',
  /** the authorisation table does not allow this person to do it */
  'not-permitted',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  reason: RefusalReason;
  /** what the person is told */
  message: string;
  /** where to record it; null when no partnership is concerned (then only the log has it) */
  attempt: Attempt | null;
  /** the permission that was missing, for 'not-permitted' */
  permission?: string;
  /** the decision the payload named, when it names one */
  decisionId?: string;
}

/** What was clicked or submitted: the action or form id (clipped), never its value. */
export const interactionId = (request: Request): string => {
  const { inbound } = request;
  const id = inbound.type === 'action' ? inbound.actionId : inbound.type === 'form' ? inbound.formId : inbound.type;
  return id.slice(0, 100);
};

export async function refuse(request: Request, deps: BotDeps, refusal: Refusal): Promise<Reply[]> {
  const { conversation, speaker } = request;
  const action = interactionId(request);
  const { attempt } = refusal;
  deps.logger.warn('security refused', {
    code: refusal.reason,
    platform: conversation.platform,
    kind: action.slice(0, 60),
    ...(attempt ? { partnershipId: attempt.partnershipId, personId: attempt.actorId } : {}),
  });
  if (attempt) {
    try {
      await deps.stores.audit.record({
        partnershipId: attempt.partnershipId,
        actorId: attempt.actorId,
        action: SECURITY_REFUSED,
        subjectType: 'interaction',
        subjectId: action,
        after: {
          reason: refusal.reason,
          platform: conversation.platform,
          ...(refusal.permission ? { permission: refusal.permission } : {}),
          ...(refusal.decisionId ? { decisionId: refusal.decisionId } : {}),
          // someone the roster does not know is recorded by their chat account
          ...(attempt.actorId
            ? {}
            : { workspaceId: speaker.workspaceId.slice(0, 100), userId: speaker.userId.slice(0, 100) }),
        },
      });
    } catch (error) {
      // The refusal stands even when the audit log cannot be written (the database is down).
      deps.logger.error('security refusal not audited', {
        code: (error as { code?: string }).code ?? 'E_AUDIT',
        platform: conversation.platform,
      });
    }
  }
  return [textReply(refusal.message)];
}
