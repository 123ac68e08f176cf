// `/partnership proxy <n>`: the proxy's ballot to whoever holds a proxy on decision n, who holds
// theirs to a member who appointed one, or the form to appoint one; the form's submission, the
// proxy's vote buttons and the button that withdraws an appointment. Values carry ids only (the
// decision's id, an option index), checked for shape here and against the stored decision by the
// service; a form may carry only its own field.
import { z } from 'zod';
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import { appointProxy, proxyPrompt, proxyVote, withdrawProxy } from '../../services/decisions/proxy.ts';
import { serviceDeps } from '../context.ts';
import { MALFORMED, noVoteReason, UNEXPECTED_FIELDS } from '../views/decision-words.ts';
import {
  appointedReply,
  PROXY_FORM_FIELDS,
  PROXY_FORM_ID,
  PROXY_VOTE_ACTION,
  PROXY_WITHDRAW_ACTION,
  proxyPromptReply,
  proxyVotedReply,
  withdrawnReply,
} from '../views/proxy.ts';
import { answer, refusePayload, UUID, voteValue } from './decision-scope.ts';
import { actorOf, type ActionHandler, type Command, type FormHandler, type ScopedContext } from './types.ts';

const formSchema = z
  .object(
    Object.fromEntries(
      PROXY_FORM_FIELDS.map((f) => [f, z.union([z.string().max(100), z.array(z.string().max(100)).max(1)])]),
    ),
  )
  .strict();

const voter = (ctx: ScopedContext, decisionId?: string) => ({
  notPermitted: noVoteReason(ctx.scope.person) ?? undefined,
  decisionId,
});

export const proxy: Command = {
  name: 'proxy',
  summary:
    'Proxy votes, where the partnership allows them: appoint another voting member to vote for you on one decision, withdraw that while it is unused, or vote for the member whose proxy you hold.',
  usage: 'proxy <decision number>',
  needsPartnership: true,
  async run(ctx) {
    const number = /^\s*(\d{1,6})\s*$/.exec(ctx.args)?.[1];
    if (!number)
      return [
        textReply(
          'Which decision? Give its number, for example `/partnership proxy 3`. `/partnership decisions` lists the open ones.',
        ),
      ];
    const prompt = await proxyPrompt(serviceDeps(ctx.deps), actorOf(ctx), { number: Number(number) });
    return answer(ctx, prompt, (p) => proxyPromptReply(p, ctx.scope.person), voter(ctx));
  },
};

export const proxyActions: Record<string, ActionHandler> = {
  [PROXY_VOTE_ACTION]: async (ctx, value) => {
    const parsed = voteValue.safeParse(value);
    if (!parsed.success) return refusePayload(ctx, 'malformed-value', MALFORMED);
    const voted = await proxyVote(serviceDeps(ctx.deps), actorOf(ctx), {
      decisionId: parsed.data.id,
      option: parsed.data.option,
    });
    return answer(ctx, voted, (r) => proxyVotedReply(r, ctx.scope.person), voter(ctx, parsed.data.id));
  },
  [PROXY_WITHDRAW_ACTION]: async (ctx, value) => {
    if (!UUID.test(value)) return refusePayload(ctx, 'malformed-value', MALFORMED);
    const withdrawn = await withdrawProxy(serviceDeps(ctx.deps), actorOf(ctx), { decisionId: value });
    return answer(ctx, withdrawn, (r) => withdrawnReply(r, ctx.scope.person), voter(ctx, value));
  },
};

async function appoint(
  ctx: ScopedContext,
  values: Record<string, string | string[]>,
  context: string | undefined,
): Promise<Reply[]> {
  if (!formSchema.safeParse(values).success) return refusePayload(ctx, 'unexpected-field', UNEXPECTED_FIELDS);
  if (!UUID.test(context ?? '')) return refusePayload(ctx, 'malformed-value', MALFORMED);
  const raw = values.holder;
  const holderId = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
  const appointed = await appointProxy(serviceDeps(ctx.deps), actorOf(ctx), { decisionId: context!, holderId });
  return answer(ctx, appointed, (r) => appointedReply(r, ctx.scope.person), voter(ctx, context));
}

export const proxyForms: Record<string, FormHandler> = {
  [PROXY_FORM_ID]: appoint,
};
