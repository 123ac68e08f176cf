// A service's refusal as the person's answer. A button or form the authorisation table does not
// allow this person is also audited (./refuse.ts): interactive payloads come from outside.
import type { Refusal } from '../services/actor.ts';
import type { Reply } from '../domain/chat/reply.ts';
import { textReply } from '../domain/chat/reply.ts';
import type { ScopedContext } from './commands/types.ts';
import { refuse } from './refuse.ts';
import { refusalText } from './views/refusals.ts';

/**
 * `words` overrides the shared wording where a feature says it better (a vote refused to a paid
 * worker says why paid workers never vote). Typed commands are answered without an audit row.
 */
export function answerRefusal(ctx: ScopedContext, refused: Refusal, words?: string): Promise<Reply[]> {
  const message = words ?? refusalText(refused);
  const interactive = ctx.request.inbound.type === 'action' || ctx.request.inbound.type === 'form';
  if (!interactive || (refused.code !== 'not-permitted' && refused.code !== 'unknown-person')) {
    return Promise.resolve([textReply(message)]);
  }
  const { person, partnership } = ctx.scope;
  return refuse(ctx.request, ctx.deps, {
    reason: 'not-permitted',
    message,
    ...(refused.code === 'not-permitted' ? { permission: refused.permission } : {}),
    attempt: { partnershipId: partnership.id, actorId: person?.id ?? null },
  });
}
