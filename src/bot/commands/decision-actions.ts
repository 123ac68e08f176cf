// The buttons and forms of decisions. Values carry ids only (a decision id, an option index), and
// none of it is trusted: a value must have exactly the shape the bot's own buttons give it, the
// decision must be of the person's own partnership, a form may carry only its own fields, and the
// authorisation table must allow the person, before a use case runs (which re-checks everything
// against the decision as stored). Anything else is refused and audited (../refuse.ts).
import { z } from 'zod';
import { validateDeclaration } from '../../domain/decisions/respond.ts';
import type { Decision } from '../../domain/decisions/types.ts';
import { manageRefusal, mayManage, noVoteReason } from '../../domain/decisions/who.ts';
import { createRefusal, mayCreate } from '../../domain/decisions/create.ts';
import type { Person } from '../../domain/roster.ts';
import { formatProblems } from '../../domain/result.ts';
import {
  amend,
  amendPrompt,
  close,
  confirmClose,
  shareConflicts,
  showRecord,
} from '../../services/decisions/manage.ts';
import { ballot, declare, declarePrompt, interestPrompt, vote } from '../../services/decisions/respond.ts';
import { startDecision } from '../../services/decisions/start.ts';
import { NOT_FOUND } from '../../services/decisions/deps.ts';
import { can, type Permission } from '../../domain/permissions.ts';
import { refusal } from '../views/refusals.ts';
import { refuse, type RefusalReason } from '../refuse.ts';
import { interestFormReply } from '../views/decision-prompts.ts';
import { actorOf } from './poll.ts';
import type { ActionHandler, FormHandler, ScopedContext } from './types.ts';
import type { Reply } from '../../domain/chat/reply.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const decisionValue = z
  .string()
  .trim()
  .regex(UUID)
  .transform((id) => ({ id, option: 0 }));
const voteValue = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}:\d{1,2}$/i)
  .transform((v) => ({ id: v.slice(0, 36), option: Number(v.slice(37)) }))
  .refine((v) => UUID.test(v.id));

const MALFORMED =
  'I can’t find that decision in your partnership: that button does not carry what my buttons carry, so nothing was done. Type `/partnership decisions` to see the open ones.';

/** Who may press a decision's button, by the authorisation table (and the decision, for managing). */
interface Gate {
  permission: Permission;
  allows?: (person: Person | null, decision: Decision) => boolean;
  message: (person: Person | null) => string;
}

const gate = (
  permission: Permission,
  message: (person: Person | null) => string = () => refusal(permission),
): Gate => ({ permission, message });
const VOTER = (permission: Permission) => gate(permission, (p) => noVoteReason(p) ?? refusal(permission));
const GATES = {
  declare: VOTER('decision.declare'),
  vote: VOTER('decision.vote'),
  view: gate('decision.view'),
  share: gate('decision.share'),
  manage: { permission: 'decision.manage', allows: mayManage, message: () => manageRefusal } satisfies Gate,
};

type Target = { decision: Decision; option: number };

/** The decision a payload names, once it has passed every check; else the refusal. */
async function target(
  ctx: ScopedContext,
  schema: z.ZodType<{ id: string; option: number }>,
  raw: string,
  g: Gate,
): Promise<Target | Reply[]> {
  const { request, deps, scope } = ctx;
  const attempt = { partnershipId: scope.partnership.id, actorId: scope.person?.id ?? null };
  const no = (reason: RefusalReason, message: string, extra: { permission?: string; decisionId?: string } = {}) =>
    refuse(request, deps, { reason, message, attempt, ...extra });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return no('malformed-value', MALFORMED);
  const state = await deps.stores.decisions.find({ id: parsed.data.id });
  // Another partnership's decision is answered exactly like one that does not exist.
  if (!state) return no('unknown-decision', NOT_FOUND);
  if (state.decision.partnershipId !== scope.partnership.id)
    return no('other-partnership', NOT_FOUND, { decisionId: state.decision.id });
  const allowed = g.allows ? g.allows(scope.person, state.decision) : can(scope.person, g.permission);
  if (!allowed)
    return no('not-permitted', g.message(scope.person), { permission: g.permission, decisionId: state.decision.id });
  return { decision: state.decision, option: parsed.data.option };
}

const on =
  (
    g: Gate,
    run: (ctx: ScopedContext, t: Target) => Promise<Reply[]>,
    schema: z.ZodType<{ id: string; option: number }> = decisionValue,
  ): ActionHandler =>
  async (ctx, value) => {
    const t = await target(ctx, schema, value, g);
    return Array.isArray(t) ? t : run(ctx, t);
  };

export const decisionActions: Record<string, ActionHandler> = {
  'decision.declare': on(GATES.declare, (ctx, t) => declarePrompt(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.declare.none': on(GATES.declare, (ctx, t) =>
    declare(ctx.deps, actorOf(ctx), t.decision.id, { outcome: 'none' }),
  ),
  'decision.declare.interest': on(GATES.declare, (ctx, t) => interestPrompt(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.ballot': on(GATES.vote, (ctx, t) => ballot(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.ballot.change': on(GATES.vote, (ctx, t) => ballot(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.vote': on(GATES.vote, (ctx, t) => vote(ctx.deps, actorOf(ctx), t.decision.id, t.option), voteValue),
  'decision.close': on(GATES.manage, (ctx, t) => confirmClose(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.close.confirm': on(GATES.manage, (ctx, t) => close(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.view': on(GATES.view, (ctx, t) => showRecord(ctx.deps, actorOf(ctx), { id: t.decision.id })),
  'decision.share': on(GATES.share, (ctx, t) => shareConflicts(ctx.deps, actorOf(ctx), t.decision.id)),
  'decision.amend': on(GATES.manage, (ctx, t) => amendPrompt(ctx.deps, actorOf(ctx), t.decision.id)),
};

/**
 * Every field each form can have (src/bot/views/decision-prompts.ts; test/security checks they
 * match). A submission with any other field (a person id, say) was not made with our form.
 */
export const FORM_FIELDS = {
  'decision.create': ['title', 'description', 'kind', 'organisations', 'options', 'closes', 'ballot', 'visibility'],
  'decision.declare': ['kind', 'organisation', 'detail', 'register', 'link'],
  'decision.amend': ['closes', 'ballot', 'visibility'],
} as const;

const fieldValue = z.union([z.string().max(10_000), z.array(z.string().max(1_000)).max(200)]).optional();
const formSchema = (fields: readonly string[]) =>
  z.object(Object.fromEntries(fields.map((f) => [f, fieldValue]))).strict();
const SCHEMAS = Object.fromEntries(
  Object.entries(FORM_FIELDS).map(([id, fields]) => [id, formSchema(fields)]),
) as Record<keyof typeof FORM_FIELDS, ReturnType<typeof formSchema>>;

const UNEXPECTED =
  'That form carries fields my form never had, so nothing was saved. Open it again from my message and send it from there.';

/** A form's values after the field check: only its own fields, each text or a list of text. */
const checked =
  (
    formId: keyof typeof FORM_FIELDS,
    run: (
      ctx: ScopedContext,
      values: Record<string, string | string[]>,
      context: string | undefined,
    ) => Promise<Reply[]>,
  ): FormHandler =>
  async (ctx, values, context) => {
    if (!SCHEMAS[formId].safeParse(values).success) {
      return refuse(ctx.request, ctx.deps, {
        reason: 'unexpected-field',
        message: UNEXPECTED,
        attempt: { partnershipId: ctx.scope.partnership.id, actorId: ctx.scope.person?.id ?? null },
      });
    }
    return run(ctx, values, context);
  };

/** A form about one decision: its context is the decision id, checked like a button's value. */
const aboutDecision =
  (g: Gate, run: (ctx: ScopedContext, d: Decision, values: Record<string, string | string[]>) => Promise<Reply[]>) =>
  async (ctx: ScopedContext, values: Record<string, string | string[]>, context: string | undefined) => {
    const t = await target(ctx, decisionValue, context ?? '', g);
    return Array.isArray(t) ? t : run(ctx, t.decision, values);
  };

const flat = (values: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]));

export const decisionForms: Record<string, FormHandler> = {
  'decision.create': checked('decision.create', async (ctx, values, context) => {
    const { person, partnership } = ctx.scope;
    if (!mayCreate(person, partnership.settings)) {
      return refuse(ctx.request, ctx.deps, {
        reason: 'not-permitted',
        message: createRefusal(person, partnership.settings),
        permission: 'decision.create',
        attempt: { partnershipId: partnership.id, actorId: person?.id ?? null },
      });
    }
    return startDecision(ctx.deps, actorOf(ctx), ctx.request.conversation, values, context);
  }),
  'decision.declare': checked(
    'decision.declare',
    aboutDecision(GATES.declare, async (ctx, d, values) => {
      const input = validateDeclaration(values, d);
      if (!input.ok) return [interestFormReply(d, formatProblems(input.error), flat(values))];
      return declare(ctx.deps, actorOf(ctx), d.id, input.value);
    }),
  ),
  'decision.amend': checked(
    'decision.amend',
    aboutDecision(GATES.manage, (ctx, d, values) => amend(ctx.deps, actorOf(ctx), d.id, values)),
  ),
};
