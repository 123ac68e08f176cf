// What every decision handler shares: the actor and the service deps from the request's context,
// and one way to answer a decision service's refusal (audited when it refuses a click or a form).
import { z } from 'zod';
import type { Reply } from '../../domain/chat/reply.ts';
import { textReply } from '../../domain/chat/reply.ts';
import type { DecisionRefusal, DecisionResult } from '../../services/decisions/deps.ts';
import { refuse, type RefusalReason } from '../refuse.ts';
import { answerRefusal } from '../refused.ts';
import { decisionRefusalReply } from '../views/decision-answers.ts';
import { NOT_FOUND } from '../views/decision-words.ts';
import type { ScopedContext } from './types.ts';

/** A decision's id, as every decision button carries it. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ballot button's value: "<decision id>:<option number>". */
export const voteValue = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}:\d{1,2}$/i)
  .transform((v) => ({ id: v.slice(0, 36), option: Number(v.slice(37)) }))
  .refine((v) => UUID.test(v.id));

export interface RefusalWords {
  /** what someone the check refuses is told, when the feature says it better than the table */
  notPermitted?: string | undefined;
  /** what someone nobody knows is told (default: the shared sentence) */
  unknown?: string | undefined;
  /** leads a decision rule's refusal ("Nothing was changed. ") */
  prefix?: string | undefined;
  /** what a form sent, to fill it in again */
  values?: Record<string, string> | undefined;
  /** the decision the payload named, for the audit of another partnership's */
  decisionId?: string | undefined;
}

const interactive = (ctx: ScopedContext) =>
  ctx.request.inbound.type === 'action' || ctx.request.inbound.type === 'form';

/** A payload refused before any service ran (its shape, its fields): answered and audited. */
export function refusePayload(ctx: ScopedContext, reason: RefusalReason, message: string): Promise<Reply[]> {
  return refuse(ctx.request, ctx.deps, {
    reason,
    message,
    attempt: { partnershipId: ctx.scope.partnership.id, actorId: ctx.scope.person?.id ?? null },
  });
}

export function answerRefused(ctx: ScopedContext, refused: DecisionRefusal, o: RefusalWords = {}): Promise<Reply[]> {
  switch (refused.code) {
    case 'not-permitted':
      return answerRefusal(ctx, refused, o.notPermitted);
    case 'unknown-person':
      return answerRefusal(ctx, refused, o.unknown);
    case 'not-found':
    case 'invalid':
      return answerRefusal(ctx, refused);
    case 'no-decision':
      // Another partnership's decision is answered exactly like one that does not exist.
      if (!interactive(ctx)) return Promise.resolve([textReply(NOT_FOUND)]);
      return refuse(ctx.request, ctx.deps, {
        reason: refused.elsewhere ? 'other-partnership' : 'unknown-decision',
        message: NOT_FOUND,
        attempt: { partnershipId: ctx.scope.partnership.id, actorId: ctx.scope.person?.id ?? null },
        ...(refused.elsewhere && o.decisionId ? { decisionId: o.decisionId } : {}),
      });
    default:
      return Promise.resolve([
        decisionRefusalReply(refused, {
          person: ctx.scope.person,
          partnershipName: ctx.scope.partnership.name,
          values: o.values,
          prefix: o.prefix,
        }),
      ]);
  }
}

/** The service's answer rendered, or its refusal answered. */
export async function answer<T>(
  ctx: ScopedContext,
  result: DecisionResult<T>,
  render: (value: T) => Reply | Reply[],
  words: RefusalWords = {},
): Promise<Reply[]> {
  if (!result.ok) return answerRefused(ctx, result.error, words);
  const replies = render(result.value);
  return Array.isArray(replies) ? replies : [replies];
}
